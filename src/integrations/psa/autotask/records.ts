import { z } from 'zod';

/**
 * The shapes Autotask's REST API (v1.0) documents for the answers Closeout reads, reduced to the
 * fields it uses. Anything that does not parse is an unexpected response, never a guess.
 */

/** Autotask writes moments in UTC, usually with a `Z`; a bare `2024-05-01T09:30:00` is UTC too. */
const moment = z.string().refine((value) => !Number.isNaN(Date.parse(asUtc(value))), {
  message: 'not a date and time',
});
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}/, { message: 'not a date' });
const id = z.number().int().nonnegative();

export function asUtc(value: string): string {
  return /(?:Z|[+-]\d{2}:?\d{2})$/i.test(value) ? value : `${value}Z`;
}

export const zoneInformationSchema = z.object({
  zoneName: z.string(),
  url: z.url({ protocol: /^https?$/ }),
  webUrl: z.string().nullish(),
  ci: z.number().nullish(),
});

export const queryPageSchema = z.object({
  items: z.array(z.unknown()),
  pageDetails: z.object({
    count: z.number().int().nonnegative(),
    requestCount: z.number().int().nonnegative(),
    prevPageUrl: z.string().nullish(),
    nextPageUrl: z.string().nullish(),
  }),
});

/** What a create or update answers: the id of the record written. */
export const itemIdSchema = z.object({ itemId: id });

export const entityFieldsSchema = z.object({
  fields: z.array(
    z.object({
      name: z.string(),
      isPickList: z.boolean(),
      picklistValues: z
        .array(z.object({ value: z.string(), label: z.string(), isActive: z.boolean() }))
        .nullish(),
    }),
  ),
});

/** Autotask's own error bodies (`errors`) and its web layer's (`Message`, e.g. on a 405). */
export const errorBodySchema = z.union([
  z.object({ errors: z.array(z.string()).min(1) }),
  z.object({ Message: z.string().min(1) }),
]);

export const companySchema = z.object({
  id,
  companyName: z.string(),
  companyType: z.number().int().nullish(),
  createDate: moment.nullish(),
  marketSegmentID: z.number().int().nullish(),
});
export type AutotaskCompany = z.infer<typeof companySchema>;

export const contractSchema = z.object({
  id,
  companyID: id,
  contractName: z.string(),
  contractType: z.number().int().nullish(),
  status: z.number().int(),
  startDate: day,
  endDate: day.nullish(),
  estimatedRevenue: z.number().nullish(),
});
export type AutotaskContract = z.infer<typeof contractSchema>;

export const ticketSchema = z.object({
  id,
  companyID: id,
  ticketNumber: z.string(),
  title: z.string(),
  status: z.number().int(),
  priority: z.number().int().nullish(),
  createDate: moment,
  completedDate: moment.nullish(),
});
export type AutotaskTicket = z.infer<typeof ticketSchema>;
