import type { clientReturns } from '../db/schema.js';
import type { Agreement, Closeout, IsoDate } from '../domain/model.js';
import type { Random } from './random.js';
import type { DemoAuditEvent } from './simulate.js';
import type { DemoStaff } from './staff.js';
import { at } from './time.js';

/** A former client signs a new agreement some months after leaving: it is a client again. */

export type ClientReturnRow = typeof clientReturns.$inferInsert & { id: string };

const DAY_MS = 86_400_000;

export function recordReturn(options: {
  random: Random;
  closeout: Closeout;
  returnOn: IsoDate;
  staff: DemoStaff;
}): { agreement: Agreement; row: ClientReturnRow; event: DemoAuditEvent; clientNote: string } {
  const { random, closeout, returnOn, staff } = options;
  const monthlyRecurringRevenue =
    Math.round((closeout.mrrAtRisk * random.between(0.8, 1.1)) / 5) * 5;
  const agreement: Agreement = {
    id: random.uuid(),
    clientId: closeout.clientId,
    name: 'Managed Services Agreement',
    monthlyRecurringRevenue,
    startDate: returnOn,
    termEndDate: null,
    noticePeriodDays: 60,
    status: 'active',
    endedOn: null,
  };
  const recordedAt = at(returnOn, 11);
  const left = closeout.meeting.agreement!.terminationDate;
  const monthsAway = Math.round((Date.parse(returnOn) - Date.parse(left)) / DAY_MS / 30.4);
  return {
    agreement,
    row: {
      id: random.uuid(),
      orgId: closeout.orgId,
      clientId: closeout.clientId,
      closeoutId: closeout.id,
      agreementSignedOn: returnOn,
      monthlyRecurringRevenue,
      recordedAt: new Date(recordedAt),
      recordedBy: staff.serviceManager.name,
    },
    event: {
      orgId: closeout.orgId,
      closeoutId: closeout.id,
      entityType: 'client',
      entityId: closeout.clientId,
      action: 'record_return',
      actor: staff.serviceManager,
      before: { status: 'former' },
      after: {
        status: 'active',
        agreementSignedOn: returnOn,
        monthlyRecurringRevenue,
        agreementName: agreement.name,
      },
      at: recordedAt,
    },
    clientNote: `Left on ${left} and came back on ${returnOn}, after ${monthsAway} months with another provider.`,
  };
}
