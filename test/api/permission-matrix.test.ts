import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffRole } from '../../src/domain/model.js';
import { createStaff, createTestApp, type Staff, type TestApp } from '../support/app.js';

/**
 * Every cell of the product brief's permission matrix ("Who may do what"), through the real
 * server: each role either gets past the guard (any answer but 403) or is refused with 403.
 * The expectations are written out from the brief, not read from the code.
 */

const ALL: StaffRole[] = [
  'admin',
  'service_manager',
  'account_manager',
  'technician',
  'executive',
  'finance',
];
const closeout = `/api/v1/closeouts/${randomUUID()}`;
const id = randomUUID();

type Cell = {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  allowed: StaffRole[];
};

const MATRIX: Record<string, Cell[]> = {
  'read closeouts, clients, tickets, KPIs': [
    { method: 'GET', url: '/api/v1/closeouts', allowed: ALL },
    { method: 'GET', url: closeout, allowed: ALL },
    { method: 'GET', url: `${closeout}/timeline`, allowed: ALL },
    { method: 'GET', url: '/api/v1/clients', allowed: ALL },
    { method: 'GET', url: '/api/v1/tickets', allowed: ALL },
    { method: 'GET', url: '/api/v1/kpis', allowed: ALL },
    { method: 'GET', url: '/api/v1/tasks', allowed: ALL },
    { method: 'GET', url: '/api/v1/process/definition', allowed: ALL },
    { method: 'GET', url: '/api/v1/integrations/jobs', allowed: ALL },
    { method: 'GET', url: `${closeout}/psa`, allowed: ALL },
    { method: 'GET', url: `${closeout}/handover-secrets`, allowed: ALL },
    { method: 'GET', url: `${closeout}/handover-items/${id}/secret`, allowed: ALL },
    { method: 'GET', url: `${closeout}/portal-users`, allowed: ALL },
    { method: 'GET', url: `${closeout}/evidence`, allowed: ALL },
    { method: 'GET', url: `${closeout}/backup-copies/${id}/download-links`, allowed: ALL },
  ],
  'open a closeout, assign owner': [
    {
      method: 'POST',
      url: '/api/v1/closeouts',
      allowed: ['admin', 'service_manager', 'account_manager'],
    },
    {
      method: 'POST',
      url: `${closeout}/assign-owner`,
      allowed: ['admin', 'service_manager', 'account_manager'],
    },
  ],
  'record reasons, health, SIP actions': [
    {
      method: 'POST',
      url: `${closeout}/record-reasons`,
      allowed: ['service_manager', 'account_manager'],
    },
    {
      method: 'POST',
      url: `${closeout}/compile-health-snapshot`,
      allowed: ['service_manager', 'account_manager'],
    },
    {
      method: 'POST',
      url: `${closeout}/sip-actions`,
      allowed: ['service_manager', 'account_manager'],
    },
    {
      method: 'POST',
      url: `${closeout}/sip-actions/${id}`,
      allowed: ['service_manager', 'account_manager'],
    },
  ],
  'decide retention / accept cancellation': [
    {
      method: 'POST',
      url: `${closeout}/decide-retention`,
      allowed: ['service_manager', 'executive'],
    },
    { method: 'POST', url: `${closeout}/conclude-sip`, allowed: ['service_manager', 'executive'] },
  ],
  'approve a provider termination': [
    { method: 'POST', url: `${closeout}/approve-termination`, allowed: ['executive'] },
  ],
  'meeting records': [
    {
      method: 'POST',
      url: `${closeout}/schedule-meeting`,
      allowed: ['service_manager', 'account_manager'],
    },
    {
      method: 'POST',
      url: `${closeout}/record-meeting`,
      allowed: ['service_manager', 'account_manager'],
    },
    {
      method: 'POST',
      url: `${closeout}/record-meeting-summary-sent`,
      allowed: ['service_manager', 'account_manager'],
    },
  ],
  'ticket dispositions': [
    { method: 'POST', url: `${closeout}/pull-tickets`, allowed: ['service_manager', 'technician'] },
    {
      method: 'POST',
      url: `${closeout}/ticket-dispositions`,
      allowed: ['service_manager', 'technician'],
    },
    {
      method: 'POST',
      url: `${closeout}/ticket-reviews/${id}/outcome`,
      allowed: ['service_manager', 'technician'],
    },
    { method: 'POST', url: `${closeout}/psa/sync`, allowed: ['service_manager', 'technician'] },
  ],
  'handover items, backup copies': [
    {
      method: 'POST',
      url: `${closeout}/handover-items`,
      allowed: ['service_manager', 'technician'],
    },
    {
      method: 'POST',
      url: `${closeout}/handover-items/${id}/confirm`,
      allowed: ['service_manager', 'technician'],
    },
    {
      method: 'POST',
      url: `${closeout}/backup-copies`,
      allowed: ['service_manager', 'technician'],
    },
    {
      method: 'POST',
      url: `${closeout}/backup-copies/${id}/confirm-receipt`,
      allowed: ['service_manager', 'technician'],
    },
    {
      method: 'PUT',
      url: `${closeout}/backup-copies/${id}/archive`,
      allowed: ['service_manager', 'technician'],
    },
    {
      method: 'POST',
      url: `${closeout}/backup-copies/${id}/download-links`,
      allowed: ['service_manager', 'technician'],
    },
    {
      method: 'POST',
      url: `${closeout}/backup-copies/${id}/download-links/${id}/revoke`,
      allowed: ['service_manager', 'technician'],
    },
    {
      method: 'POST',
      url: `${closeout}/handover-items/${id}/evidence`,
      allowed: ['service_manager', 'technician'],
    },
    {
      method: 'DELETE',
      url: `${closeout}/handover-items/${id}/evidence/${id}`,
      allowed: ['service_manager', 'technician'],
    },
  ],
  'credential vault: set, re-issue and reveal a handed-over secret': [
    {
      method: 'PUT',
      url: `${closeout}/handover-items/${id}/secret`,
      allowed: ['service_manager', 'technician'],
    },
    {
      method: 'POST',
      url: `${closeout}/handover-items/${id}/secret/reissue`,
      allowed: ['service_manager', 'technician'],
    },
    {
      method: 'POST',
      url: `${closeout}/handover-items/${id}/secret/reveal`,
      allowed: ['service_manager', 'technician'],
    },
  ],
  "invite the client's contacts to the portal": [
    {
      method: 'POST',
      url: `${closeout}/portal-users`,
      allowed: ['service_manager', 'account_manager'],
    },
    {
      method: 'POST',
      url: `${closeout}/portal-users/${id}/resend`,
      allowed: ['service_manager', 'account_manager'],
    },
    {
      method: 'POST',
      url: `${closeout}/portal-users/${id}/revoke`,
      allowed: ['service_manager', 'account_manager'],
    },
  ],
  '11b tasks (Finance: billing tasks, narrowed by the engine)': [
    {
      method: 'POST',
      url: `${closeout}/tasks/${id}/complete`,
      allowed: ['service_manager', 'account_manager', 'technician', 'executive', 'finance'],
    },
    {
      method: 'POST',
      url: `${closeout}/tasks/${id}/evidence`,
      allowed: ['service_manager', 'account_manager', 'technician', 'executive', 'finance'],
    },
  ],
  'sign responsibility transfer (recorded by the Service Manager until the portal)': [
    { method: 'POST', url: `${closeout}/accept-responsibility`, allowed: ['service_manager'] },
  ],
  'close a closeout, record a return': [
    { method: 'POST', url: `${closeout}/close`, allowed: ['service_manager', 'executive'] },
    { method: 'POST', url: `${closeout}/withdraw`, allowed: ['service_manager', 'executive'] },
    {
      method: 'POST',
      url: `/api/v1/clients/${id}/returns`,
      allowed: ['service_manager', 'executive'],
    },
  ],
  'import clients, agreements and tickets from CSV': [
    {
      method: 'GET',
      url: '/api/v1/imports',
      allowed: ['admin', 'service_manager', 'account_manager'],
    },
    {
      method: 'POST',
      url: `/api/v1/imports/${id}/start`,
      allowed: ['admin', 'service_manager', 'account_manager'],
    },
    { method: 'GET', url: '/api/v1/imports/formats', allowed: ALL },
  ],
  'settings, users, integrations, process versions': [
    { method: 'GET', url: '/api/v1/users', allowed: ['admin'] },
    { method: 'POST', url: '/api/v1/users', allowed: ['admin'] },
    { method: 'PUT', url: '/api/v1/organisation/personalisation', allowed: ['admin'] },
    { method: 'PUT', url: '/api/v1/organisation/reason-taxonomy', allowed: ['admin'] },
    { method: 'POST', url: '/api/v1/integrations/connections', allowed: ['admin'] },
    { method: 'PATCH', url: `/api/v1/integrations/connections/${id}`, allowed: ['admin'] },
    { method: 'POST', url: `/api/v1/integrations/connections/${id}/test`, allowed: ['admin'] },
    { method: 'POST', url: `/api/v1/integrations/connections/${id}/sync`, allowed: ['admin'] },
    { method: 'POST', url: `/api/v1/integrations/jobs/${id}/retry`, allowed: ['admin'] },
    { method: 'GET', url: '/api/v1/process/draft', allowed: ['admin'] },
    { method: 'PUT', url: '/api/v1/process/draft', allowed: ['admin'] },
    { method: 'DELETE', url: '/api/v1/process/draft', allowed: ['admin'] },
    { method: 'GET', url: '/api/v1/process/draft/review', allowed: ['admin'] },
    { method: 'POST', url: '/api/v1/process/draft/publish', allowed: ['admin'] },
  ],
  'the mail outbox': [
    { method: 'GET', url: '/api/v1/mails', allowed: ['admin'] },
    { method: 'GET', url: `/api/v1/mails/${id}`, allowed: ['admin'] },
    { method: 'POST', url: `/api/v1/mails/${id}/resend`, allowed: ['admin'] },
  ],
};

let testApp: TestApp;
const staff = new Map<StaffRole, Staff>();

beforeAll(async () => {
  testApp = await createTestApp();
  const first = await createStaff({ app: testApp.app, roles: ['admin'] });
  staff.set('admin', first);
  for (const role of ALL.filter((candidate) => candidate !== 'admin')) {
    staff.set(role, await createStaff({ app: testApp.app, orgId: first.orgId, roles: [role] }));
  }
});

afterAll(() => testApp.close());

describe.each(Object.entries(MATRIX))('%s', (_action, cells) => {
  it.each(cells)('$method $url', async ({ method, url, allowed }) => {
    const answers = new Map<StaffRole, number>();
    for (const role of ALL) {
      const response = await testApp.app.inject({
        method,
        url,
        headers: { ...staff.get(role)!.headers, 'if-match': '"1"' },
        ...(method === 'GET' || method === 'DELETE' ? {} : { payload: {} }),
      });
      answers.set(role, response.statusCode);
    }
    const refused = ALL.filter((role) => answers.get(role) === 403);
    expect(refused).toEqual(ALL.filter((role) => !allowed.includes(role)));
  });
});
