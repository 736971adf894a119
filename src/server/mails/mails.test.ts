import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createStaff,
  createTeam,
  createTestApp,
  type Staff,
  type TestApp,
} from '../../../test/support/app.js';
import { auditEvents, jobs, mails, organisations } from '../../db/schema.js';
import { queueMail } from '../../integrations/email/queue.js';
import { portalInvitationMail, signInLinkMail } from '../../integrations/email/templates/index.js';
import type { TMail, TMailPage } from './schema.js';

/** Settings → Outbox without an SMTP server: mails are kept for the administrator to read. */

const LOGO =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const BRAND = { organisationName: 'Northwind IT', logo: LOGO, primaryColor: '#0b5394' };

let testApp: TestApp;
let admin: Staff;
let manager: Staff;
let invitationId: string;
let signInId: string;

beforeAll(async () => {
  testApp = await createTestApp({
    config: { mailFrom: 'Northwind IT <closeout@northwind.example>' },
  });
  ({ admin, manager } = await createTeam({
    app: testApp.app,
    roles: { admin: 'admin', manager: 'service_manager' },
  }));
  await testApp.db
    .update(organisations)
    .set({ personalisation: { ...BRAND, roleNames: {}, systemNames: {} } })
    .where(eq(organisations.id, admin.orgId));
  invitationId = await testApp.db.transaction((tx) =>
    queueMail(tx, {
      orgId: admin.orgId,
      kind: 'portal_invitation',
      to: { address: 'grace@fabrikam.example', name: 'Grace Hopper' },
      ...portalInvitationMail({
        organisation: BRAND,
        contact: { name: 'Grace Hopper', email: 'grace@fabrikam.example' },
        clientName: 'Fabrikam Ltd',
        closeoutReference: 'CO-0001',
        signInUrl: 'https://co.example/portal/sign-in?token=invite-token',
        invitedBy: 'Sam Manager',
      }),
    }),
  );
  signInId = await testApp.db.transaction((tx) =>
    queueMail(tx, {
      orgId: admin.orgId,
      kind: 'sign_in_link',
      to: { address: 'grace@fabrikam.example' },
      ...signInLinkMail({
        organisation: BRAND,
        contact: { name: 'Grace Hopper', email: 'grace@fabrikam.example' },
        signInUrl: 'https://co.example/portal/sign-in?token=link-token',
        expiresInMinutes: 15,
      }),
    }),
  );
  await testApp.app.jobs.drain();
});

afterAll(async () => {
  await testApp.close();
});

const get = (path: string, as: Staff = admin) =>
  testApp.app.inject({ method: 'GET', url: `/api/v1/mails${path}`, headers: as.headers });

describe('GET /api/v1/mails', () => {
  it('lists the outbox, newest first, and says no SMTP server is configured', async () => {
    const response = await get('');
    expect(response.statusCode, response.body).toBe(200);
    const page: TMailPage = response.json();
    expect(page.delivery).toEqual({
      mode: 'outbox',
      server: null,
      from: 'Northwind IT <closeout@northwind.example>',
    });
    expect(page.total).toBe(2);
    expect(page.items.map((mail) => [mail.kind, mail.status])).toEqual([
      ['sign_in_link', 'outbox'],
      ['portal_invitation', 'outbox'],
    ]);
    expect(page.items[1]!.to).toEqual({ address: 'grace@fabrikam.example', name: 'Grace Hopper' });
  });

  it('filters by kind and status, and checks the filter', async () => {
    const invitations: TMailPage = (await get('?kind=portal_invitation')).json();
    expect(invitations.items.map((mail) => mail.id)).toEqual([invitationId]);
    const failed: TMailPage = (await get('?status=failed')).json();
    expect(failed.items).toEqual([]);
    const refused = await get('?kind=postcard');
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors?.[0]?.field ?? refused.json().field).toContain('kind');
  });

  it('is for administrators only, and never shows another organisation’s mail', async () => {
    expect((await get('', manager)).statusCode).toBe(403);
    const stranger = await createStaff({ app: testApp.app, roles: ['admin'] });
    expect((await get('', stranger)).json().total).toBe(0);
    expect((await get(`/${invitationId}`, stranger)).statusCode).toBe(404);
  });
});

describe('GET /api/v1/mails/:id', () => {
  it('shows the mail with the logo inlined and, in the outbox, the sign-in link readable', async () => {
    const response = await get(`/${signInId}`);
    expect(response.statusCode, response.body).toBe(200);
    const mail: TMail = response.json();
    expect(mail.subject).toBe('Your sign-in link for the Northwind IT client portal');
    expect(mail.html).toContain(`src="${LOGO}"`);
    expect(mail.html).not.toContain('cid:');
    expect(mail.text).toContain('https://co.example/portal/sign-in?token=link-token');
    expect(mail.attachments).toEqual([]);
    expect(mail.messageId).toBeNull();
  });
});

describe('POST /api/v1/mails/:id/resend', () => {
  it('sends a failed mail again, and refuses one that did not fail', async () => {
    const notFailed = await testApp.app.inject({
      method: 'POST',
      url: `/api/v1/mails/${invitationId}/resend`,
      headers: admin.headers,
    });
    expect(notFailed.statusCode).toBe(409);

    await testApp.db
      .update(mails)
      .set({ status: 'failed', lastError: '550 No such user' })
      .where(eq(mails.id, invitationId));
    const resent = await testApp.app.inject({
      method: 'POST',
      url: `/api/v1/mails/${invitationId}/resend`,
      headers: admin.headers,
    });
    expect(resent.statusCode, resent.body).toBe(200);
    expect(resent.json()).toMatchObject({ status: 'queued', lastError: null });
    const [audit] = await testApp.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityId, invitationId));
    expect(audit).toMatchObject({ action: 'resend_mail', entityType: 'mail' });

    await testApp.app.jobs.drain();
    const [row] = await testApp.db.select().from(mails).where(eq(mails.id, invitationId));
    expect(row!.status).toBe('outbox');
    const deliveries = await testApp.db.select().from(jobs).where(eq(jobs.kind, 'send_mail'));
    expect(deliveries.filter((job) => job.payload.mailId === invitationId)).toHaveLength(2);
  });
});
