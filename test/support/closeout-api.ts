import { expect } from 'vitest';
import type { App } from '../../src/server/app.js';
import type { TCloseoutDetail } from '../../src/server/closeouts/schema.js';

/**
 * Drives one closeout through the API the way a client of the API would: every change sends
 * the ETag of the last response in If-Match.
 */
export class CloseoutDriver {
  closeout: TCloseoutDetail;

  constructor(
    private readonly app: App,
    opened: TCloseoutDetail,
  ) {
    this.closeout = opened;
  }

  static async open(
    app: App,
    headers: Record<string, string>,
    body: Record<string, unknown>,
  ): Promise<CloseoutDriver> {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/closeouts',
      headers,
      payload: body,
    });
    expect(response.statusCode, response.body).toBe(201);
    return new CloseoutDriver(app, response.json());
  }

  /** Sends one action; returns the raw response without asserting. */
  async try(headers: Record<string, string>, path: string, body: Record<string, unknown> = {}) {
    const response = await this.app.inject({
      method: 'POST',
      url: `/api/v1/closeouts/${this.closeout.id}/${path}`,
      headers: { ...headers, 'if-match': `"${this.closeout.version}"` },
      payload: body,
    });
    if (response.statusCode === 200) this.closeout = response.json();
    return response;
  }

  /** Sends one action that must succeed. */
  async act(headers: Record<string, string>, path: string, body: Record<string, unknown> = {}) {
    const response = await this.try(headers, path, body);
    expect(response.statusCode, `${path}: ${response.body}`).toBe(200);
    expect(response.headers.etag).toBe(`"${this.closeout.version}"`);
    return this.closeout;
  }

  taskId(taskKey: string): string {
    const task = this.closeout.tasks.find((candidate) => candidate.taskKey === taskKey);
    if (task === undefined) throw new Error(`No task ${taskKey} in ${this.closeout.reference}`);
    return task.id;
  }
}

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

type Headed = { headers: Record<string, string> };

/**
 * Retention: the notice acknowledged, the health snapshot compiled, the reasons recorded and
 * the cancellation accepted, leaving the closeout at the meeting stage.
 */
export async function driveThroughRetention(
  driver: CloseoutDriver,
  staff: { manager: Headed; accountManager: Headed },
): Promise<void> {
  const { manager, accountManager } = staff;
  await driver.act(accountManager.headers, 'acknowledge-notice');
  await driver.act(manager.headers, 'compile-health-snapshot');
  await driver.act(accountManager.headers, 'record-reasons', {
    primary: 'moving_to_another_provider',
    contributing: ['price'],
    notes: 'Their new owner has an in-house MSP.',
  });
  await driver.act(manager.headers, 'decide-retention', {
    decision: 'accept_cancellation',
    rationale: 'Acquisition: nothing we could offer changes it.',
  });
  await driver.act(manager.headers, 'advance-stage');
}

/**
 * Retention → meeting → ticket review of a client's notice received about 20 days ago: every
 * step through the API, by a service manager and an account manager.
 */
export async function driveThroughMeeting(
  driver: CloseoutDriver,
  staff: { manager: Headed; accountManager: Headed },
): Promise<void> {
  const { manager, accountManager } = staff;
  await driveThroughRetention(driver, staff);
  await driver.act(accountManager.headers, 'schedule-meeting', {
    scheduledAt: daysAgo(6).toISOString(),
    location: 'Client office, boardroom',
    agenda: 'Dates, open tickets, deliverables, billing, transition',
  });
  await driver.act(accountManager.headers, 'record-meeting', {
    heldAt: daysAgo(5).toISOString(),
    attendees: [
      { name: 'Dr Grace Hopper', email: 'grace@fabrikam.example', organisation: 'client' },
      { name: 'Ada Account', email: null, organisation: 'provider' },
    ],
    minutes: 'Agreed the dates; tickets reviewed next week.',
    agreement: {
      terminationDate: isoDay(daysAgo(-30)),
      deactivationSessionAt: daysAgo(-25).toISOString(),
      ticketHandling: 'Complete the quick ones, cancel the projects.',
      deliverables: 'Admin credentials, a backup copy, the documentation export.',
      finalBilling: 'Pro rata to the termination date.',
      transitionContact: {
        kind: 'incoming_provider',
        name: 'Contoso IT',
        email: 'noc@contoso.example',
      },
    },
  });
  await driver.act(accountManager.headers, 'record-meeting-summary-sent');
  await driver.act(manager.headers, 'advance-stage');
}

/**
 * A closeout of the client on its notice received 20 days ago, opened by the manager and driven
 * through the meeting (`driveThroughMeeting`): it stands in the ticket review.
 */
export async function openThroughMeeting(
  app: App,
  clientId: string,
  staff: { manager: Headed; accountManager: Headed },
): Promise<CloseoutDriver> {
  const driver = await CloseoutDriver.open(app, staff.manager.headers, {
    clientId,
    trigger: 'client_notice',
    noticeReceivedOn: isoDay(daysAgo(20)),
    noticeEvidence: 'Email from the managing partner.',
  });
  await driveThroughMeeting(driver, staff);
  return driver;
}

export const sha256Of = (text: string) =>
  import('node:crypto').then(({ createHash }) => createHash('sha256').update(text).digest('hex'));
