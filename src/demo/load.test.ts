import { randomBytes } from 'node:crypto';
import { and, count, eq, isNotNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/support/database.js';
import type { OpenDatabase } from '../db/connection.js';
import { listAuditEvents } from '../db/repositories/audit.js';
import { loadCloseout } from '../db/repositories/closeouts.js';
import {
  auditEvents,
  clients,
  handoverSecrets,
  mails,
  organisations,
  portalUsers,
  tickets,
  users,
} from '../db/schema.js';
import { AppError } from '../domain/errors.js';
import { SecretVault } from '../security/envelope.js';
import { verifyPassword } from '../server/auth/secrets.js';
import { revealSecretToStaff, secretStatusesOf } from '../server/handover-secrets/service.js';
import { DEFAULT_DEMO_SCALE, DEMO_SEED, generateDemoMsp } from './generate.js';
import { type DemoLoadResult, loadDemo } from './load.js';

const TODAY = '2025-06-11';
const generated = generateDemoMsp({ seed: DEMO_SEED, scale: DEFAULT_DEMO_SCALE, today: TODAY });

const vault = new SecretVault(randomBytes(32));

let database: OpenDatabase;
let loaded: DemoLoadResult;

beforeAll(async () => {
  database = await createTestDatabase();
  loaded = await loadDemo({ db: database.db, vault, today: TODAY });
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
      handoverSecrets: generated.closeouts.flatMap((closeout) => closeout.handoverItems).length,
      portalUsers: generated.portalUsers.length,
      outboxMails: generated.mails.length,
      auditEvents: generated.auditEvents.length,
    });
    expect(loaded.counts.handoverSecrets).toBeGreaterThan(0);
    expect(loaded.counts.portalUsers).toBeGreaterThan(0);
    expect(loaded.counts.outboxMails).toBeGreaterThan(0);
    const invited = generated.portalUsers.find((user) => user.email === loaded.portalSignIn?.email);
    const closeout = generated.closeouts.find(
      (candidate) => candidate.clientId === invited?.clientId,
    );
    expect(closeout).toMatchObject({ status: 'open', stage: 'deactivation_session' });
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

  it('keeps a sealed secret for every handover item, which the vault service reveals', async () => {
    for (const closeout of generated.closeouts.filter((c) => c.handoverItems.length > 0)) {
      const statuses = await secretStatusesOf({
        db: database.db,
        orgId: loaded.organisationId,
        closeoutId: closeout.id,
      });
      expect(statuses.map((status) => [status.itemId, status.stored])).toEqual(
        closeout.handoverItems.map((item) => [item.id, true]),
      );
    }
    const secret = generated.handoverSecrets.find((s) => s.secret.mfaRecoveryCodes.length > 0)!;
    const revealed = await revealSecretToStaff({
      db: database.db,
      vault,
      orgId: loaded.organisationId,
      closeoutId: secret.closeoutId,
      itemId: secret.handoverItemId,
      actor: { kind: 'system', name: 'Demo test' },
    });
    expect(revealed.secret).toEqual(secret.secret);
    expect(revealed.secret.username).toMatch(/^admin@[a-z0-9-]+\.example$/);
  });

  it('stores no secret in plain text: not in the vault, the audit trail or the mails', async () => {
    const rows = await database.db
      .select({ sealed: handoverSecrets.sealed })
      .from(handoverSecrets)
      .where(eq(handoverSecrets.orgId, loaded.organisationId));
    expect(rows).toHaveLength(generated.handoverSecrets.length);
    const plainParts = generated.handoverSecrets.flatMap(({ secret }) => [
      secret.password,
      ...secret.mfaRecoveryCodes,
    ]);
    for (const { sealed } of rows) {
      expect(SecretVault.keyIdOf(sealed)).toBe(vault.keyId);
      for (const part of plainParts) expect(sealed).not.toContain(part);
    }
    for (const password of generated.handoverSecrets.map(({ secret }) => secret.password)) {
      const [leaks] = await database.db
        .execute<{ audit: number; mails: number }>(sql`
        select
          (select count(*)::int from ${auditEvents} where ${auditEvents.orgId} = ${loaded.organisationId}
            and strpos(coalesce(${auditEvents.before}::text, '') || ${auditEvents.after}::text, ${password}) > 0) as audit,
          (select count(*)::int from ${mails} where ${mails.orgId} = ${loaded.organisationId}
            and strpos(${mails.text} || ${mails.html}, ${password}) > 0) as mails`)
        .then((result) => result.rows);
      expect(leaks).toEqual({ audit: 0, mails: 0 });
    }
  });

  it('marks what the client revealed in the portal once the session was held', async () => {
    const revealed = await database.db
      .select({ closeoutId: handoverSecrets.closeoutId, clientId: portalUsers.clientId })
      .from(handoverSecrets)
      .innerJoin(portalUsers, eq(portalUsers.id, handoverSecrets.clientRevealedBy))
      .where(
        and(
          eq(handoverSecrets.orgId, loaded.organisationId),
          isNotNull(handoverSecrets.clientRevealedAt),
        ),
      );
    const held = generated.closeouts.filter((closeout) => closeout.sessionHeldAt !== null);
    expect(revealed).toHaveLength(held.flatMap((closeout) => closeout.handoverItems).length);
    for (const row of revealed) {
      expect(held.find((closeout) => closeout.id === row.closeoutId)?.clientId).toBe(row.clientId);
    }
    const notHeld = generated.closeouts.find(
      (closeout) => closeout.sessionHeldAt === null && closeout.handoverItems.length > 0,
    )!;
    const statuses = await secretStatusesOf({
      db: database.db,
      orgId: loaded.organisationId,
      closeoutId: notHeld.id,
    });
    expect(statuses.every((status) => status.clientRevealedAt === null)).toBe(true);
  });

  it('admits the primary contact of every client whose closeout reached its meeting', async () => {
    const rows = await database.db
      .select()
      .from(portalUsers)
      .where(eq(portalUsers.orgId, loaded.organisationId));
    const stages = ['retention_assessment'];
    const reached = generated.closeouts.filter((closeout) => !stages.includes(closeout.stage));
    expect(rows.map((row) => row.clientId).sort()).toEqual(
      reached.map((closeout) => closeout.clientId).sort(),
    );
    for (const row of rows) {
      const decider = generated.contacts.find(
        (contact) => contact.clientId === row.clientId && contact.isDecisionMaker,
      )!;
      expect(row).toMatchObject({ contactId: decider.id, email: decider.email, revokedAt: null });
    }
    const active = rows.filter((row) => row.lastSignInAt !== null);
    expect(active.length).toBeGreaterThan(0);
    expect(active.every((row) => row.lastSignInAt! > row.invitedAt)).toBe(true);
  });

  it('keeps the mails it wrote in the outbox, a meeting invitation with its calendar event', async () => {
    const rows = await database.db
      .select()
      .from(mails)
      .where(eq(mails.orgId, loaded.organisationId));
    expect(rows).toHaveLength(generated.mails.length);
    expect(rows.every((row) => row.status === 'outbox' && row.sentAt === null)).toBe(true);
    expect(new Set(rows.map((row) => row.kind))).toEqual(
      new Set(['portal_invitation', 'meeting_invitation', 'closeout_closed']),
    );
    const invitation = rows.find((row) => row.kind === 'meeting_invitation')!;
    expect(invitation.attachments).toEqual([
      expect.objectContaining({ filename: 'closeout-meeting.ics' }),
    ]);
    expect(invitation.attachments[0]!.content).toContain('METHOD:REQUEST');
    expect(invitation.html).toContain('Northwind Managed IT');
    const portal = rows.find((row) => row.kind === 'portal_invitation')!;
    expect(portal.text).toContain('http://localhost:3000/portal/sign-in?token=');
  });

  it('refuses to load the demo a second time', async () => {
    const second = loadDemo({ db: database.db, vault, today: TODAY });
    await expect(second).rejects.toBeInstanceOf(AppError);
    await expect(second).rejects.toMatchObject({ code: 'conflict' });
    const [organisationsNamed] = await database.db
      .select({ organisations: count() })
      .from(organisations)
      .where(eq(organisations.name, 'Northwind Managed IT'));
    expect(organisationsNamed?.organisations).toBe(1);
  });
});
