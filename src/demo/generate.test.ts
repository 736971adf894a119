import { describe, expect, it } from 'vitest';
import { DEFAULT_DEFINITION } from '../blueprint/default-definition.js';
import { DEFAULT_REASON_TAXONOMY } from '../blueprint/reason-taxonomy.js';
import { AppError } from '../domain/errors.js';
import { unmetClosingGates } from '../domain/gates.js';
import { MANAGED_SYSTEM_CATEGORIES } from '../domain/handover.js';
import { STAFF_ROLES } from '../domain/model.js';
import { isOverdue } from '../domain/tasks.js';
import {
  DEFAULT_DEMO_SCALE,
  DEMO_SEED,
  type DemoMsp,
  type DemoScale,
  generateDemoMsp,
} from './generate.js';

/** A Wednesday; every test builds the demo as if loaded on this day. */
const TODAY = '2025-06-11';

const demo = generateDemoMsp({ seed: DEMO_SEED, scale: DEFAULT_DEMO_SCALE, today: TODAY });
/** Beyond the showcase: most closeouts here come from randomly drawn stories. */
const LARGER: DemoScale = { clients: 90, ticketsPerClient: 20, closeouts: 70 };
const larger = generateDemoMsp({ seed: 2024, scale: LARGER, today: TODAY });

const clientOf = (msp: DemoMsp, clientId: string) =>
  msp.clients.find((client) => client.id === clientId)!;

describe('generateDemoMsp', () => {
  it('builds the same MSP from the same seed and day', () => {
    const again = generateDemoMsp({ seed: DEMO_SEED, scale: DEFAULT_DEMO_SCALE, today: TODAY });
    expect(again).toEqual(demo);
  });

  it('builds another MSP from another seed', () => {
    const other = generateDemoMsp({ seed: DEMO_SEED + 1, scale: DEFAULT_DEMO_SCALE, today: TODAY });
    expect(other.clients.map((client) => client.name)).not.toEqual(
      demo.clients.map((client) => client.name),
    );
  });

  it('builds Northwind Managed IT with one user per role and an administrator', () => {
    expect(demo.organisation).toMatchObject({
      name: 'Northwind Managed IT',
      closeoutSequence: 14,
      reasonTaxonomy: DEFAULT_REASON_TAXONOMY,
    });
    expect(demo.organisation.personalisation).toMatchObject({
      organisationName: 'Northwind Managed IT',
      primaryColor: '#0f766e',
    });
    expect(demo.users.flatMap((user) => user.roles).sort()).toEqual([...STAFF_ROLES].sort());
    expect(demo.users.map((user) => user.email)).toContain('sam.okafor@northwind-it.example');
    expect(new Set(demo.users.map((user) => user.email)).size).toBe(demo.users.length);
  });

  it('sizes the demo to its scale: 40 clients with their people, agreements and systems', () => {
    expect(demo.clients).toHaveLength(40);
    expect(demo.contacts).toHaveLength(80);
    expect(demo.closeouts).toHaveLength(14);
    expect(demo.tickets.length).toBeGreaterThanOrEqual(40 * 9);
    expect(demo.tickets.length).toBeLessThanOrEqual(40 * 15);
    expect(new Set(demo.clients.map((client) => client.name)).size).toBe(40);
    for (const client of demo.clients) {
      const contacts = demo.contacts.filter((contact) => contact.clientId === client.id);
      expect(contacts.map((contact) => contact.isDecisionMaker).sort()).toEqual([false, true]);
      const systems = demo.managedSystems.filter((system) => system.clientId === client.id);
      expect(systems.length).toBeGreaterThanOrEqual(4);
      expect(systems.length).toBeLessThanOrEqual(9);
      for (const system of systems) {
        expect(MANAGED_SYSTEM_CATEGORIES).toContain(system.category);
      }
      expect(client.clientSince <= TODAY).toBe(true);
    }
    for (const agreement of demo.agreements) {
      expect([30, 60, 90]).toContain(agreement.noticePeriodDays);
      expect(agreement.monthlyRecurringRevenue).toBeGreaterThanOrEqual(50);
    }
  });

  it('opens each closeout in the reference order of its opening', () => {
    expect(demo.closeouts.map((closeout) => closeout.reference)).toEqual(
      Array.from({ length: 14 }, (_, index) => `CO-${String(index + 1).padStart(4, '0')}`),
    );
    const opened = demo.closeouts.map((closeout) => closeout.openedAt);
    expect(opened).toEqual([...opened].sort());
  });

  it('has open closeouts in every stage, and every outcome and trigger', () => {
    const openStages = new Set(
      demo.closeouts.filter((closeout) => closeout.status === 'open').map((c) => c.stage),
    );
    expect([...openStages].sort()).toEqual(DEFAULT_DEFINITION.stages.map((s) => s.key).sort());
    expect(new Set(demo.closeouts.map((closeout) => closeout.status))).toEqual(
      new Set(['open', 'retained', 'withdrawn', 'terminated']),
    );
    expect(new Set(demo.closeouts.map((closeout) => closeout.trigger))).toEqual(
      new Set(['client_notice', 'provider_termination', 'mutual']),
    );
  });

  it('keeps a retained client through its Service Improvement Program', () => {
    const retained = demo.closeouts.filter((closeout) => closeout.status === 'retained');
    expect(retained.length).toBeGreaterThan(0);
    for (const closeout of retained) {
      expect(closeout.retention).toMatchObject({
        decision: 'attempt_retention',
        sipOutcome: 'retained',
      });
      expect(closeout.sipActions.length).toBeGreaterThan(0);
      expect(closeout.tasks.filter((task) => task.status === 'open')).toEqual([]);
      expect(clientOf(demo, closeout.clientId).status).toBe('active');
    }
  });

  it('has every provider termination past its assessment approved by the Executive', () => {
    const providers = demo.closeouts.filter((c) => c.trigger === 'provider_termination');
    const approved = providers.filter((closeout) => closeout.stage !== 'retention_assessment');
    expect(approved.length).toBeGreaterThan(0);
    for (const closeout of approved) {
      expect(closeout.retention.approvedBy).toBe('Erin Caldwell');
      const approval = demo.auditEvents.find(
        (event) => event.closeoutId === closeout.id && event.action === 'approve_termination',
      );
      expect(approval?.actor).toMatchObject({ kind: 'user', roles: ['executive'] });
    }
    const waiting = providers.find((closeout) => closeout.stage === 'retention_assessment');
    expect(waiting?.retention).toMatchObject({ decision: 'confirm_termination', approvedAt: null });
    const approvalTask = waiting?.tasks.find((task) => task.taskKey === 't08');
    expect(approvalTask !== undefined && isOverdue(approvalTask, TODAY)).toBe(true);
  });

  it('brings a former client back with a new agreement', () => {
    expect(demo.clientReturns).toHaveLength(1);
    const [returned] = demo.clientReturns;
    const closeout = demo.closeouts.find((candidate) => candidate.id === returned!.closeoutId)!;
    expect(closeout.status).toBe('terminated');
    expect(closeout.endedAt!.slice(0, 10) < returned!.agreementSignedOn).toBe(true);
    expect(clientOf(demo, returned!.clientId).status).toBe('active');
    const agreements = demo.agreements.filter((a) => a.clientId === returned!.clientId);
    expect(agreements.filter((agreement) => agreement.status === 'active')).toEqual([
      expect.objectContaining({
        startDate: returned!.agreementSignedOn,
        monthlyRecurringRevenue: returned!.monthlyRecurringRevenue,
      }),
    ]);
    for (const ended of agreements.filter((agreement) => agreement.status === 'ended')) {
      expect(ended.endedOn).toBe(closeout.meeting.agreement!.terminationDate);
    }
    const event = demo.auditEvents.find((candidate) => candidate.action === 'record_return');
    expect(event).toMatchObject({
      entityId: returned!.clientId,
      at: `${returned!.agreementSignedOn}T11:00:00.000Z`,
    });
  });

  it('has former clients, overdue tasks and deactivation issues logged after closing', () => {
    expect(demo.clients.filter((client) => client.status === 'former').length).toBeGreaterThan(1);
    const overdue = demo.closeouts
      .filter((closeout) => closeout.status === 'open')
      .flatMap((closeout) => closeout.tasks.filter((task) => isOverdue(task, TODAY)));
    expect(overdue.length).toBeGreaterThanOrEqual(2);
    const afterClosing = demo.closeouts.flatMap((closeout) =>
      closeout.deactivationIssues.filter((issue) => issue.loggedAt > closeout.endedAt!),
    );
    expect(afterClosing.length).toBeGreaterThan(0);
  });

  it('leaves an open ticket review with a ticket the client questions', () => {
    const reviewing = demo.closeouts.find((closeout) => closeout.stage === 'ticket_review')!;
    expect(reviewing.ticketReviews.some((review) => review.clientQuestion !== null)).toBe(true);
  });

  it('refuses more closeouts than clients', () => {
    expect(() =>
      generateDemoMsp({
        seed: DEMO_SEED,
        scale: { clients: 3, ticketsPerClient: 5, closeouts: 4 },
        today: TODAY,
      }),
    ).toThrow(AppError);
  });
});

describe.each([
  ['the default demo', demo],
  ['a larger demo of random stories', larger],
])('the consistency of %s', (_, msp) => {
  it('gives each client the status its closeout left it in', () => {
    const returned = new Set(msp.clientReturns.map((row) => row.clientId));
    for (const client of msp.clients) {
      const closeout = msp.closeouts.find((candidate) => candidate.clientId === client.id);
      const expected =
        closeout?.status === 'open'
          ? 'in_closeout'
          : closeout?.status === 'terminated' && !returned.has(client.id)
            ? 'former'
            : 'active';
      expect(client.status, client.name).toBe(expected);
    }
  });

  it('closes terminated closeouts only with every exit condition met', () => {
    const terminated = msp.closeouts.filter((closeout) => closeout.status === 'terminated');
    expect(terminated.length).toBeGreaterThan(0);
    for (const closeout of terminated) {
      expect(unmetClosingGates(DEFAULT_DEFINITION, closeout), closeout.reference).toEqual([]);
      expect(closeout.stage).toBe('deactivation');
    }
  });

  it("reviews only the client's own tickets, and the PSA follows the review", () => {
    const tickets = new Map(msp.tickets.map((ticket) => [ticket.id, ticket]));
    for (const closeout of msp.closeouts) {
      for (const review of closeout.ticketReviews) {
        const ticket = tickets.get(review.ticketId)!;
        expect(ticket.clientId).toBe(closeout.clientId);
        expect(ticket.number).toBe(review.ticketNumber);
        expect(ticket.status).toBe(review.outcome ?? 'open');
        expect(ticket.closedAt?.toISOString() ?? null).toBe(review.outcomeAt);
      }
    }
  });

  it('leaves no open ticket with a former client', () => {
    const former = new Set(msp.clients.filter((c) => c.status === 'former').map((c) => c.id));
    const open = msp.tickets.filter((t) => former.has(t.clientId) && t.status === 'open');
    expect(open).toEqual([]);
  });

  it('records one audit event per accepted action, in the order they happened, before today', () => {
    for (const closeout of msp.closeouts) {
      const events = msp.auditEvents.filter(
        (event) => event.closeoutId === closeout.id && event.entityType === 'closeout',
      );
      expect(events).toHaveLength(closeout.version);
      expect(events[0]).toMatchObject({
        action: 'open_closeout',
        before: null,
        at: closeout.openedAt,
      });
    }
    const moments = msp.auditEvents.map((event) => event.at);
    expect(moments).toEqual([...moments].sort());
    expect(moments.at(-1)! < `${TODAY}T00:00:00.000Z`).toBe(true);
  });
});

describe.each([
  ['the demo', demo],
  ['a larger MSP', larger],
])('the client side of %s', (_name, msp) => {
  const itemsOf = (closeoutId: string) =>
    msp.closeouts.find((closeout) => closeout.id === closeoutId)!.handoverItems;

  it('stores a secret for every handover item, with MFA recovery codes for cloud tenants', () => {
    expect(msp.handoverSecrets.map((secret) => secret.handoverItemId)).toEqual(
      msp.closeouts.flatMap((closeout) => closeout.handoverItems.map((item) => item.id)),
    );
    for (const { secret, closeoutId, handoverItemId } of msp.handoverSecrets) {
      const item = itemsOf(closeoutId).find((candidate) => candidate.id === handoverItemId)!;
      const tenant = item.credentialLabel === 'Global administrator account';
      expect(secret.password).toHaveLength(20);
      expect(secret.url).not.toBe('');
      expect(secret.mfaRecoveryCodes).toHaveLength(tenant ? 10 : 0);
      if (tenant) expect(secret.username).toMatch(/^admin@[a-z0-9-]+\.example$/);
    }
    expect(new Set(msp.handoverSecrets.map(({ secret }) => secret.password)).size).toBe(
      msp.handoverSecrets.length,
    );
  });

  it('has the client reveal exactly the credentials confirmed in a session that was held', () => {
    for (const secret of msp.handoverSecrets) {
      const closeout = msp.closeouts.find((candidate) => candidate.id === secret.closeoutId)!;
      const item = closeout.handoverItems.find((c) => c.id === secret.handoverItemId)!;
      const revealed = closeout.sessionHeldAt !== null && item.confirmedAt !== null;
      expect(secret.clientRevealedAt !== null).toBe(revealed);
      if (secret.clientRevealedAt === null) continue;
      const user = msp.portalUsers.find((candidate) => candidate.id === secret.clientRevealedBy)!;
      expect(user.clientId).toBe(closeout.clientId);
      expect(secret.storedAt < secret.clientRevealedAt).toBe(true);
      expect(secret.clientRevealedAt < item.confirmedAt!).toBe(true);
    }
  });

  it('invites the decision maker once the meeting is scheduled, signed in only after', () => {
    const reached = msp.closeouts.filter((closeout) => closeout.meeting.scheduledAt !== null);
    expect(msp.portalUsers.map((user) => user.clientId)).toEqual(
      reached.map((closeout) => closeout.clientId),
    );
    for (const user of msp.portalUsers) {
      const contact = msp.contacts.find((candidate) => candidate.id === user.contactId)!;
      expect(contact).toMatchObject({ clientId: user.clientId, isDecisionMaker: true });
      if (user.lastSignInAt !== null) expect(user.lastSignInAt > user.invitedAt).toBe(true);
    }
    const retained = msp.closeouts.filter((closeout) => closeout.stage === 'retention_assessment');
    for (const closeout of retained) {
      expect(msp.portalUsers.some((user) => user.clientId === closeout.clientId)).toBe(false);
    }
  });

  it('keeps a handful of the latest mails in the outbox, each kind written by its template', () => {
    expect(msp.mails.length).toBeGreaterThanOrEqual(5);
    expect(msp.mails.length).toBeLessThanOrEqual(10);
    expect(msp.mails.every((mail) => mail.status === 'outbox')).toBe(true);
    const meeting = msp.mails.filter((mail) => mail.kind === 'meeting_invitation');
    expect(meeting.length).toBeGreaterThan(0);
    const ics = meeting[0]!.attachments![0]!.content;
    expect(ics).toMatch(/^BEGIN:VCALENDAR/);
    expect(ics).toContain(
      `DTSTAMP:${meeting[0]!.createdAt.toISOString().replace(/[-:]|\.\d+/g, '')}`,
    );
    const closed = msp.mails.find((mail) => mail.kind === 'closeout_closed')!;
    const ended = msp.closeouts.filter((closeout) => closeout.endedAt !== null);
    const latest = ended.sort((a, b) => a.endedAt!.localeCompare(b.endedAt!)).at(-1)!;
    expect(closed.closeoutId).toBe(latest.id);
    expect(closed.subject).toContain(latest.reference);
    expect(msp.mails.filter((mail) => mail.kind === 'portal_invitation')).toHaveLength(3);
  });
});
