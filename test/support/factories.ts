import { randomUUID } from 'node:crypto';
import { DEFAULT_DEFINITION } from '../../src/blueprint/default-definition.js';
import { DEFAULT_REASON_TAXONOMY } from '../../src/blueprint/reason-taxonomy.js';
import type { Database } from '../../src/db/connection.js';
import {
  agreements,
  clientReturns,
  clients,
  managedSystems,
  organisations,
  tickets,
  users,
} from '../../src/db/schema.js';
import { openCloseout } from '../../src/domain/closeout/open.js';
import type { Closeout } from '../../src/domain/model.js';

/**
 * Test data with sensible defaults; every builder takes overrides for what a test cares about.
 * Names and references are unique within a run, so files sharing a database never collide.
 */

let sequence = 0;
const next = () => {
  sequence += 1;
  return sequence;
};

export type OrganisationRow = typeof organisations.$inferSelect;
export type ClientRow = typeof clients.$inferSelect;
export type UserRow = typeof users.$inferSelect;
export type TicketRow = typeof tickets.$inferSelect;
export type ManagedSystemRow = typeof managedSystems.$inferSelect;
export type AgreementRow = typeof agreements.$inferSelect;
export type ClientReturnRow = typeof clientReturns.$inferSelect;

export function buildOrganisation(
  overrides: Partial<typeof organisations.$inferInsert> = {},
): typeof organisations.$inferInsert & { id: string } {
  const name = overrides.name ?? `Northwind IT ${next()}`;
  return {
    id: randomUUID(),
    name,
    personalisation: {
      organisationName: name,
      logo: null,
      primaryColor: '#1f6feb',
      roleNames: {},
      systemNames: {},
    },
    reasonTaxonomy: DEFAULT_REASON_TAXONOMY,
    ...overrides,
  };
}

export async function insertOrganisation(
  db: Database,
  overrides: Partial<typeof organisations.$inferInsert> = {},
): Promise<OrganisationRow> {
  const [row] = await db.insert(organisations).values(buildOrganisation(overrides)).returning();
  return row!;
}

export async function insertClient(
  db: Database,
  orgId: string,
  overrides: Partial<typeof clients.$inferInsert> = {},
): Promise<ClientRow> {
  const [row] = await db
    .insert(clients)
    .values({
      orgId,
      name: `Contoso Dental ${next()}`,
      clientSince: '2019-03-01',
      industry: 'Healthcare',
      ...overrides,
    })
    .returning();
  return row!;
}

/** A staff user; the password hash is a placeholder that no password matches. */
export async function insertUser(
  db: Database,
  orgId: string,
  overrides: Partial<typeof users.$inferInsert> = {},
): Promise<UserRow> {
  const n = next();
  const [row] = await db
    .insert(users)
    .values({
      orgId,
      email: `technician.${n}.${randomUUID().slice(0, 8)}@northwind.example`,
      name: `Technician ${n}`,
      passwordHash: 'not-a-password-hash',
      roles: ['technician'],
      ...overrides,
    })
    .returning();
  return row!;
}

export async function insertTicket(
  db: Database,
  orgId: string,
  clientId: string,
  overrides: Partial<typeof tickets.$inferInsert> = {},
): Promise<TicketRow> {
  const n = next();
  const [row] = await db
    .insert(tickets)
    .values({
      orgId,
      clientId,
      number: `T-${String(n).padStart(5, '0')}`,
      title: `Printer on floor ${n} offline`,
      openedAt: new Date('2025-05-02T09:30:00.000Z'),
      ...overrides,
    })
    .returning();
  return row!;
}

export async function insertManagedSystem(
  db: Database,
  orgId: string,
  clientId: string,
  overrides: Partial<typeof managedSystems.$inferInsert> = {},
): Promise<ManagedSystemRow> {
  const [row] = await db
    .insert(managedSystems)
    .values({
      orgId,
      clientId,
      name: `Microsoft 365 tenant ${next()}`,
      category: 'cloud',
      ...overrides,
    })
    .returning();
  return row!;
}

export async function insertAgreement(
  db: Database,
  orgId: string,
  clientId: string,
  overrides: Partial<typeof agreements.$inferInsert> = {},
): Promise<AgreementRow> {
  const [row] = await db
    .insert(agreements)
    .values({
      orgId,
      clientId,
      name: 'Managed services',
      monthlyRecurringRevenue: 2400,
      startDate: '2019-03-01',
      ...overrides,
    })
    .returning();
  return row!;
}

/**
 * A closeout just opened on a client's notice, as the engine opens one (first stage, its
 * tasks), with `overrides` laid over it.
 */
export function buildCloseout(
  overrides: Partial<Closeout> & Pick<Closeout, 'orgId' | 'clientId'>,
): Closeout {
  const opened = openCloseout(
    {
      id: randomUUID(),
      orgId: overrides.orgId,
      reference: `CO-${String(next()).padStart(4, '0')}`,
      clientId: overrides.clientId,
      trigger: 'client_notice',
      noticeReceivedOn: '2025-06-02',
      noticeEvidence: 'Email from the managing director, 2 June 2025',
      ownerUserId: null,
    },
    [],
    {
      definition: DEFAULT_DEFINITION,
      now: '2025-06-02T08:15:00.000Z',
      actor: { kind: 'system', name: 'Dana Service Manager' },
      newId: randomUUID,
    },
  );
  return { ...opened, ...overrides };
}

/** A former client's return after the closeout that ended its last relationship. */
export async function insertClientReturn(
  db: Database,
  orgId: string,
  closeout: Pick<Closeout, 'id' | 'clientId'>,
  overrides: Partial<typeof clientReturns.$inferInsert> = {},
): Promise<ClientReturnRow> {
  const [row] = await db
    .insert(clientReturns)
    .values({
      orgId,
      clientId: closeout.clientId,
      closeoutId: closeout.id,
      agreementSignedOn: '2025-09-01',
      monthlyRecurringRevenue: 2100,
      recordedBy: 'Sam Service',
      ...overrides,
    })
    .returning();
  return row!;
}
