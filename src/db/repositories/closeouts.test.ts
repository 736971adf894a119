import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/support/database.js';
import {
  buildCloseout,
  insertClient,
  insertManagedSystem,
  insertOrganisation,
  insertTicket,
  insertUser,
  type TicketRow,
} from '../../../test/support/factories.js';
import { AppError } from '../../domain/errors.js';
import type { Closeout } from '../../domain/model.js';
import type { Database, OpenDatabase } from '../connection.js';
import { insertCloseout, loadCloseout, saveCloseout } from './closeouts.js';

let database: OpenDatabase;
let db: Database;
let orgId: string;
let otherOrgId: string;
let clientId: string;
let ownerId: string;
let technicianId: string;
let tickets: TicketRow[];
let systemIds: string[];

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  orgId = (await insertOrganisation(db)).id;
  otherOrgId = (await insertOrganisation(db)).id;
  clientId = (await insertClient(db, orgId)).id;
  ownerId = (await insertUser(db, orgId, { roles: ['service_manager'] })).id;
  technicianId = (await insertUser(db, orgId)).id;
  tickets = [];
  for (const number of ['T-00101', 'T-00102', 'T-00103', 'T-00104']) {
    tickets.push(await insertTicket(db, orgId, clientId, { number }));
  }
  systemIds = [
    (await insertManagedSystem(db, orgId, clientId, { name: 'Microsoft 365' })).id,
    (await insertManagedSystem(db, orgId, clientId, { name: 'FortiGate firewall' })).id,
  ];
});

afterAll(() => database.close());

const ticket = (index: number) => tickets[index]!;

/** A closeout in its deactivation session, with something in every collection. */
function populatedCloseout(): Closeout {
  return buildCloseout({
    orgId,
    clientId,
    ownerUserId: ownerId,
    stage: 'deactivation_session',
    mrrAtRisk: 2450.75,
    acknowledgedAt: '2025-06-03T09:00:00.000Z',
    reasons: {
      primary: 'price',
      contributing: ['responsiveness', 'service_quality'],
      notes: 'New CFO is consolidating vendors.',
    },
    healthSnapshot: {
      compiledAt: '2025-06-04T10:00:00.000Z',
      tenureMonths: 75,
      monthlyRecurringRevenue: 2450.75,
      ticketsLast90Days: 41,
      slaBreachesLast90Days: 3,
      satisfactionLast90Days: 4.2,
      openTickets: 3,
    },
    retention: {
      decision: 'attempt_retention',
      decidedAt: '2025-06-05T14:00:00.000Z',
      decidedBy: 'Dana Service Manager',
      rationale: 'Worth a Service Improvement Program.',
      approvedAt: null,
      approvedBy: null,
      approvalNote: '',
      sipOutcome: 'not_retained',
      sipConcludedAt: '2025-06-20T16:00:00.000Z',
    },
    sipActions: [
      {
        id: randomUUID(),
        description: 'Weekly service review call',
        ownerUserId: ownerId,
        dueOn: '2025-06-10',
        doneAt: '2025-06-10T15:00:00.000Z',
        note: 'Held with the office manager.',
      },
      {
        id: randomUUID(),
        description: 'Dedicated technician on site on Tuesdays',
        ownerUserId: null,
        dueOn: null,
        doneAt: null,
        note: '',
      },
    ],
    meeting: {
      scheduledAt: '2025-06-24T13:00:00.000Z',
      location: 'Client office, Room 2',
      agenda: 'Dates, tickets, deliverables, billing, transition.',
      heldAt: '2025-06-24T13:05:00.000Z',
      attendees: [
        { name: 'Priya Patel', email: 'priya@contoso.example', organisation: 'client' },
        { name: 'Dana Service Manager', email: null, organisation: 'provider' },
      ],
      minutes: 'Agreed termination on 31 July.',
      agreement: {
        terminationDate: '2025-07-31',
        deactivationSessionAt: '2025-07-28T09:00:00.000Z',
        ticketHandling: 'Complete the backup ticket, cancel the rest.',
        deliverables: 'Credentials, backup copy, documentation export.',
        finalBilling: 'Pro rata to 31 July.',
        transitionContact: {
          kind: 'incoming_provider',
          name: 'Sam Lee',
          email: 'sam@fabrikam.example',
          phone: '+44 20 7946 0000',
          organisation: 'Fabrikam IT',
        },
      },
      summarySentAt: '2025-06-25T08:00:00.000Z',
    },
    ticketsPulledAt: '2025-06-24T14:00:00.000Z',
    // Loaded back by joining time, then ticket number.
    ticketReviews: [
      {
        ticketId: ticket(0).id,
        ticketNumber: ticket(0).number,
        title: ticket(0).title,
        disposition: 'complete',
        reason: 'Backup job failing; must work before hand-over.',
        handoverNote: '',
        clientAgreed: true,
        clientAgreedAt: '2025-06-26T10:00:00.000Z',
        clientQuestion: null,
        outcome: 'completed',
        outcomeAt: '2025-07-02T11:00:00.000Z',
        joinedAt: '2025-06-24T14:00:00.000Z',
      },
      {
        ticketId: ticket(1).id,
        ticketNumber: ticket(1).number,
        title: ticket(1).title,
        disposition: 'cancel',
        reason: 'New provider replaces the printers.',
        handoverNote: 'Driver issue on floor 2 printer.',
        clientAgreed: false,
        clientAgreedAt: null,
        clientQuestion: 'Can this wait for the new provider?',
        outcome: null,
        outcomeAt: null,
        joinedAt: '2025-06-24T14:00:00.000Z',
      },
      {
        ticketId: ticket(2).id,
        ticketNumber: ticket(2).number,
        title: ticket(2).title,
        disposition: null,
        reason: '',
        handoverNote: '',
        clientAgreed: false,
        clientAgreedAt: null,
        clientQuestion: null,
        outcome: null,
        outcomeAt: null,
        joinedAt: '2025-07-01T08:30:00.000Z',
      },
    ],
    handoverItems: [
      {
        id: randomUUID(),
        managedSystemId: systemIds[0]!,
        systemName: 'Microsoft 365',
        credentialLabel: 'Global administrator',
        notes: 'Break-glass account included.',
        handedOverAt: '2025-07-28T09:30:00.000Z',
        handedOverBy: 'Tom Technician',
        confirmedAt: null,
        confirmedBy: null,
      },
      {
        id: randomUUID(),
        managedSystemId: null,
        systemName: 'Domain registrar',
        credentialLabel: 'Account owner',
        notes: '',
        handedOverAt: null,
        handedOverBy: null,
        confirmedAt: null,
        confirmedBy: null,
      },
    ],
    backupCopies: [
      {
        id: randomUUID(),
        description: 'File server full backup',
        systemsCovered: ['File server', 'SQL Server'],
        sizeBytes: 53_687_091_200,
        sha256: 'a'.repeat(64),
        medium: 'encrypted_drive',
        deliveredAt: '2025-07-28T10:00:00.000Z',
        deliveredBy: 'Tom Technician',
        receivedAt: null,
        receivedBy: null,
        checksumVerified: false,
      },
    ],
    sessionHeldAt: '2025-07-28T09:00:00.000Z',
    responsibilityAcceptance: {
      acceptedByName: 'Priya Patel',
      acceptedByTitle: 'Managing Director',
      acceptedAt: '2025-07-28T11:00:00.000Z',
      effectiveFrom: '2025-07-31T23:59:00.000Z',
      recordedBy: 'Dana Service Manager',
      signature: null,
    },
    tasks: [
      {
        id: randomUUID(),
        taskKey: 'acknowledge_notice',
        stageKey: 'retention_assessment',
        name: 'Acknowledge the notice in writing',
        lane: 'onstage',
        roles: ['account_manager'],
        required: true,
        dueOn: '2025-06-03',
        assigneeUserId: ownerId,
        status: 'done',
        completedAt: '2025-06-03T09:00:00.000Z',
        completedBy: 'Dana Service Manager',
        evidence: 'Email sent.',
        waiverReason: '',
      },
      {
        id: randomUUID(),
        taskKey: 'present_sip',
        stageKey: 'retention_assessment',
        name: 'Present the Service Improvement Program',
        lane: 'onstage',
        roles: ['account_manager'],
        required: false,
        dueOn: null,
        assigneeUserId: null,
        status: 'waived',
        completedAt: null,
        completedBy: null,
        evidence: '',
        waiverReason: 'Presented at the review call instead.',
      },
      {
        id: randomUUID(),
        taskKey: 'verify_access',
        stageKey: 'deactivation_session',
        name: 'Verify access with the handed-over credentials',
        lane: 'client',
        roles: ['client_technical_contact'],
        required: true,
        dueOn: '2025-07-28',
        assigneeUserId: technicianId,
        status: 'open',
        completedAt: null,
        completedBy: null,
        evidence: '',
        waiverReason: '',
      },
    ],
    deactivationIssues: [
      {
        id: randomUUID(),
        summary: 'Agent still reporting',
        description: 'One laptop was offline during uninstall.',
        systemName: 'RMM',
        loggedAt: '2025-08-01T09:00:00.000Z',
        loggedBy: 'Tom Technician',
        resolvedAt: null,
        resolution: '',
      },
    ],
  });
}

async function insert(closeout: Closeout): Promise<void> {
  await db.transaction((tx) => insertCloseout(tx, closeout));
}

async function save(before: Closeout, after: Closeout): Promise<void> {
  await db.transaction((tx) => saveCloseout(tx, before, after));
}

async function load(closeout: Closeout): Promise<Closeout> {
  const loaded = await loadCloseout(db, closeout.orgId, closeout.id);
  if (loaded === null) throw new Error(`closeout ${closeout.reference} was not found`);
  return loaded;
}

/**
 * The transaction id that last wrote each row of a child table, keyed by the row's id. A row
 * that a save did not touch keeps its value.
 */
async function lastWrites(table: string, key: string, closeoutId: string) {
  const result = await db.execute<{ key: string; xmin: string }>(
    sql`select ${sql.identifier(key)}::text as key, xmin::text as xmin
        from ${sql.identifier(table)} where closeout_id = ${closeoutId}`,
  );
  return Object.fromEntries(result.rows.map((row) => [row.key, row.xmin]));
}

describe('a closeout aggregate', () => {
  it('reads back exactly as it was inserted, with every collection in order', async () => {
    const closeout = populatedCloseout();
    await insert(closeout);
    expect(await load(closeout)).toStrictEqual(closeout);
  });

  it('reads back a just-opened closeout with empty collections', async () => {
    const closeout = buildCloseout({ orgId, clientId });
    await insert(closeout);
    expect(await load(closeout)).toStrictEqual(closeout);
  });

  it('is not found by another organisation', async () => {
    const closeout = buildCloseout({ orgId, clientId });
    await insert(closeout);
    expect(await loadCloseout(db, otherOrgId, closeout.id)).toBeNull();
    expect(await loadCloseout(db, orgId, randomUUID())).toBeNull();
  });
});

describe('saving a closeout', () => {
  it('writes the changes of every collection: new, changed, moved and removed items', async () => {
    const inserted = populatedCloseout();
    await insert(inserted);
    const before = await load(inserted);
    const after = structuredClone(before);

    after.version = before.version + 1;
    after.stage = 'backstage_deactivation';
    after.retention.approvalNote = 'Noted by the executive.';
    after.reasons.contributing.push('relationship');
    after.meeting.minutes = 'Agreed termination on 31 July; backup by encrypted drive.';
    after.meeting.attendees.push({
      name: 'Sam Lee',
      email: 'sam@fabrikam.example',
      organisation: 'incoming_provider',
    });
    after.sipActions[1]!.doneAt = '2025-06-17T09:00:00.000Z';
    after.sipActions.shift();
    after.sipActions.push({
      id: randomUUID(),
      description: 'Quarterly business review',
      ownerUserId: technicianId,
      dueOn: '2025-06-30',
      doneAt: null,
      note: '',
    });
    after.ticketReviews[1]!.clientAgreed = true;
    after.ticketReviews[1]!.clientAgreedAt = '2025-06-27T09:00:00.000Z';
    after.ticketReviews[1]!.clientQuestion = null;
    after.ticketReviews.splice(2, 1);
    after.ticketReviews.push({
      ticketId: ticket(3).id,
      ticketNumber: ticket(3).number,
      title: ticket(3).title,
      disposition: 'cancel',
      reason: 'Opened during the closeout; out of scope.',
      handoverNote: 'Passed to Fabrikam IT.',
      clientAgreed: false,
      clientAgreedAt: null,
      clientQuestion: null,
      outcome: null,
      outcomeAt: null,
      joinedAt: '2025-07-05T12:00:00.000Z',
    });
    after.handoverItems[0]!.confirmedAt = '2025-07-28T10:30:00.000Z';
    after.handoverItems[0]!.confirmedBy = 'Priya Patel';
    after.handoverItems.push({
      id: randomUUID(),
      managedSystemId: systemIds[1]!,
      systemName: 'FortiGate firewall',
      credentialLabel: 'Firewall admin',
      notes: '',
      handedOverAt: null,
      handedOverBy: null,
      confirmedAt: null,
      confirmedBy: null,
    });
    after.backupCopies[0]!.receivedAt = '2025-07-29T08:00:00.000Z';
    after.backupCopies[0]!.receivedBy = 'Priya Patel';
    after.backupCopies[0]!.checksumVerified = true;
    after.responsibilityAcceptance!.acceptedByTitle = 'Director';
    after.tasks[2]!.status = 'done';
    after.tasks[2]!.completedAt = '2025-07-28T12:00:00.000Z';
    after.tasks[2]!.completedBy = 'Priya Patel';
    after.tasks.reverse();
    after.tasks.push({
      id: randomUUID(),
      taskKey: 'win_back_90',
      stageKey: 'backstage_deactivation',
      name: 'Win-back check-in after 90 days',
      lane: 'onstage',
      roles: ['account_manager'],
      required: false,
      dueOn: '2025-10-29',
      assigneeUserId: null,
      status: 'open',
      completedAt: null,
      completedBy: null,
      evidence: '',
      waiverReason: '',
    });
    after.deactivationIssues[0]!.resolvedAt = '2025-08-02T10:00:00.000Z';
    after.deactivationIssues[0]!.resolution = 'Agent removed by hand.';
    after.deactivationIssues.push({
      id: randomUUID(),
      summary: 'Backup portal still sending alerts',
      description: '',
      systemName: null,
      loggedAt: '2025-08-03T09:00:00.000Z',
      loggedBy: 'Tom Technician',
      resolvedAt: null,
      resolution: '',
    });

    await save(before, after);
    expect(await load(after)).toStrictEqual(after);
  });

  it('leaves rows that did not change untouched', async () => {
    const inserted = populatedCloseout();
    await insert(inserted);
    const before = await load(inserted);
    const writesBefore = await lastWrites('sip_actions', 'id', before.id);
    const meetingBefore = await lastWrites('closeout_meetings', 'closeout_id', before.id);

    const after = structuredClone(before);
    after.version += 1;
    after.sipActions[0]!.note = 'Moved to Thursdays.';
    await save(before, after);

    const writesAfter = await lastWrites('sip_actions', 'id', before.id);
    const [changed, unchanged] = [before.sipActions[0]!.id, before.sipActions[1]!.id];
    expect(writesAfter[changed]).not.toBe(writesBefore[changed]);
    expect(writesAfter[unchanged]).toBe(writesBefore[unchanged]);
    expect(await lastWrites('closeout_meetings', 'closeout_id', before.id)).toEqual(meetingBefore);
    expect(await load(after)).toStrictEqual(after);
  });

  it('removes what the aggregate no longer holds', async () => {
    const inserted = populatedCloseout();
    await insert(inserted);
    const before = await load(inserted);
    const after = structuredClone(before);
    after.version += 1;
    after.meeting.agreement = null;
    after.responsibilityAcceptance = null;
    after.sipActions = [];
    after.ticketReviews = [];
    after.handoverItems = [];
    after.backupCopies = [];
    after.tasks = [];
    after.deactivationIssues = [];

    await save(before, after);
    expect(await load(after)).toStrictEqual(after);
  });

  it('refuses a save built on a version someone else has since saved', async () => {
    const closeout = populatedCloseout();
    await insert(closeout);
    const mine = await load(closeout);
    const theirs = await load(closeout);

    const theirChange = structuredClone(theirs);
    theirChange.version += 1;
    theirChange.stage = 'open_ticket_review';
    await save(theirs, theirChange);

    const myChange = structuredClone(mine);
    myChange.version += 1;
    myChange.stage = 'closeout_meeting';
    myChange.sipActions[0]!.note = 'Mine';
    const refusal = await save(mine, myChange).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({
      code: 'stale_version',
      message:
        'This closeout was changed by someone else since you loaded it. Reload it and try again.',
    });
    expect(await load(closeout)).toStrictEqual(theirChange);
  });

  it('refuses a save that does not raise the version by one', async () => {
    const closeout = buildCloseout({ orgId, clientId });
    await insert(closeout);
    const before = await load(closeout);
    const after = { ...before, stage: 'closeout_meeting' };
    await expect(save(before, after)).rejects.toMatchObject({ code: 'internal' });
    await expect(save(before, { ...after, version: before.version + 2 })).rejects.toMatchObject({
      code: 'internal',
    });
    expect((await load(closeout)).stage).toBe('retention_assessment');
  });

  it('changes nothing of another organisation', async () => {
    const closeout = buildCloseout({ orgId, clientId });
    await insert(closeout);
    const before = { ...(await load(closeout)), orgId: otherOrgId };
    const after = { ...before, version: before.version + 1, stage: 'closeout_meeting' };
    await expect(save(before, after)).rejects.toMatchObject({ code: 'stale_version' });
    expect(await load(closeout)).toStrictEqual(closeout);
  });
});
