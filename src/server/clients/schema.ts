import { z } from 'zod';
import { MANAGED_SYSTEM_CATEGORIES } from '../../domain/handover.js';

/**
 * The client API's contract: clients with their contacts, agreements and managed systems, the
 * termination-date preview and a former client's return. Shared with the web app, so it imports
 * nothing from the server.
 */

const ZId = z.uuid();
const ZDay = z.iso.date();
const ZMoment = z.iso.datetime({ offset: true });
const ZText = (max: number) => z.string().trim().max(max);
const ZRequiredText = (max: number) => z.string().trim().min(1, 'Required').max(max);
/** numeric(12,2): up to ten digits before the decimal point. */
const ZMonthlyRecurringRevenue = z.number().min(0, 'zero or more').max(9_999_999_999.99);

export const ZClientStatus = z.enum(['active', 'in_closeout', 'former']);
export type TClientStatus = z.infer<typeof ZClientStatus>;

/** Where a record came from: entered by hand, a CSV import, a PSA, or the demo data. */
export const ZSource = z.enum([
  'manual',
  'csv',
  'connectwise',
  'autotask',
  'halopsa',
  'itflow',
  'demo',
]);
export type TSource = z.infer<typeof ZSource>;

/** The record's id in its source; unique per source within the organisation. */
export const ZExternalId = ZRequiredText(200).nullable();

export const ZManagedSystemCategory = z.enum(MANAGED_SYSTEM_CATEGORIES);

const atLeastOneField = (body: object) => Object.keys(body).length > 0;
const SEND_A_FIELD = 'Send at least one field to change.';

// ---- records around a client -----------------------------------------------------------------

export const ZContact = z.object({
  id: ZId,
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  title: z.string(),
  isDecisionMaker: z.boolean(),
  isTechnicalContact: z.boolean(),
});
export type TContact = z.infer<typeof ZContact>;

const contactFields = {
  name: ZRequiredText(200),
  email: z.email().nullable(),
  phone: ZText(40).nullable(),
  title: ZText(200),
  isDecisionMaker: z.boolean(),
  isTechnicalContact: z.boolean(),
};

export const ZCreateContactRequest = z.object({
  ...contactFields,
  email: contactFields.email.default(null),
  phone: contactFields.phone.default(null),
  title: contactFields.title.default(''),
  isDecisionMaker: contactFields.isDecisionMaker.default(false),
  isTechnicalContact: contactFields.isTechnicalContact.default(false),
});
export type TCreateContactRequest = z.infer<typeof ZCreateContactRequest>;

export const ZUpdateContactRequest = z
  .object(contactFields)
  .partial()
  .refine(atLeastOneField, SEND_A_FIELD);
export type TUpdateContactRequest = z.infer<typeof ZUpdateContactRequest>;

export const ZAgreement = z.object({
  id: ZId,
  name: z.string(),
  monthlyRecurringRevenue: z.number(),
  startDate: ZDay,
  termEndDate: ZDay.nullable(),
  noticePeriodDays: z.number().int(),
  status: z.enum(['active', 'ended']),
  endedOn: ZDay.nullable(),
});
export type TAgreement = z.infer<typeof ZAgreement>;

const agreementFields = {
  name: ZRequiredText(200),
  monthlyRecurringRevenue: ZMonthlyRecurringRevenue,
  startDate: ZDay,
  /** The end of a fixed term; null for a rolling agreement. Not before the start. */
  termEndDate: ZDay.nullable(),
  noticePeriodDays: z.number().int().min(0, 'zero or more').max(730, 'at most 730 days'),
  status: z.enum(['active', 'ended']),
  /** The day an ended agreement ended; null while it runs. */
  endedOn: ZDay.nullable(),
};

export const ZCreateAgreementRequest = z.object({
  ...agreementFields,
  termEndDate: agreementFields.termEndDate.default(null),
  noticePeriodDays: agreementFields.noticePeriodDays.default(30),
  status: agreementFields.status.default('active'),
  endedOn: agreementFields.endedOn.default(null),
});
export type TCreateAgreementRequest = z.infer<typeof ZCreateAgreementRequest>;

export const ZUpdateAgreementRequest = z
  .object(agreementFields)
  .partial()
  .refine(atLeastOneField, SEND_A_FIELD);
export type TUpdateAgreementRequest = z.infer<typeof ZUpdateAgreementRequest>;

export const ZManagedSystem = z.object({
  id: ZId,
  name: z.string(),
  /** One of the managed-system categories; an import may have brought another. */
  category: z.string(),
  description: z.string(),
});
export type TManagedSystem = z.infer<typeof ZManagedSystem>;

const managedSystemFields = {
  name: ZRequiredText(200),
  category: ZManagedSystemCategory,
  description: ZText(4000),
};

export const ZCreateManagedSystemRequest = z.object({
  ...managedSystemFields,
  description: managedSystemFields.description.default(''),
});
export type TCreateManagedSystemRequest = z.infer<typeof ZCreateManagedSystemRequest>;

export const ZUpdateManagedSystemRequest = z
  .object(managedSystemFields)
  .partial()
  .refine(atLeastOneField, SEND_A_FIELD);
export type TUpdateManagedSystemRequest = z.infer<typeof ZUpdateManagedSystemRequest>;

// ---- clients ---------------------------------------------------------------------------------

export const ZClientSummary = z.object({
  id: ZId,
  name: z.string(),
  status: ZClientStatus,
  clientSince: ZDay,
  industry: z.string(),
  source: ZSource,
  externalId: z.string().nullable(),
  /** Of the active agreements. */
  monthlyRecurringRevenue: z.number(),
  openTickets: z.number().int(),
  openCloseoutId: ZId.nullable(),
});
export type TClientSummary = z.infer<typeof ZClientSummary>;

export const ZClientPage = z.object({
  items: z.array(ZClientSummary),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type TClientPage = z.infer<typeof ZClientPage>;

export const ZClientCloseout = z.object({
  id: ZId,
  reference: z.string(),
  status: z.enum(['open', 'retained', 'withdrawn', 'terminated']),
  stage: z.string(),
  openedAt: ZMoment,
  endedAt: ZMoment.nullable(),
});

export const ZClientReturn = z.object({
  id: ZId,
  closeoutId: ZId,
  agreementSignedOn: ZDay,
  monthlyRecurringRevenue: z.number(),
  recordedAt: ZMoment,
  recordedBy: z.string(),
});
export type TClientReturn = z.infer<typeof ZClientReturn>;

export const ZClientDetail = ZClientSummary.extend({
  notes: z.string(),
  createdAt: ZMoment,
  updatedAt: ZMoment,
  contacts: z.array(ZContact),
  agreements: z.array(ZAgreement),
  managedSystems: z.array(ZManagedSystem),
  /** Newest first. */
  closeouts: z.array(ZClientCloseout),
  /** New agreements signed after a closeout ended terminated, newest first. */
  returns: z.array(ZClientReturn),
});
export type TClientDetail = z.infer<typeof ZClientDetail>;

export const ZListClientsQuery = z.object({
  status: ZClientStatus.optional(),
  /** Part of the client's name. */
  q: ZText(120).optional(),
  sort: z.enum(['name', '-name', 'clientSince', '-clientSince']).default('name'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type TListClientsQuery = z.infer<typeof ZListClientsQuery>;

const clientFields = {
  name: ZRequiredText(200),
  clientSince: ZDay,
  industry: ZText(120),
  notes: ZText(20000),
  source: ZSource,
  externalId: ZExternalId,
};

export const ZCreateClientRequest = z.object({
  ...clientFields,
  industry: clientFields.industry.default(''),
  notes: clientFields.notes.default(''),
  source: clientFields.source.default('manual'),
  externalId: clientFields.externalId.default(null),
});
export type TCreateClientRequest = z.infer<typeof ZCreateClientRequest>;

/** The status is not set by hand: it follows the client's closeouts and returns. */
export const ZUpdateClientRequest = z
  .object(clientFields)
  .partial()
  .refine(atLeastOneField, SEND_A_FIELD);
export type TUpdateClientRequest = z.infer<typeof ZUpdateClientRequest>;

export const ZClientParams = z.object({ clientId: ZId });
export const ZContactParams = z.object({ clientId: ZId, contactId: ZId });
export const ZAgreementParams = z.object({ clientId: ZId, agreementId: ZId });
export const ZManagedSystemParams = z.object({ clientId: ZId, managedSystemId: ZId });

// ---- termination preview and return ------------------------------------------------------------

export const ZEarliestTerminationQuery = z.object({ noticeReceivedOn: ZDay });

export const ZEarliestTermination = z.object({
  noticeReceivedOn: ZDay,
  /** The earliest day every active agreement allows, after its notice period and fixed term. */
  earliestTerminationDate: ZDay,
  /** Monthly recurring revenue of the active agreements: what a closeout would put at risk. */
  mrrAtRisk: z.number(),
  activeAgreements: z.number().int(),
  /** When each active agreement can end; those ending on the proposed date set it. */
  agreementEndings: z.array(
    z.object({
      agreementId: ZId,
      name: z.string(),
      endsOn: ZDay,
      by: z.enum(['notice_period', 'term_end']),
      noticePeriodDays: z.number().int(),
      setsTheDate: z.boolean(),
    }),
  ),
});
export type TEarliestTermination = z.infer<typeof ZEarliestTermination>;

export const ZRecordReturnRequest = z.object({
  agreementSignedOn: ZDay,
  monthlyRecurringRevenue: ZMonthlyRecurringRevenue,
  agreementName: ZRequiredText(200),
});
export type TRecordReturnRequest = z.infer<typeof ZRecordReturnRequest>;
