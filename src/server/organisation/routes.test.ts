import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff, createTestApp, type Staff, type TestApp } from '../../../test/support/app.js';
import { buildCloseout, insertClient } from '../../../test/support/factories.js';
import { DEFAULT_REASON_TAXONOMY } from '../../blueprint/reason-taxonomy.js';
import { auditEvents, closeouts } from '../../db/schema.js';

let testApp: TestApp;
let admin: Staff;

beforeAll(async () => {
  testApp = await createTestApp();
  admin = await createStaff({ app: testApp.app, roles: ['admin'], name: 'Alex Admin' });
});

afterAll(async () => {
  await testApp.close();
});

const call = (
  method: 'GET' | 'PUT',
  url: string,
  headers: Record<string, string>,
  payload?: object,
) => testApp.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

const personalisation = {
  organisationName: 'Northwind Managed IT',
  logo: 'data:image/png;base64,iVBORw0KGgo=',
  primaryColor: '#0a7d4f',
  roleNames: { service_manager: 'Service Lead' },
  systemNames: { psa: 'HaloPSA' },
};

describe('GET /api/v1/organisation', () => {
  it('shows the organisation’s settings to every staff role', async () => {
    const technician = await createStaff({
      app: testApp.app,
      orgId: admin.orgId,
      roles: ['technician'],
    });
    const response = await call('GET', '/api/v1/organisation', technician.headers);
    expect(response.statusCode).toBe(200);
    const organisation = response.json();
    expect(organisation.id).toBe(admin.orgId);
    expect(organisation.reasons).toEqual(DEFAULT_REASON_TAXONOMY);
    expect(organisation.personalisation.organisationName).toBe(organisation.name);
  });
});

describe('PUT /api/v1/organisation/personalisation', () => {
  it('saves the branding, renames the organisation and records the change', async () => {
    const response = await call(
      'PUT',
      '/api/v1/organisation/personalisation',
      admin.headers,
      personalisation,
    );
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ name: 'Northwind Managed IT', personalisation });

    const me = await call('GET', '/api/v1/auth/me', admin.headers);
    expect(me.json().organisation).toMatchObject({ name: 'Northwind Managed IT', personalisation });

    const events = await testApp.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.orgId, admin.orgId), eq(auditEvents.action, 'update_personalisation')),
      );
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: admin.userId, after: personalisation });
  });

  it('names the field of a bad value', async () => {
    const response = await call('PUT', '/api/v1/organisation/personalisation', admin.headers, {
      ...personalisation,
      primaryColor: 'green',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ field: 'primaryColor' });
  });

  it('is for administrators only', async () => {
    const manager = await createStaff({
      app: testApp.app,
      orgId: admin.orgId,
      roles: ['service_manager', 'executive'],
    });
    const response = await call(
      'PUT',
      '/api/v1/organisation/personalisation',
      manager.headers,
      personalisation,
    );
    expect(response.statusCode).toBe(403);
  });
});

describe('PUT /api/v1/organisation/reason-taxonomy', () => {
  it('replaces the reasons, and retired ones stay listed', async () => {
    const reasons = [
      { key: 'price', label: 'Price too high', appliesTo: 'client', retired: false },
      { key: 'relationship', label: 'Relationship', appliesTo: 'client', retired: true },
      { key: 'non_payment', label: 'Non-payment', appliesTo: 'provider' },
    ];
    const response = await call('PUT', '/api/v1/organisation/reason-taxonomy', admin.headers, {
      reasons,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().reasons).toEqual([
      reasons[0],
      reasons[1],
      { ...reasons[2], retired: false },
    ]);
    const read = await call('GET', '/api/v1/organisation/reason-taxonomy', admin.headers);
    expect(read.json()).toEqual(response.json());
  });

  it('refuses duplicate keys, naming the second one', async () => {
    const response = await call('PUT', '/api/v1/organisation/reason-taxonomy', admin.headers, {
      reasons: [
        { key: 'price', label: 'Price', appliesTo: 'client' },
        { key: 'price', label: 'Cost', appliesTo: 'client' },
      ],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'validation', field: 'reasons.1.key' });
  });

  it('refuses to remove a reason recorded on a closeout, but lets it be retired', async () => {
    const owner = await createStaff({ app: testApp.app, roles: ['admin'] });
    const client = await insertClient(testApp.db, owner.orgId);
    const closeout = buildCloseout({ orgId: owner.orgId, clientId: client.id });
    await testApp.db.insert(closeouts).values({
      id: closeout.id,
      orgId: owner.orgId,
      reference: closeout.reference,
      clientId: client.id,
      definitionKey: closeout.definitionKey,
      definitionVersion: closeout.definitionVersion,
      trigger: closeout.trigger,
      noticeReceivedOn: closeout.noticeReceivedOn,
      noticeEvidence: closeout.noticeEvidence,
      stage: closeout.stage,
      status: closeout.status,
      openedAt: new Date(closeout.openedAt),
      openedBy: closeout.openedBy,
      mrrAtRisk: closeout.mrrAtRisk,
      primaryReason: 'price',
      contributingReasons: ['responsiveness'],
    });
    const withoutResponsiveness = DEFAULT_REASON_TAXONOMY.filter(
      (reason) => reason.key !== 'responsiveness',
    );

    const removed = await call('PUT', '/api/v1/organisation/reason-taxonomy', owner.headers, {
      reasons: withoutResponsiveness,
    });
    expect(removed.statusCode).toBe(409);
    expect(removed.json()).toMatchObject({
      code: 'conflict',
      field: 'reasons',
      detail: `The reason "Responsiveness" is recorded on closeout ${closeout.reference}; retire it instead of removing it.`,
    });

    const retired = await call('PUT', '/api/v1/organisation/reason-taxonomy', owner.headers, {
      reasons: DEFAULT_REASON_TAXONOMY.map((reason) =>
        reason.key === 'responsiveness' ? { ...reason, retired: true } : reason,
      ),
    });
    expect(retired.statusCode).toBe(200);

    const unused = await call('PUT', '/api/v1/organisation/reason-taxonomy', owner.headers, {
      reasons: DEFAULT_REASON_TAXONOMY.filter((reason) => reason.key !== 'business_closure'),
    });
    expect(unused.statusCode).toBe(200);
  });
});
