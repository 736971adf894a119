import type { AddressInfo } from 'node:net';
import { and, eq, sql } from 'drizzle-orm';
import ICAL from 'ical.js';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createStaff,
  createTeam,
  createTestApp,
  type Staff,
  type TestApp,
} from '../../../test/support/app.js';
import { CloseoutDriver, driveThroughRetention } from '../../../test/support/closeout-api.js';
import { insertClient } from '../../../test/support/factories.js';
import { contacts, jobs, mails, organisations } from '../../db/schema.js';
import { queueMail } from './queue.js';
import { REDACTED_LINK } from './redact.js';
import { signInLinkMail } from './templates/index.js';

/** Real delivery: the app's job runner sends over SMTP to a local server, and we read it back. */

const LOGO =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

let smtp: SMTPServer;
let received: ParsedMail[];
/** What the server answers to RCPT TO: accept, or a refusal with this code. */
let refuseWith: number | null;
let testApp: TestApp;
let manager: Staff;
let accountManager: Staff;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (refuseWith === null) return callback();
      const error = Object.assign(new Error(`Refused by the test server (${refuseWith})`), {
        responseCode: refuseWith,
      });
      return callback(error);
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          received.push(parsed);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const { port } = smtp.server.address() as AddressInfo;
  testApp = await createTestApp({
    config: {
      smtpUrl: `smtp://127.0.0.1:${port}`,
      mailFrom: 'Northwind IT <closeout@northwind.example>',
    },
  });
  ({ manager, accountManager } = await createTeam({
    app: testApp.app,
    roles: { manager: 'service_manager', accountManager: 'account_manager' },
  }));
  await testApp.db
    .update(organisations)
    .set({
      personalisation: {
        organisationName: 'Northwind IT',
        logo: LOGO,
        primaryColor: '#0b5394',
        roleNames: {},
        systemNames: {},
      },
    })
    .where(eq(organisations.id, manager.orgId));
});

afterAll(async () => {
  await testApp.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

beforeEach(() => {
  received = [];
  refuseWith = null;
});

const mailRow = async (id: string) =>
  (await testApp.db.select().from(mails).where(eq(mails.id, id)))[0]!;

/** Runs the mail's job again now, as the runner would once its backoff has passed. */
async function runAgainNow(mailId: string) {
  await testApp.db
    .update(jobs)
    .set({ runAt: new Date() })
    .where(and(eq(jobs.kind, 'send_mail'), eq(jobs.status, 'queued')));
  await testApp.app.jobs.drain();
  return mailRow(mailId);
}

async function queueSignInLink(address: string) {
  const mail = signInLinkMail({
    organisation: {
      organisationName: 'Northwind IT',
      logo: LOGO,
      primaryColor: '#0b5394',
    },
    contact: { name: 'Grace Hopper', email: address },
    signInUrl: 'https://closeout.northwind.example/portal/sign-in?token=s3cr3t-t0ken',
    expiresInMinutes: 15,
  });
  return testApp.db.transaction((tx) =>
    queueMail(tx, {
      orgId: manager.orgId,
      kind: 'sign_in_link',
      to: { address, name: 'Grace Hopper' },
      ...mail,
    }),
  );
}

describe('delivery over SMTP', () => {
  it('sends the meeting invitation with the logo inline and an .ics that reads back', async () => {
    const client = await insertClient(testApp.db, manager.orgId, { name: 'Fabrikam Ltd' });
    await testApp.db.insert(contacts).values({
      orgId: manager.orgId,
      clientId: client.id,
      name: 'Dr Grace Hopper',
      email: 'grace@fabrikam.example',
      isDecisionMaker: true,
    });
    const driver = await CloseoutDriver.open(testApp.app, manager.headers, {
      clientId: client.id,
      trigger: 'client_notice',
      noticeReceivedOn: new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10),
      noticeEvidence: 'Email from the owner',
      ownerUserId: accountManager.userId,
    });
    await driveThroughRetention(driver, { manager, accountManager });
    const startsAt = new Date(Date.now() + 7 * 86_400_000);
    startsAt.setUTCHours(14, 0, 0, 0);
    await driver.act(accountManager.headers, 'schedule-meeting', {
      scheduledAt: startsAt.toISOString(),
      location: 'Fabrikam HQ, boardroom',
      agenda: 'Dates, tickets, deliverables',
    });

    await testApp.app.jobs.drain();

    const addressed = received.flatMap((mail) =>
      mail.to !== undefined && !Array.isArray(mail.to) ? mail.to.value : [],
    );
    expect(addressed.map((to) => `${to.name} <${to.address}>`).sort()).toEqual(
      [`Ada Account <${accountManager.email}>`, 'Dr Grace Hopper <grace@fabrikam.example>'].sort(),
    );
    const toGrace = received.find((mail) => mail.text?.includes('Hello Dr Grace Hopper'))!;
    expect(toGrace.from?.value).toEqual([
      { name: 'Northwind IT', address: 'closeout@northwind.example' },
    ]);
    expect(toGrace.subject).toBe(
      `Closeout meeting with Fabrikam Ltd (${driver.closeout.reference})`,
    );
    expect(toGrace.html).toContain('#0b5394');
    const logo = toGrace.attachments.find((attachment) => attachment.contentType === 'image/png');
    expect(logo?.cid).toBe('organisation-logo@closeout');
    // mailparser puts the inline image back in place of its cid: reference.
    expect(logo?.related).toBe(true);
    expect(toGrace.html).toContain('src="data:image/png;base64,');

    const invite = toGrace.attachments.find((attachment) => attachment.filename?.endsWith('.ics'));
    expect(invite?.contentType).toBe('text/calendar');
    const calendar = new ICAL.Component(ICAL.parse(invite!.content.toString('utf8')));
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
    expect(event.uid).toBe(`closeout-meeting-${driver.closeout.id}@closeout`);
    expect(event.summary).toBe(`Closeout meeting: Fabrikam Ltd (${driver.closeout.reference})`);
    expect(event.location).toBe('Fabrikam HQ, boardroom');
    expect(event.startDate.toJSDate().toISOString()).toBe(startsAt.toISOString());
    expect(event.endDate.toJSDate().getTime()).toBe(startsAt.getTime() + 3_600_000);
    expect(event.sequence).toBe(driver.closeout.version);
    const mailto = (value: unknown) => String(value).replace(/^mailto:/i, '');
    const attendees = event.attendees.map((attendee) => mailto(attendee.getFirstValue()));
    expect(attendees.sort()).toEqual([accountManager.email, 'grace@fabrikam.example'].sort());
    const organizer = calendar.getFirstSubcomponent('vevent')!.getFirstPropertyValue('organizer');
    expect(mailto(organizer)).toBe(accountManager.email);

    const stored = await testApp.db
      .select()
      .from(mails)
      .where(eq(mails.closeoutId, driver.closeout.id));
    expect(stored.map((mail) => mail.status)).toEqual(['sent', 'sent']);
    expect(stored.every((mail) => mail.messageId?.includes('@'))).toBe(true);
  });

  it('keeps no usable sign-in link once the mail has gone', async () => {
    const mailId = await queueSignInLink('grace@fabrikam.example');
    await testApp.app.jobs.drain();

    expect(received).toHaveLength(1);
    expect(received[0]!.text).toContain('token=s3cr3t-t0ken');
    const stored = await mailRow(mailId);
    expect(stored.status).toBe('sent');
    expect(stored.text).not.toContain('s3cr3t-t0ken');
    expect(stored.html).not.toContain('s3cr3t-t0ken');
    expect(stored.text).toContain(REDACTED_LINK);
  });

  it('retries a refusal that may pass, and marks the mail failed after the last attempt', async () => {
    refuseWith = 451;
    const mailId = await queueSignInLink('busy@fabrikam.example');
    await testApp.app.jobs.drain();

    let stored = await mailRow(mailId);
    expect(stored.status).toBe('queued');
    expect(stored.lastError).toContain('451');
    const [job] = await testApp.db
      .select()
      .from(jobs)
      .where(and(eq(jobs.kind, 'send_mail'), eq(jobs.status, 'queued')));
    expect(job!.runAt.getTime()).toBeGreaterThan(Date.now() + 20_000);

    for (let attempt = 2; attempt <= job!.maxAttempts; attempt += 1) {
      stored = await runAgainNow(mailId);
    }
    expect(stored.status).toBe('failed');
    expect(stored.lastError).toContain('Refused by the test server (451)');
    // Not sent, so the link stays for a resend.
    expect(stored.text).toContain('s3cr3t-t0ken');
    expect(received).toHaveLength(0);

    refuseWith = null;
    const resent = await testApp.app.inject({
      method: 'POST',
      url: `/api/v1/mails/${mailId}/resend`,
      headers: (await createStaff({ app: testApp.app, orgId: manager.orgId, roles: ['admin'] }))
        .headers,
    });
    expect(resent.statusCode, resent.body).toBe(200);
    await testApp.app.jobs.drain();
    expect((await mailRow(mailId)).status).toBe('sent');
    expect(received).toHaveLength(1);
  });

  it('fails at once when the server refuses for good', async () => {
    refuseWith = 550;
    const mailId = await queueSignInLink('nobody@fabrikam.example');
    await testApp.app.jobs.drain();

    const stored = await mailRow(mailId);
    expect(stored.status).toBe('failed');
    expect(stored.lastError).toContain('550');
    const [job] = await testApp.db
      .select()
      .from(jobs)
      .where(sql`${jobs.payload} ->> 'mailId' = ${mailId}`);
    expect(job!.status).toBe('failed');
    expect(job!.attempts).toBe(1);
  });
});
