import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/support/database.js';
import { insertOrganisation } from '../../../test/support/factories.js';
import type { Actor } from '../../domain/model.js';
import type { OpenDatabase } from '../connection.js';
import { auditEvents } from '../schema.js';
import { type AuditEventInput, listAuditEvents, recordAuditEvents } from './audit.js';

const dana: Actor = {
  kind: 'user',
  userId: randomUUID(),
  name: 'Dana Service Manager',
  roles: ['service_manager'],
};
const contact: Actor = { kind: 'client_contact', contactId: randomUUID(), name: 'Priya Patel' };
const system: Actor = { kind: 'system', name: 'Ticket sync' };

let database: OpenDatabase;
let orgId: string;
let otherOrgId: string;
const closeoutA = randomUUID();
const closeoutB = randomUUID();

const event = (overrides: Partial<AuditEventInput>): AuditEventInput => ({
  orgId,
  closeoutId: closeoutA,
  entityType: 'closeout',
  entityId: closeoutA,
  action: 'closeout.opened',
  actor: dana,
  before: null,
  after: null,
  ...overrides,
});

/** The database's own words, whichever driver wrapped them. */
async function refusal(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    const cause = (error as { cause?: { message?: string } }).cause;
    return `${(error as Error).message} ${cause?.message ?? ''}`;
  }
  return 'no refusal';
}

beforeAll(async () => {
  database = await createTestDatabase();
  orgId = (await insertOrganisation(database.db)).id;
  otherOrgId = (await insertOrganisation(database.db)).id;
  await recordAuditEvents(database.db, [
    event({ action: 'closeout.opened', after: { stage: 'retention_assessment' } }),
    event({
      action: 'ticket_review.agreed',
      entityType: 'ticket_review',
      entityId: 'T-00042',
      actor: contact,
      before: { clientAgreed: false },
      after: { clientAgreed: true },
    }),
    event({ closeoutId: closeoutB, entityId: closeoutB, action: 'closeout.opened' }),
    event({ closeoutId: null, entityType: 'client', entityId: 'c-1', action: 'client.imported' }),
    event({ action: 'ticket.pulled', actor: system, before: 'plain text', after: [1, 2, 3] }),
  ]);
  await recordAuditEvents(database.db, [
    event({ orgId: otherOrgId, closeoutId: closeoutA, action: 'closeout.opened' }),
  ]);
});

afterAll(() => database.close());

describe('the audit trail', () => {
  it('lists an organisation’s events newest first, with the actor as recorded', async () => {
    const events = await listAuditEvents(database.db, orgId, { limit: 10 });
    expect(events.map((e) => e.action)).toEqual([
      'ticket.pulled',
      'client.imported',
      'closeout.opened',
      'ticket_review.agreed',
      'closeout.opened',
    ]);
    expect(events[0]).toMatchObject({
      orgId,
      closeoutId: closeoutA,
      actor: { kind: 'system', id: null, name: 'Ticket sync' },
      before: 'plain text',
      after: [1, 2, 3],
    });
    expect(events[3]).toMatchObject({
      entityType: 'ticket_review',
      entityId: 'T-00042',
      actor: { kind: 'client_contact', id: contact.contactId, name: 'Priya Patel' },
      before: { clientAgreed: false },
      after: { clientAgreed: true },
    });
    expect(events[4]).toMatchObject({
      actor: { kind: 'user', id: dana.userId, name: 'Dana Service Manager' },
      before: null,
      after: { stage: 'retention_assessment' },
    });
    expect(events[1]?.closeoutId).toBeNull();
    expect(Number.isNaN(Date.parse(events[0]!.at))).toBe(false);
  });

  it('pages with the id of the last event seen', async () => {
    const first = await listAuditEvents(database.db, orgId, { limit: 2 });
    const second = await listAuditEvents(database.db, orgId, {
      limit: 2,
      beforeId: first.at(-1)!.id,
    });
    const third = await listAuditEvents(database.db, orgId, {
      limit: 2,
      beforeId: second.at(-1)!.id,
    });
    expect([...first, ...second, ...third].map((e) => e.action)).toEqual([
      'ticket.pulled',
      'client.imported',
      'closeout.opened',
      'ticket_review.agreed',
      'closeout.opened',
    ]);
    expect(third).toHaveLength(1);
  });

  it('narrows to one closeout, within the organisation only', async () => {
    const events = await listAuditEvents(database.db, orgId, { closeoutId: closeoutA, limit: 10 });
    expect(events.map((e) => e.action)).toEqual([
      'ticket.pulled',
      'ticket_review.agreed',
      'closeout.opened',
    ]);
    const others = await listAuditEvents(database.db, otherOrgId, { limit: 10 });
    expect(others.map((e) => [e.orgId, e.action])).toEqual([[otherOrgId, 'closeout.opened']]);
  });

  it('records nothing for an empty list', async () => {
    await recordAuditEvents(database.db, []);
    expect(await listAuditEvents(database.db, orgId, { limit: 10 })).toHaveLength(5);
  });

  it('refuses to change a recorded event', async () => {
    expect(
      await refusal(
        database.db
          .update(auditEvents)
          .set({ action: 'closeout.forged' })
          .where(sql`${auditEvents.orgId} = ${orgId}`),
      ),
    ).toContain('audit_events is append-only');
  });

  it('refuses to delete a recorded event, or to empty the table', async () => {
    expect(
      await refusal(database.db.delete(auditEvents).where(sql`${auditEvents.orgId} = ${orgId}`)),
    ).toContain('audit_events is append-only');
    expect(await refusal(database.db.execute(sql`truncate audit_events`))).toContain(
      'audit_events is append-only',
    );
    expect(await listAuditEvents(database.db, orgId, { limit: 10 })).toHaveLength(5);
  });
});
