import type { agreements, contacts, managedSystems } from '../../db/schema.js';
import type { TAgreement, TContact, TManagedSystem } from './schema.js';

/** The records around a client as the API shows them. */

type ContactRow = typeof contacts.$inferSelect;
type AgreementRow = typeof agreements.$inferSelect;
type ManagedSystemRow = typeof managedSystems.$inferSelect;

export const presentContact = (row: ContactRow): TContact => ({
  id: row.id,
  name: row.name,
  email: row.email,
  phone: row.phone,
  title: row.title,
  isDecisionMaker: row.isDecisionMaker,
  isTechnicalContact: row.isTechnicalContact,
});

export const presentAgreement = (row: AgreementRow): TAgreement => ({
  id: row.id,
  name: row.name,
  monthlyRecurringRevenue: row.monthlyRecurringRevenue,
  startDate: row.startDate,
  termEndDate: row.termEndDate,
  noticePeriodDays: row.noticePeriodDays,
  status: row.status,
  endedOn: row.endedOn,
});

export const presentManagedSystem = (row: ManagedSystemRow): TManagedSystem => ({
  id: row.id,
  name: row.name,
  category: row.category,
  description: row.description,
});
