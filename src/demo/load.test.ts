import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/support/database.js';
import type { OpenDatabase } from '../db/connection.js';
import { listAuditEvents } from '../db/repositories/audit.js';
import { loadCloseout } from '../db/repositories/closeouts.js';
import { auditEvents, clients, organisations, tickets, users } from '../db/schema.js';
import { AppError } from '../domain/errors.js';
import { verifyPassword } from '../server/auth/secrets.js';
import { DEFAULT_DEMO_SCALE, DEMO_SEED, generateDemoMsp } from './generate.js';
import { type DemoLoadResult, loadDemo } from './load.js';

const TODAY = '2025-06-11';
const generated = generateDemoMsp({ seed: DEMO_SEED, scale: DEFAULT_DEMO_SCALE, today: TODAY });

let database: OpenDatabase;
let loaded: DemoLoadResult;

beforeAll(async () => {
  database = await createTestDatabase();
  loaded = await loadDemo({ db: database.db, today: TODAY });
}, 120_000);

afterAll(async () => {
  await database?.close();
});

describe('loadDemo', () => {
  it('reports what it loaded and who can sign in', () => {
    expect(loaded.organisationId).toBe(generated.organisation.id);
    expect(loaded.organisationName).toBe('Northwind Managed IT');
    expect(loaded.counts).toEqual({
      users: 6,
      clients: 40,
      contacts: 80,
      agreements: generated.agreements.length,
      managedSystems: generated.managedSystems.length,
      tickets: generated.tickets.length,
      closeouts: 14,
      clientReturns: 1,
      auditEvents: generated.auditEvents.length,
    });
    expect(loaded.signIns).toContainEqual({
      name: 'Erin Caldwell',
      email: 'erin.caldwell@northwind-it.example',
      roles: ['executive'],
    });
    expect(loaded.password).toHaveLength(20);
  });

  it('lets every demo user sign in with the one password of this load', async () => {
    const rows = await database.db
      .select({ passwordHash: users.passwordHash })
      .from(users)
      .where(eq(users.orgId, loaded.organisationId));
    expect(rows).toHaveLength(6);
    expect(new Set(rows.map((row) => row.passwordHash)).size).toBe(1);
    expect(await verifyPassword(rows[0]!.passwordHash, loaded.password)).toBe(true);
    expect(await verifyPassword(rows[0]!.passwordHash, 'not-the-password')).toBe(false);
  });

  it('stores every closeout exactly as the engine left it', async () => {
    for (const closeout of generated.closeouts) {
      expect(await loadCloseout(database.db, loaded.organisationId, closeout.id)).toEqual(closeout);
    }
  });

  it("stores the clients' statuses and the tickets as the reviews left them", async () => {
    const clientRows = await database.db
      .select({ id: clients.id, status: clients.status })
      .from(clients)
      .where(eq(clients.orgId, loaded.organisationId));
    expect(new Map(clientRows.map((row) => [row.id, row.status]))).toEqual(
      new Map(generated.clients.map((client) => [client.id, client.status])),
    );
    const ticketRows = await database.db
      .select()
      .from(tickets)
      .where(eq(tickets.orgId, loaded.organisationId));
    const stored = new Map(ticketRows.map((row) => [row.id, row]));
    expect(stored.size).toBe(generated.tickets.length);
    for (const ticket of generated.tickets) {
      expect(stored.get(ticket.id)).toMatchObject({
        number: ticket.number,
        status: ticket.status,
        openedAt: ticket.openedAt,
        closedAt: ticket.closedAt,
        satisfaction: ticket.satisfaction,
      });
    }
  });

  it('writes the audit trail in the order things happened, at the simulated moments', async () => {
    const [stored] = await database.db
      .select({ events: count() })
      .from(auditEvents)
      .where(eq(auditEvents.orgId, loaded.organisationId));
    expect(stored?.events).toBe(generated.auditEvents.length);
    const closeout = generated.closeouts.find((c) => c.status === 'terminated')!;
    const trail = await listAuditEvents(database.db, loaded.organisationId, {
      closeoutId: closeout.id,
      limit: 500,
    });
    const expected = generated.auditEvents.filter((event) => event.closeoutId === closeout.id);
    expect(trail.map((event) => [event.action, event.at, event.actor.name])).toEqual(
      expected.map((event) => [event.action, event.at, event.actor.name]).reverse(),
    );
  });

  it('refuses to load the demo a second time', async () => {
    const second = loadDemo({ db: database.db, today: TODAY });
    await expect(second).rejects.toBeInstanceOf(AppError);
    await expect(second).rejects.toMatchObject({ code: 'conflict' });
    const [organisationsNamed] = await database.db
      .select({ organisations: count() })
      .from(organisations)
      .where(eq(organisations.name, 'Northwind Managed IT'));
    expect(organisationsNamed?.organisations).toBe(1);
  });
});
