import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createStaff,
  createTeam,
  createTestApp,
  type Staff,
  type TestApp,
} from '../../../test/support/app.js';
import { openThroughMeeting } from '../../../test/support/closeout-api.js';
import { insertClient } from '../../../test/support/factories.js';
import { auditEvents, handoverSecrets, portalUsers } from '../../db/schema.js';
import { AppError } from '../../domain/errors.js';
import type { THandoverSecretInput } from './schema.js';
import { revealSecretToClient, secretStatusesOf } from './service.js';

let testApp: TestApp;
let manager: Staff;
let technician: Staff;
let accountManager: Staff;
let executive: Staff;
let finance: Staff;
let admin: Staff;

beforeAll(async () => {
  testApp = await createTestApp();
  ({ manager, technician, accountManager, executive, finance, admin } = await createTeam({
    app: testApp.app,
    roles: {
      manager: 'service_manager',
      technician: 'technician',
      accountManager: 'account_manager',
      executive: 'executive',
      finance: 'finance',
      admin: 'admin',
    },
  }));
});

afterAll(async () => {
  await testApp.close();
});

const SECRET: THandoverSecretInput = {
  username: 'admin@fabrikam.onmicrosoft.com',
  password: ' Kx9!vault-Password-7731 ',
  url: 'https://admin.microsoft.com',
  notes: 'Global admin; break-glass account.',
  mfaRecoveryCodes: ['RC-1111-2222', 'RC-3333-4444'],
};

/** A closeout in the ticket review with two handover items, and a portal user of its client. */
async function closeoutWithItems() {
  const client = await insertClient(testApp.db, manager.orgId, {
    name: `Fabrikam ${randomUUID().slice(0, 6)}`,
  });
  const driver = await openThroughMeeting(testApp.app, client.id, { manager, accountManager });
  await driver.act(technician.headers, 'handover-items', {
    items: [
      { systemName: 'Microsoft 365', credentialLabel: 'Global administrator' },
      { systemName: 'FortiGate 60F', credentialLabel: 'admin' },
    ],
  });
  const [tenant, firewall] = driver.closeout.handoverItems;
  const [portalUser] = await testApp.db
    .insert(portalUsers)
    .values({
      orgId: manager.orgId,
      clientId: client.id,
      email: `grace.${randomUUID().slice(0, 6)}@fabrikam.example`,
      name: 'Grace Hopper',
      invitedAt: new Date(),
      invitedBy: 'Sam Manager',
    })
    .returning();
  return { driver, tenant: tenant!, firewall: firewall!, portalUser: portalUser!, client };
}

const secretUrl = (closeoutId: string, itemId: string, rest = '') =>
  `/api/v1/closeouts/${closeoutId}/handover-items/${itemId}/secret${rest}`;

function put(staff: Staff, closeoutId: string, itemId: string, body: unknown) {
  return testApp.app.inject({
    method: 'PUT',
    url: secretUrl(closeoutId, itemId),
    headers: staff.headers,
    payload: body as Record<string, unknown>,
  });
}

function post(staff: Staff, closeoutId: string, itemId: string, action: 'reveal' | 'reissue') {
  return testApp.app.inject({
    method: 'POST',
    url: secretUrl(closeoutId, itemId, `/${action}`),
    headers: staff.headers,
  });
}

async function timeline(closeoutId: string) {
  const response = await testApp.app.inject({
    method: 'GET',
    url: `/api/v1/closeouts/${closeoutId}/timeline?limit=200`,
    headers: manager.headers,
  });
  expect(response.statusCode).toBe(200);
  return response;
}

const clientReveal = (
  scope: { closeoutId: string; itemId: string },
  portalUser: { id: string; name: string },
) =>
  revealSecretToClient({
    db: testApp.db,
    vault: testApp.app.vault,
    orgId: manager.orgId,
    ...scope,
    portalUser: { id: portalUser.id, name: portalUser.name },
  });

describe('storing a handover secret', () => {
  it('seals it, says it is stored, and keeps the value out of the status and the audit trail', async () => {
    const { driver, tenant, firewall } = await closeoutWithItems();
    const closeoutId = driver.closeout.id;

    const stored = await put(technician, closeoutId, tenant.id, SECRET);
    expect(stored.statusCode, stored.body).toBe(200);
    expect(stored.json()).toMatchObject({
      itemId: tenant.id,
      stored: true,
      updatedBy: 'Tom Technician',
      issueCount: 1,
      clientRevealedAt: null,
    });
    expect(stored.body).not.toContain('vault-Password');

    const statuses = await testApp.app.inject({
      method: 'GET',
      url: `/api/v1/closeouts/${closeoutId}/handover-secrets`,
      headers: finance.headers,
    });
    expect(statuses.json()).toEqual([
      expect.objectContaining({ itemId: tenant.id, stored: true, issueCount: 1 }),
      expect.objectContaining({ itemId: firewall.id, stored: false, issuedAt: null }),
    ]);
    const single = await testApp.app.inject({
      method: 'GET',
      url: secretUrl(closeoutId, firewall.id),
      headers: accountManager.headers,
    });
    expect(single.json()).toMatchObject({ stored: false, issueCount: 0 });

    const [row] = await testApp.db
      .select()
      .from(handoverSecrets)
      .where(eq(handoverSecrets.handoverItemId, tenant.id));
    expect(row!.sealed).not.toContain('vault-Password');
    expect(testApp.app.vault.open(row!.sealed)).toEqual(SECRET);

    const trail = await timeline(closeoutId);
    expect(trail.body).not.toContain('vault-Password');
    expect(trail.body).not.toContain('RC-1111');
    expect(trail.json().items[0]).toMatchObject({
      action: 'store_handover_secret',
      entityType: 'handover_item',
      entityId: tenant.id,
      actor: { kind: 'user', name: 'Tom Technician' },
      after: { systemName: 'Microsoft 365', secretStored: true, issueCount: 1 },
    });
  });

  it('keeps the password exactly as typed and refuses bad input naming the field, never echoing it', async () => {
    const { driver, tenant } = await closeoutWithItems();
    const empty = await put(technician, driver.closeout.id, tenant.id, { ...SECRET, password: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({ field: 'password', code: 'validation' });

    const tooLong = await put(technician, driver.closeout.id, tenant.id, {
      ...SECRET,
      notes: `secret-notes-${'x'.repeat(5000)}`,
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().field).toBe('notes');
    expect(tooLong.body).not.toContain('secret-notes');
    expect(tooLong.body).not.toContain('vault-Password');

    const codes = await put(technician, driver.closeout.id, tenant.id, {
      ...SECRET,
      mfaRecoveryCodes: ['RC-1', ''],
    });
    expect(codes.json().field).toBe('mfaRecoveryCodes.1');
  });

  it('replacing a secret issues it again, so the client may reveal the new one', async () => {
    const { driver, tenant, portalUser } = await closeoutWithItems();
    const scope = { closeoutId: driver.closeout.id, itemId: tenant.id };
    await put(technician, scope.closeoutId, tenant.id, SECRET);
    await clientReveal(scope, portalUser);
    const replaced = await put(manager, scope.closeoutId, tenant.id, {
      ...SECRET,
      password: 'Rotated-Password-2',
    });
    expect(replaced.json()).toMatchObject({
      issueCount: 2,
      clientRevealedAt: null,
      updatedBy: 'Sam Manager',
    });
    expect((await clientReveal(scope, portalUser)).secret.password).toBe('Rotated-Password-2');
    const trail = (await timeline(scope.closeoutId)).json();
    expect(trail.items.map((event: { action: string }) => event.action)).toContain(
      'replace_handover_secret',
    );
  });

  it('only for a handover item of this closeout, in this organisation', async () => {
    const { driver, tenant } = await closeoutWithItems();
    const unknownItem = await put(technician, driver.closeout.id, randomUUID(), SECRET);
    expect(unknownItem.statusCode).toBe(404);
    expect(unknownItem.json()).toMatchObject({ field: 'itemId' });
    expect(unknownItem.body).not.toContain('vault-Password');
    const unknownCloseout = await put(technician, randomUUID(), tenant.id, SECRET);
    expect(unknownCloseout.json().detail).toBe('The closeout was not found.');
    const stranger = await createStaff({ app: testApp.app, roles: ['technician'] });
    expect((await put(stranger, driver.closeout.id, tenant.id, SECRET)).statusCode).toBe(404);
    await put(technician, driver.closeout.id, tenant.id, SECRET);
    expect((await post(stranger, driver.closeout.id, tenant.id, 'reveal')).statusCode).toBe(404);
  });
});

describe('revealing a handover secret to staff', () => {
  it('shows it to technicians and service managers, uncached and audited with who asked', async () => {
    const { driver, tenant } = await closeoutWithItems();
    await put(technician, driver.closeout.id, tenant.id, SECRET);
    for (const staff of [technician, manager]) {
      const revealed = await post(staff, driver.closeout.id, tenant.id, 'reveal');
      expect(revealed.statusCode, revealed.body).toBe(200);
      expect(revealed.headers['cache-control']).toBe('no-store');
      expect(revealed.json()).toMatchObject({
        itemId: tenant.id,
        systemName: 'Microsoft 365',
        credentialLabel: 'Global administrator',
        secret: SECRET,
      });
    }
    const trail = await timeline(driver.closeout.id);
    const reveals = trail
      .json()
      .items.filter((event: { action: string }) => event.action === 'reveal_handover_secret');
    expect(reveals.map((event: { actor: { name: string } }) => event.actor.name)).toEqual([
      'Sam Manager',
      'Tom Technician',
    ]);
    expect(trail.body).not.toContain('vault-Password');
  });

  it('refuses account managers, finance, executives and administrators, naming the roles it needs', async () => {
    const { driver, tenant } = await closeoutWithItems();
    await put(technician, driver.closeout.id, tenant.id, SECRET);
    for (const staff of [accountManager, finance, executive, admin]) {
      const refused = await post(staff, driver.closeout.id, tenant.id, 'reveal');
      expect(refused.statusCode).toBe(403);
      expect(refused.json().detail).toBe(
        'This needs one of these roles: Service Manager, Technician.',
      );
      expect(refused.body).not.toContain('vault-Password');
    }
    for (const staff of [accountManager, finance, executive]) {
      expect((await put(staff, driver.closeout.id, tenant.id, SECRET)).statusCode).toBe(403);
      expect((await post(staff, driver.closeout.id, tenant.id, 'reissue')).statusCode).toBe(403);
    }
    const reveals = await testApp.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.entityId, tenant.id), eq(auditEvents.action, 'reveal_handover_secret')),
      );
    expect(reveals).toHaveLength(0);
  });

  it('says so when nothing is stored yet', async () => {
    const { driver, firewall } = await closeoutWithItems();
    const nothing = await post(technician, driver.closeout.id, firewall.id, 'reveal');
    expect(nothing.statusCode).toBe(404);
    expect(nothing.json().detail).toBe('No secret is stored for FortiGate 60F: admin yet.');
  });
});

describe('the client reveals a handed-over secret once per issue', () => {
  it('reveals once, records who and when, refuses a second time until the provider re-issues it', async () => {
    const { driver, tenant, firewall, portalUser } = await closeoutWithItems();
    const closeoutId = driver.closeout.id;
    const scope = { closeoutId, itemId: tenant.id };
    await put(technician, closeoutId, tenant.id, SECRET);

    const notRevealedYet = await post(manager, closeoutId, tenant.id, 'reissue');
    expect(notRevealedYet.statusCode).toBe(409);
    expect(notRevealedYet.json().detail).toContain('can still reveal it once');

    const first = await clientReveal(scope, portalUser);
    expect(first.secret).toEqual(SECRET);
    const statuses = await secretStatusesOf({ db: testApp.db, orgId: manager.orgId, closeoutId });
    expect(statuses).toEqual([
      expect.objectContaining({
        itemId: tenant.id,
        stored: true,
        issueCount: 1,
        clientRevealedAt: first.revealedAt,
        clientRevealedBy: 'Grace Hopper',
      }),
      expect.objectContaining({ itemId: firewall.id, stored: false }),
    ]);

    const second = await clientReveal(scope, portalUser).catch((error: unknown) => error);
    expect(second).toBeInstanceOf(AppError);
    expect((second as AppError).code).toBe('conflict');
    expect((second as AppError).message).toMatch(/ask your provider to re-issue it\.$/);
    expect((second as AppError).message).not.toContain('vault-Password');

    const reissued = await post(technician, closeoutId, tenant.id, 'reissue');
    expect(reissued.statusCode, reissued.body).toBe(200);
    expect(reissued.json()).toMatchObject({ issueCount: 2, clientRevealedAt: null });
    expect((await clientReveal(scope, portalUser)).secret.password).toBe(SECRET.password);

    const trail = (await timeline(closeoutId)).json();
    const clientEvent = trail.items.find(
      (event: { action: string }) => event.action === 'client_reveal_handover_secret',
    );
    expect(clientEvent).toMatchObject({
      actor: { kind: 'client_contact', id: portalUser.id, name: 'Grace Hopper' },
      entityId: tenant.id,
    });
    expect(trail.items.map((event: { action: string }) => event.action)).toContain(
      'reissue_handover_secret',
    );
    expect(JSON.stringify(trail)).not.toContain('vault-Password');
  });

  it('refuses a portal user of another client or revoked, and an item without a secret', async () => {
    const ours = await closeoutWithItems();
    const theirs = await closeoutWithItems();
    await put(technician, ours.driver.closeout.id, ours.tenant.id, SECRET);
    const scope = { closeoutId: ours.driver.closeout.id, itemId: ours.tenant.id };
    await expect(clientReveal(scope, theirs.portalUser)).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(
      clientReveal({ ...scope, itemId: ours.firewall.id }, ours.portalUser),
    ).rejects.toMatchObject({ code: 'not_found', message: expect.stringContaining('No secret') });
    const [revoked] = await testApp.db
      .update(portalUsers)
      .set({ revokedAt: new Date() })
      .where(eq(portalUsers.id, ours.portalUser.id))
      .returning();
    await expect(clientReveal(scope, revoked!)).rejects.toMatchObject({ code: 'not_found' });
    const [row] = await testApp.db
      .select()
      .from(handoverSecrets)
      .where(eq(handoverSecrets.handoverItemId, ours.tenant.id));
    expect(row!.clientRevealedAt).toBeNull();
  });
});

describe('a closeout that has ended', () => {
  it('refuses changing or re-issuing its secrets, and still lets staff reveal them', async () => {
    const { driver, tenant, portalUser } = await closeoutWithItems();
    const closeoutId = driver.closeout.id;
    await put(technician, closeoutId, tenant.id, SECRET);
    await clientReveal({ closeoutId, itemId: tenant.id }, portalUser);
    await driver.act(manager.headers, 'withdraw', { note: 'The client stays.' });

    const changed = await put(technician, closeoutId, tenant.id, SECRET);
    expect(changed.statusCode).toBe(409);
    expect(changed.json().detail).toBe(
      `Closeout ${driver.closeout.reference} has ended (withdrawn): changing its credentials is no longer possible.`,
    );
    const reissued = await post(technician, closeoutId, tenant.id, 'reissue');
    expect(reissued.statusCode).toBe(409);
    expect(reissued.json().detail).toContain('re-issuing its credentials');
    expect((await post(technician, closeoutId, tenant.id, 'reveal')).statusCode).toBe(200);
  });
});
