import { and, eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeam, createTestApp, type Staff, type TestApp } from '../../test/support/app.js';
import { CloseoutDriver, driveThroughRetention } from '../../test/support/closeout-api.js';
import { insertClient } from '../../test/support/factories.js';
import { contacts, mails, organisations, users } from '../db/schema.js';
import { sendDueTaskDigests } from './task-digest.js';

/** The mails that changes to closeouts and the passing days call for, as queued (outbox mode). */

let testApp: TestApp;
let manager: Staff;
let accountManager: Staff;
let technician: Staff;

/** Whole minutes, as people schedule meetings (and as calendars keep them). */
const daysFromNow = (days: number) =>
  new Date(Math.floor((Date.now() + days * 86_400_000) / 60_000) * 60_000);
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

beforeAll(async () => {
  testApp = await createTestApp();
  ({ manager, accountManager, technician } = await createTeam({
    app: testApp.app,
    roles: {
      manager: 'service_manager',
      accountManager: 'account_manager',
      technician: 'technician',
    },
  }));
  await testApp.db
    .update(organisations)
    .set({
      personalisation: {
        organisationName: 'Northwind IT',
        logo: null,
        primaryColor: '#f4d35e',
        roleNames: { account_manager: 'Client Success Lead' },
        systemNames: {},
      },
    })
    .where(eq(organisations.id, manager.orgId));
});

afterAll(async () => {
  await testApp.close();
});

async function openCloseout(clientName: string, noticeDaysAgo = 3) {
  const client = await insertClient(testApp.db, manager.orgId, { name: clientName });
  await testApp.db.insert(contacts).values([
    {
      orgId: manager.orgId,
      clientId: client.id,
      name: 'Dr Grace Hopper',
      email: 'grace@fabrikam.example',
      isDecisionMaker: true,
    },
    { orgId: manager.orgId, clientId: client.id, name: 'No Mail', isDecisionMaker: true },
    { orgId: manager.orgId, clientId: client.id, name: 'Ivan IT', email: 'ivan@fabrikam.example' },
  ]);
  return CloseoutDriver.open(testApp.app, manager.headers, {
    clientId: client.id,
    trigger: 'client_notice',
    noticeReceivedOn: isoDay(daysFromNow(-noticeDaysAgo)),
    noticeEvidence: 'Email from the owner',
    ownerUserId: accountManager.userId,
  });
}

const mailsOf = (closeoutId: string, kind: string) =>
  testApp.db
    .select()
    .from(mails)
    .where(and(eq(mails.closeoutId, closeoutId), eq(mails.kind, kind as 'task_digest')))
    .orderBy(mails.createdAt);

function eventOf(mail: typeof mails.$inferSelect, method = 'REQUEST') {
  const attachment = mail.attachments.find((candidate) => candidate.filename.endsWith('.ics'))!;
  expect(attachment.contentType).toContain('text/calendar');
  const calendar = new ICAL.Component(ICAL.parse(attachment.content));
  expect(calendar.getFirstPropertyValue('method')).toBe(method);
  return new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
}

describe('meeting invitation', () => {
  it('invites the owner and the client’s decision maker, and a reschedule updates the same event', async () => {
    const driver = await openCloseout('Fabrikam Ltd');
    await driveThroughRetention(driver, { manager, accountManager });
    const first = daysFromNow(5);
    await driver.act(accountManager.headers, 'schedule-meeting', {
      scheduledAt: first.toISOString(),
      location: 'Fabrikam HQ',
      agenda: 'Dates & <tickets>',
    });

    const invited = await mailsOf(driver.closeout.id, 'meeting_invitation');
    expect(invited.map((mail) => mail.toAddress).sort()).toEqual(
      [accountManager.email, 'grace@fabrikam.example'].sort(),
    );
    expect(invited.every((mail) => mail.status === 'queued')).toBe(true);
    const firstEvent = eventOf(invited[0]!);
    expect(firstEvent.uid).toBe(`closeout-meeting-${driver.closeout.id}@closeout`);
    expect(firstEvent.startDate.toJSDate().toISOString()).toBe(first.toISOString());
    expect(firstEvent.description).toBe('Dates & <tickets>');
    expect(invited[0]!.html).toContain('Dates &amp; &lt;tickets&gt;');
    expect(invited[0]!.subject).not.toContain('Rescheduled');

    const moved = daysFromNow(6);
    await driver.act(accountManager.headers, 'schedule-meeting', {
      scheduledAt: moved.toISOString(),
      location: 'Online',
      agenda: 'Dates & <tickets>',
    });
    const all = await mailsOf(driver.closeout.id, 'meeting_invitation');
    const rescheduled = all.filter((mail) => mail.subject.startsWith('Rescheduled: '));
    expect(rescheduled).toHaveLength(2);
    const secondEvent = eventOf(rescheduled[0]!);
    expect(secondEvent.uid).toBe(firstEvent.uid);
    expect(secondEvent.sequence).toBeGreaterThan(firstEvent.sequence);
    expect(secondEvent.location).toBe('Online');
    expect(secondEvent.startDate.toJSDate().toISOString()).toBe(moved.toISOString());

    // Delivered without SMTP: they wait in the outbox.
    await testApp.app.jobs.drain();
    const delivered = await mailsOf(driver.closeout.id, 'meeting_invitation');
    expect(delivered.every((mail) => mail.status === 'outbox')).toBe(true);

    // The closeout ends before the meeting: the same event is cancelled in every calendar.
    await driver.act(manager.headers, 'withdraw', { note: 'They stay.' });
    const cancelled = (await mailsOf(driver.closeout.id, 'meeting_invitation')).filter((mail) =>
      mail.subject.startsWith('Cancelled: '),
    );
    expect(cancelled.map((mail) => mail.toAddress).sort()).toEqual(
      [accountManager.email, 'grace@fabrikam.example'].sort(),
    );
    const cancellation = eventOf(cancelled[0]!, 'CANCEL');
    expect(cancellation.uid).toBe(firstEvent.uid);
    expect(cancellation.sequence).toBeGreaterThan(secondEvent.sequence);
    expect(cancellation.component.getFirstPropertyValue('status')).toBe('CANCELLED');
  });

  it('invites nobody to a meeting recorded after the fact', async () => {
    const driver = await openCloseout('Litware Inc');
    await driveThroughRetention(driver, { manager, accountManager });
    await driver.act(accountManager.headers, 'schedule-meeting', {
      scheduledAt: daysFromNow(-1).toISOString(),
      location: 'Their office',
      agenda: '',
    });
    expect(await mailsOf(driver.closeout.id, 'meeting_invitation')).toEqual([]);
  });
});

describe('closeout closed', () => {
  it('tells the owner and the service managers, with the work left', async () => {
    const driver = await openCloseout('Tailspin Toys');
    await driver.act(manager.headers, 'withdraw', { note: 'They signed for another year.' });

    const told = await mailsOf(driver.closeout.id, 'closeout_closed');
    expect(told.map((mail) => mail.toAddress).sort()).toEqual(
      [accountManager.email, manager.email].sort(),
    );
    const mail = told[0]!;
    expect(mail.subject).toBe(`${driver.closeout.reference} Tailspin Toys: withdrawn`);
    expect(mail.text).toContain('They signed for another year.');
    expect(mail.text).toContain('By: Sam Manager');
  });
});

describe('daily task digest', () => {
  const today = isoDay(new Date());
  const at = (day: string, time: string) => new Date(`${day}T${time}Z`);
  const digestsTo = async (email: string) =>
    testApp.db
      .select()
      .from(mails)
      .where(and(eq(mails.kind, 'task_digest'), eq(mails.toAddress, email)));

  it('sends each user their overdue and due tasks once a day, after 07:00 UTC', async () => {
    // Notice 20 days ago: the retention assessment's tasks are overdue.
    const driver = await openCloseout('Wide World Importers', 20);
    const snapshotTask = driver.closeout.tasks.find(
      (task) => task.status === 'open' && task.roles.includes('service_manager'),
    )!;
    await driver.act(manager.headers, `tasks/${snapshotTask.id}/assign`, {
      assigneeUserId: technician.userId,
    });
    await testApp.db
      .update(users)
      .set({ digestSentOn: null })
      .where(eq(users.orgId, manager.orgId));

    expect(
      await sendDueTaskDigests({
        db: testApp.db,
        publicUrl: 'https://co.example',
        now: at(today, '06:59:00'),
      }),
    ).toBe(0);

    const [first, concurrent] = await Promise.all([
      sendDueTaskDigests({
        db: testApp.db,
        publicUrl: 'https://co.example',
        now: at(today, '07:05:00'),
      }),
      sendDueTaskDigests({
        db: testApp.db,
        publicUrl: 'https://co.example',
        now: at(today, '07:05:00'),
      }),
    ]);
    expect(first + concurrent).toBeGreaterThanOrEqual(2);

    const [toTechnician] = await digestsTo(technician.email);
    expect(await digestsTo(technician.email)).toHaveLength(1);
    expect(toTechnician!.text).toContain(snapshotTask.name);
    expect(toTechnician!.text).toContain('assigned to you');
    expect(toTechnician!.text).toContain(
      `https://co.example/closeouts/${driver.closeout.id}?tab=tasks`,
    );
    expect(toTechnician!.html).toContain('#f4d35e');
    // A pale brand colour gets dark text in the header band.
    expect(toTechnician!.html).toContain('color:#111418');

    const toAccountManager = await digestsTo(accountManager.email);
    expect(toAccountManager).toHaveLength(1);
    expect(toAccountManager[0]!.subject).toMatch(/overdue/);
    // Unassigned tasks reach the role, named as the organisation names it.
    expect(toAccountManager[0]!.text).toContain('unassigned, for Client Success Lead');
    // The service manager's own task went to the technician.
    const toManager = await digestsTo(manager.email);
    expect(toManager.every((mail) => !mail.text.includes(`${snapshotTask.name} —`))).toBe(true);

    expect(
      await sendDueTaskDigests({
        db: testApp.db,
        publicUrl: 'https://co.example',
        now: at(today, '18:00:00'),
      }),
    ).toBe(0);
    expect(await digestsTo(technician.email)).toHaveLength(1);

    const tomorrow = isoDay(daysFromNow(1));
    expect(
      await sendDueTaskDigests({
        db: testApp.db,
        publicUrl: 'https://co.example',
        now: at(tomorrow, '07:00:00'),
      }),
    ).toBeGreaterThanOrEqual(2);
    expect(await digestsTo(technician.email)).toHaveLength(2);
  });
});
