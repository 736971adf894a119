import { DEFAULT_DEFINITION } from '../../src/blueprint/default-definition.js';
import { DEFAULT_REASON_TAXONOMY } from '../../src/blueprint/reason-taxonomy.js';
import type { TTrigger } from '../../src/blueprint/schema.js';
import { compileHealthSnapshot } from '../../src/domain/agreements.js';
import {
  acceptResponsibility,
  acknowledgeNotice,
  addHandoverItems,
  addSipAction,
  advanceStage,
  applyCloseoutAction,
  approveTermination,
  concludeSip,
  confirmBackupReceipt,
  confirmHandover,
  decideRetention,
  type EngineContext,
  markBackupDelivered,
  markHandedOver,
  openCloseout,
  pullTickets,
  recordBackupCopy,
  recordHealthSnapshot,
  recordMeetingHeld,
  recordMeetingSummarySent,
  recordReasons,
  recordSessionHeld,
  recordTicketOutcome,
  scheduleMeeting,
  setTicketDispositions,
} from '../../src/domain/closeout/index.js';
import { AppError } from '../../src/domain/errors.js';
import type {
  Actor,
  Agreement,
  Closeout,
  CloseoutTask,
  MeetingAgreement,
  Ticket,
} from '../../src/domain/model.js';

/**
 * Closeouts at known points of the process, built only through the engine's own actions (each
 * wrapped in applyCloseoutAction, as the application runs them), so a scenario that builds at
 * all proves the path to it works. Every date is fixed: the clock stands still at NOW.
 */

/** A Thursday, so business-day due dates cross a weekend. */
export const NOTICE_ON = '2025-03-06';
export const NOW = '2025-04-30T16:00:00.000Z';
export const MEETING_AT = '2025-03-12T14:00:00.000Z';
/** A Wednesday. */
export const TERMINATION_ON = '2025-04-30';
export const SESSION_AT = '2025-04-28T10:00:00.000Z';
export const BACKUP_SHA256 = 'ab'.repeat(32);

export const ACTORS = {
  serviceManager: {
    kind: 'user',
    userId: 'user-sm',
    name: 'Sam Service',
    roles: ['service_manager'],
  },
  accountManager: {
    kind: 'user',
    userId: 'user-am',
    name: 'Alex Account',
    roles: ['account_manager'],
  },
  executive: { kind: 'user', userId: 'user-ex', name: 'Erin Exec', roles: ['executive'] },
  finance: { kind: 'user', userId: 'user-fi', name: 'Fran Finance', roles: ['finance'] },
  technician: { kind: 'user', userId: 'user-te', name: 'Terry Tech', roles: ['technician'] },
  clientContact: { kind: 'client_contact', contactId: 'contact-1', name: 'Chris Client' },
} satisfies Record<string, Actor>;

/** A context whose ids count up from id-1; share one context along a scenario. */
export function engineContext(overrides: Partial<EngineContext> = {}): EngineContext {
  let counter = 0;
  return {
    definition: DEFAULT_DEFINITION,
    now: NOW,
    actor: ACTORS.serviceManager,
    newId: () => `id-${++counter}`,
    ...overrides,
  };
}

export const AGREEMENTS: Agreement[] = [
  {
    id: 'agr-1',
    clientId: 'client-1',
    name: 'Managed services',
    monthlyRecurringRevenue: 1250.1,
    startDate: '2022-01-01',
    termEndDate: null,
    noticePeriodDays: 30,
    status: 'active',
    endedOn: null,
  },
  {
    id: 'agr-2',
    clientId: 'client-1',
    name: 'Cloud backup',
    monthlyRecurringRevenue: 99.2,
    startDate: '2023-06-01',
    termEndDate: '2025-04-30',
    noticePeriodDays: 14,
    status: 'active',
    endedOn: null,
  },
];

export function ticket(overrides: Partial<Ticket> & Pick<Ticket, 'id' | 'number'>): Ticket {
  return {
    clientId: 'client-1',
    title: `Ticket ${overrides.number}`,
    status: 'open',
    openedAt: '2025-02-20T09:00:00.000Z',
    closedAt: null,
    slaBreached: false,
    satisfaction: null,
    ...overrides,
  };
}

/** The client's tickets in the PSA: two open, one long closed (which never joins the review). */
export const CLIENT_TICKETS: Ticket[] = [
  ticket({ id: 'tk-1', number: 'T-1001', title: 'Migrate mailboxes' }),
  ticket({ id: 'tk-2', number: 'T-1002', title: 'Printer offline' }),
  ticket({
    id: 'tk-0',
    number: 'T-0999',
    title: 'New laptop',
    status: 'completed',
    closedAt: '2025-02-01T09:00:00.000Z',
  }),
];

export const MEETING_AGREEMENT: MeetingAgreement = {
  terminationDate: TERMINATION_ON,
  deactivationSessionAt: SESSION_AT,
  ticketHandling: 'Complete T-1001, cancel T-1002.',
  deliverables: 'Credentials, backup copy, documentation export.',
  finalBilling: 'Last invoice at the end of April.',
  transitionContact: {
    kind: 'incoming_provider',
    name: 'Nina New',
    email: 'nina@newmsp.example',
    phone: null,
    organisation: 'New MSP',
  },
};

export const MEETING_HELD = {
  heldAt: MEETING_AT,
  attendees: [
    { name: 'Dana Decider', email: 'dana@client.example', organisation: 'client' as const },
    { name: 'Alex Account', email: null, organisation: 'provider' as const },
  ],
  minutes: 'Dates, tickets, deliverables and billing agreed.',
  agreement: MEETING_AGREEMENT,
};

/** Runs one action through the engine and returns the changed closeout. */
export function act(
  closeout: Closeout,
  action: (current: Closeout) => Closeout,
  context: EngineContext,
): Closeout {
  return applyCloseoutAction(closeout, action, context).closeout;
}

/** The AppError `run` throws; fails the test when it throws nothing or something else. */
export function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the engine to refuse, but it accepted');
}

export function taskByKey(closeout: Closeout, taskKey: string): CloseoutTask {
  const found = closeout.tasks.find((task) => task.taskKey === taskKey);
  if (found === undefined) throw new Error(`closeout has no task ${taskKey}`);
  return found;
}

export function openedCloseout(
  trigger: TTrigger = 'client_notice',
  context: EngineContext = engineContext(),
): Closeout {
  return openCloseout(
    {
      id: 'co-1',
      orgId: 'org-1',
      reference: 'CO-0042',
      clientId: 'client-1',
      trigger,
      noticeReceivedOn: NOTICE_ON,
      noticeEvidence: 'Email from Dana Decider, 6 March.',
      ownerUserId: ACTORS.accountManager.userId,
    },
    AGREEMENTS,
    context,
  );
}

export type ScenarioOptions = {
  trigger?: TTrigger;
  /** Attempt retention with a Service Improvement Program that ends not retained. */
  attemptRetention?: boolean;
  context?: EngineContext;
};

const REASON_BY_TRIGGER: Record<TTrigger, string> = {
  client_notice: 'price',
  mutual: 'scope_mismatch',
  provider_termination: 'non_payment',
};

/** Through 11a.01 to the start of 11a.02, the meeting not yet scheduled. */
export function atMeetingStage(options: ScenarioOptions = {}): Closeout {
  const {
    trigger = 'client_notice',
    attemptRetention = false,
    context = engineContext(),
  } = options;
  let closeout = openedCloseout(trigger, context);
  closeout = act(closeout, (c) => acknowledgeNotice(c, context), context);
  closeout = act(
    closeout,
    (c) =>
      recordReasons(
        c,
        { primary: REASON_BY_TRIGGER[trigger], contributing: [], notes: '' },
        DEFAULT_REASON_TAXONOMY,
      ),
    context,
  );
  const snapshot = compileHealthSnapshot({
    clientSince: '2022-01-01',
    agreements: AGREEMENTS,
    tickets: CLIENT_TICKETS,
    now: context.now,
  });
  closeout = act(closeout, (c) => recordHealthSnapshot(c, snapshot), context);
  if (attemptRetention) {
    closeout = act(
      closeout,
      (c) => decideRetention(c, { decision: 'attempt_retention', rationale: 'Worth it.' }, context),
      context,
    );
    closeout = act(
      closeout,
      (c) =>
        addSipAction(
          c,
          { description: 'Weekly service review', ownerUserId: 'user-am', dueOn: '2025-03-20' },
          context,
        ),
      context,
    );
    closeout = act(
      closeout,
      (c) => concludeSip(c, { outcome: 'not_retained', note: 'Client still leaving.' }, context),
      context,
    );
  } else {
    const decision =
      trigger === 'provider_termination' ? 'confirm_termination' : 'accept_cancellation';
    closeout = act(
      closeout,
      (c) => decideRetention(c, { decision, rationale: 'No way back.' }, context),
      context,
    );
  }
  if (trigger === 'provider_termination') {
    const asExecutive = { ...context, actor: ACTORS.executive };
    closeout = act(
      closeout,
      (c) => approveTermination(c, { note: 'Approved.' }, asExecutive),
      asExecutive,
    );
  }
  return act(closeout, (c) => advanceStage(c, context), context);
}

/** Through 11a.02 to the start of 11a.03: meeting held and summarised, tickets not pulled yet. */
export function atTicketReview(options: ScenarioOptions = {}): Closeout {
  const context = options.context ?? engineContext();
  let closeout = atMeetingStage({ ...options, context });
  closeout = act(
    closeout,
    (c) =>
      scheduleMeeting(
        c,
        { scheduledAt: MEETING_AT, location: 'Client office', agenda: 'Closeout' },
        context,
      ),
    context,
  );
  closeout = act(closeout, (c) => recordMeetingHeld(c, MEETING_HELD, context), context);
  closeout = act(closeout, (c) => recordMeetingSummarySent(c, context), context);
  return act(closeout, (c) => advanceStage(c, context), context);
}

/**
 * Through 11a.03 to the start of 11a.04: both open tickets dispositioned with the client's
 * agreement (T-1001 complete, T-1002 cancel) but not yet worked; the hand-over prepared during
 * the review (two credentials handed over, one backup copy delivered). The client's side is
 * still to come.
 */
export function atDeactivationSession(options: ScenarioOptions = {}): Closeout {
  const context = options.context ?? engineContext();
  let closeout = atTicketReview({ ...options, context });
  closeout = act(closeout, (c) => pullTickets(c, CLIENT_TICKETS, context), context);
  closeout = act(
    closeout,
    (c) =>
      setTicketDispositions(
        c,
        [
          {
            ticketId: 'tk-1',
            disposition: 'complete',
            reason: 'Half done.',
            handoverNote: '',
            clientAgreed: true,
          },
          {
            ticketId: 'tk-2',
            disposition: 'cancel',
            reason: 'The new provider replaces the printer.',
            handoverNote: 'Driver issue on the 2nd floor printer.',
            clientAgreed: true,
          },
        ],
        context,
      ),
    context,
  );
  closeout = act(
    closeout,
    (c) =>
      addHandoverItems(
        c,
        [
          {
            managedSystemId: 'sys-m365',
            systemName: 'Microsoft 365',
            credentialLabel: 'Global administrator',
            notes: '',
          },
          {
            managedSystemId: 'sys-fw',
            systemName: 'Firewall',
            credentialLabel: 'Firewall admin',
            notes: '',
          },
        ],
        context,
      ),
    context,
  );
  for (const item of closeout.handoverItems) {
    closeout = act(closeout, (c) => markHandedOver(c, item.id, context), context);
  }
  closeout = act(
    closeout,
    (c) =>
      recordBackupCopy(
        c,
        {
          description: 'Full backup of SRV01',
          systemsCovered: ['SRV01'],
          sizeBytes: 512_000_000_000,
          sha256: BACKUP_SHA256,
          medium: 'encrypted_drive',
        },
        context,
      ),
    context,
  );
  const copyId = closeout.backupCopies[0]!.id;
  closeout = act(closeout, (c) => markBackupDelivered(c, copyId, context), context);
  return act(closeout, (c) => advanceStage(c, context), context);
}

export const CLOSING_GATES = [
  'tickets_resolved',
  'credentials_confirmed',
  'backup_received',
  'responsibility_accepted',
] as const;
export type ClosingGate = (typeof CLOSING_GATES)[number];

/**
 * Through 11a.04 into 11b with every exit condition met, except those in `without`:
 * tickets_resolved leaves T-1001 unworked; credentials_confirmed leaves the firewall credential
 * unconfirmed; backup_received leaves the copy unreceived; responsibility_accepted leaves the
 * transfer unsigned.
 */
export function readyToClose(
  options: ScenarioOptions & { without?: readonly ClosingGate[] } = {},
): Closeout {
  const context = options.context ?? engineContext();
  const without = new Set(options.without ?? []);
  let closeout = atDeactivationSession({ ...options, context });
  if (!without.has('tickets_resolved')) {
    closeout = act(
      closeout,
      (c) => recordTicketOutcome(c, { ticketId: 'tk-1', outcome: 'completed' }, context),
      context,
    );
  }
  closeout = act(
    closeout,
    (c) => recordTicketOutcome(c, { ticketId: 'tk-2', outcome: 'cancelled' }, context),
    context,
  );
  const asClient = { ...context, actor: ACTORS.clientContact };
  const toConfirm = without.has('credentials_confirmed')
    ? closeout.handoverItems.slice(0, 1)
    : closeout.handoverItems;
  for (const item of toConfirm) {
    closeout = act(
      closeout,
      (c) => confirmHandover(c, { itemId: item.id, confirmedBy: 'Nina New' }, asClient),
      asClient,
    );
  }
  if (!without.has('backup_received')) {
    const copyId = closeout.backupCopies[0]!.id;
    closeout = act(
      closeout,
      (c) =>
        confirmBackupReceipt(
          c,
          { copyId, receivedBy: 'Nina New', sha256: BACKUP_SHA256 },
          asClient,
        ),
      asClient,
    );
  }
  if (!without.has('responsibility_accepted')) {
    closeout = act(
      closeout,
      (c) =>
        acceptResponsibility(
          c,
          {
            acceptedByName: 'Dana Decider',
            acceptedByTitle: 'Managing Director',
            effectiveFrom: SESSION_AT,
          },
          asClient,
        ),
      asClient,
    );
  }
  closeout = act(closeout, (c) => recordSessionHeld(c, { heldAt: SESSION_AT }, context), context);
  return act(closeout, (c) => advanceStage(c, context), context);
}
