import { describe, expect, it } from 'vitest';
import {
  ACTORS,
  act,
  atDeactivationSession,
  atMeetingStage,
  atTicketReview,
  CLIENT_TICKETS,
  CLOSING_GATES,
  type ClosingGate,
  engineContext,
  MEETING_HELD,
  NOW,
  openedCloseout,
  readyToClose,
  refusal,
  SESSION_AT,
} from '../../../test/support/closeout-scenarios.js';
import type { UnmetGate } from '../errors.js';
import type { Closeout } from '../model.js';
import type { EngineContext } from './context.js';
import { acceptResponsibility, recordSessionHeld } from './deactivation-session.js';
import { advanceStage, closeAsTerminated, withdraw } from './lifecycle.js';
import { recordMeetingHeld, scheduleMeeting } from './meeting.js';
import {
  acknowledgeNotice,
  addSipAction,
  approveTermination,
  assignOwner,
  concludeSip,
  decideRetention,
} from './retention.js';
import { pullTickets, setTicketDispositions } from './ticket-review.js';

const advance = (closeout: Closeout, context: EngineContext) =>
  act(closeout, (c) => advanceStage(c, context), context);

const close = (closeout: Closeout, context: EngineContext) =>
  act(closeout, (c) => closeAsTerminated(c, { note: 'All handed over.' }, context), context);

/** The gate keys and what each says is missing. */
const unmet = (run: () => unknown) => {
  const error = refusal(run);
  expect(error.code).toBe('gate_unmet');
  return (error.unmetGates ?? []).map(({ gate, missing }: UnmetGate) => ({ gate, missing }));
};

const NO_DECISION = {
  gate: 'retention_resolved',
  missing: ['No retention decision has been made.'],
};
const NOT_APPROVED = {
  gate: 'termination_approved',
  missing: ['An Executive has not approved the termination.'],
};

describe('advanceStage from 11a.01 Internal Retention Assessment', () => {
  it('needs a retention decision for a client notice, and no approval', () => {
    const context = engineContext();
    const opened = openedCloseout('client_notice', context);
    expect(unmet(() => advance(opened, context))).toEqual([NO_DECISION]);
    const error = refusal(() => advance(opened, context));
    expect(error.unmetGates![0]).toMatchObject({
      name: 'Retention resolved',
      tasks: ['t07', 't10'],
    });

    const accepted = act(
      opened,
      (c) => decideRetention(c, { decision: 'accept_cancellation', rationale: '' }, context),
      context,
    );
    expect(advance(accepted, context).stage).toBe('closeout_meeting');
  });

  it('needs an Executive approval for a provider termination', () => {
    const context = engineContext();
    const opened = openedCloseout('provider_termination', context);
    expect(unmet(() => advance(opened, context))).toEqual([NOT_APPROVED, NO_DECISION]);

    const confirmed = act(
      opened,
      (c) => decideRetention(c, { decision: 'confirm_termination', rationale: '' }, context),
      context,
    );
    expect(unmet(() => advance(confirmed, context))).toEqual([NOT_APPROVED]);

    const asExecutive = { ...context, actor: ACTORS.executive };
    const approved = act(
      confirmed,
      (c) => approveTermination(c, { note: '' }, asExecutive),
      asExecutive,
    );
    expect(advance(approved, context).stage).toBe('closeout_meeting');
  });

  it('waits for a running Service Improvement Program to conclude not retained', () => {
    const context = engineContext();
    let closeout = act(
      openedCloseout('mutual', context),
      (c) => decideRetention(c, { decision: 'attempt_retention', rationale: '' }, context),
      context,
    );
    closeout = act(
      closeout,
      (c) =>
        addSipAction(
          c,
          { description: 'Fix response times', ownerUserId: null, dueOn: null },
          context,
        ),
      context,
    );
    expect(unmet(() => advance(closeout, context))).toEqual([
      {
        gate: 'retention_resolved',
        missing: ['The Service Improvement Program is still running.'],
      },
    ]);
    closeout = act(
      closeout,
      (c) => concludeSip(c, { outcome: 'not_retained', note: '' }, context),
      context,
    );
    expect(advance(closeout, context).stage).toBe('closeout_meeting');
  });
});

describe('advanceStage from the later stages', () => {
  const MEETING_NOT_HELD = {
    gate: 'meeting_held',
    missing: ['The closeout meeting has not been recorded as held with its agreed dates.'],
  };

  it('leaves 11a.02 once the meeting is held with its agreement', () => {
    const context = engineContext();
    const closeout = atMeetingStage({ context });
    expect(unmet(() => advance(closeout, context))).toEqual([MEETING_NOT_HELD]);
    const scheduled = act(
      closeout,
      (c) =>
        scheduleMeeting(c, { scheduledAt: MEETING_HELD.heldAt, location: '', agenda: '' }, context),
      context,
    );
    expect(unmet(() => advance(scheduled, context))).toEqual([MEETING_NOT_HELD]);
    const held = act(scheduled, (c) => recordMeetingHeld(c, MEETING_HELD, context), context);
    expect(advance(held, context).stage).toBe('ticket_review');
  });

  it('leaves 11a.03 once every open ticket has a disposition', () => {
    const context = engineContext();
    let closeout = atTicketReview({ context });
    expect(unmet(() => advance(closeout, context))).toEqual([
      {
        gate: 'tickets_dispositioned',
        missing: ["The client's open tickets have not been pulled yet."],
      },
    ]);
    closeout = act(closeout, (c) => pullTickets(c, CLIENT_TICKETS, context), context);
    expect(unmet(() => advance(closeout, context))).toEqual([
      {
        gate: 'tickets_dispositioned',
        missing: [
          'Ticket T-1001 "Migrate mailboxes" has no disposition.',
          'Ticket T-1002 "Printer offline" has no disposition.',
        ],
      },
    ]);
    closeout = act(
      closeout,
      (c) =>
        setTicketDispositions(
          c,
          [
            {
              ticketId: 'tk-1',
              disposition: 'complete',
              reason: '',
              handoverNote: '',
              clientAgreed: false,
            },
          ],
          context,
        ),
      context,
    );
    expect(unmet(() => advance(closeout, context))).toEqual([
      {
        gate: 'tickets_dispositioned',
        missing: ['Ticket T-1002 "Printer offline" has no disposition.'],
      },
    ]);
  });

  it('leaves 11a.04 once the session is held', () => {
    const context = engineContext();
    const closeout = atDeactivationSession({ context });
    expect(unmet(() => advance(closeout, context))).toEqual([
      { gate: 'session_held', missing: ['The deactivation session has not been held.'] },
    ]);
    const held = act(
      closeout,
      (c) => recordSessionHeld(c, { heldAt: SESSION_AT }, context),
      context,
    );
    expect(advance(held, context).stage).toBe('deactivation');
  });

  it('does not go beyond the last stage', () => {
    const context = engineContext();
    const error = refusal(() => advance(readyToClose({ context }), context));
    expect(error.code).toBe('illegal_transition');
    expect(error.message).toBe(
      '11b Service Deactivation is the last stage: close the closeout instead.',
    );
  });
});

describe('withdraw', () => {
  it('ends the closeout withdrawn and waives its open tasks', () => {
    const context = engineContext();
    const closeout = atDeactivationSession({ context });
    const open = closeout.tasks.filter((task) => task.status === 'open');
    const done = closeout.tasks.filter((task) => task.status === 'done');
    expect(open.length).toBeGreaterThan(0);

    const withdrawn = act(
      closeout,
      (c) => withdraw(c, { note: 'Client stays after all.' }, context),
      context,
    );
    expect(withdrawn).toMatchObject({
      status: 'withdrawn',
      endedAt: NOW,
      endNote: 'Client stays after all.',
    });
    for (const task of open) {
      expect(withdrawn.tasks.find((t) => t.id === task.id)).toMatchObject({
        status: 'waived',
        completedBy: 'Closeout',
        waiverReason: 'The closeout was withdrawn.',
      });
    }
    for (const task of done) expect(withdrawn.tasks.find((t) => t.id === task.id)).toEqual(task);
  });

  it('is refused once the client accepted responsibility', () => {
    const context = engineContext();
    const accepted = act(
      atDeactivationSession({ context }),
      (c) =>
        acceptResponsibility(
          c,
          { acceptedByName: 'Dana Decider', acceptedByTitle: 'MD', effectiveFrom: SESSION_AT },
          context,
        ),
      context,
    );
    const error = refusal(() => act(accepted, (c) => withdraw(c, { note: '' }, context), context));
    expect(error.code).toBe('illegal_transition');
    expect(error.message).toContain('already taken over system administration');
  });
});

describe('closeAsTerminated', () => {
  const MISSING: Record<ClosingGate, string[]> = {
    tickets_resolved: ['Ticket T-1001 "Migrate mailboxes" is neither completed nor cancelled.'],
    credentials_confirmed: ['Firewall: the client has not confirmed Firewall admin.'],
    backup_received: ['The client has not confirmed receipt of "Full backup of SRV01".'],
    responsibility_accepted: [
      'The client has not signed the transfer of system-administration responsibility.',
    ],
  };

  it('is refused outside the last stage', () => {
    const context = engineContext();
    const error = refusal(() => close(atDeactivationSession({ context }), context));
    expect(error.code).toBe('illegal_transition');
    expect(error.message).toBe(
      'A closeout closes from its last stage, 11b Service Deactivation; CO-0042 is in 11a.04 Service Deactivation Session.',
    );
  });

  it('lists every exit condition that does not hold', () => {
    const context = engineContext();
    const closeout = readyToClose({ context, without: CLOSING_GATES });
    expect(unmet(() => close(closeout, context))).toEqual(
      CLOSING_GATES.map((gate) => ({ gate, missing: MISSING[gate] })),
    );
    const error = refusal(() => close(closeout, context));
    expect(error.unmetGates!.map((gate) => gate.tasks)).toEqual([
      ['t18', 't20', 't21'],
      ['t27'],
      ['t28'],
      ['t29'],
    ]);
  });

  it.each(CLOSING_GATES)('is refused with %s alone missing, naming what is missing', (gate) => {
    const context = engineContext();
    const closeout = readyToClose({ context, without: [gate] });
    expect(unmet(() => close(closeout, context))).toEqual([{ gate, missing: MISSING[gate] }]);
  });

  it('closes as terminated when every exit condition holds, scheduling the win-back check-ins', () => {
    const context = engineContext();
    const before = readyToClose({ context });
    const closed = close(before, context);
    expect(closed).toMatchObject({
      status: 'terminated',
      endedAt: NOW,
      endNote: 'All handed over.',
    });
    const winBack = closed.tasks.filter((task) => task.taskKey.startsWith('win_back_'));
    expect(winBack.map((task) => [task.taskKey, task.dueOn, task.status])).toEqual([
      ['win_back_90', '2025-07-29', 'open'],
      ['win_back_180', '2025-10-27', 'open'],
      ['win_back_365', '2026-04-30', 'open'],
    ]);
    expect(
      winBack.every(
        (task) => task.assigneeUserId === 'user-am' && task.stageKey === 'deactivation',
      ),
    ).toBe(true);
    // The backstage deactivation goes on after the close.
    expect(closed.tasks.find((task) => task.taskKey === 't30')!.status).toBe('open');
  });
});

describe('an ended closeout', () => {
  const context = engineContext();
  const terminated = close(readyToClose({ context }), context);
  const withdrawn = act(
    openedCloseout('client_notice', context),
    (c) => withdraw(c, { note: '' }, context),
    context,
  );
  let retained = act(
    openedCloseout('client_notice', context),
    (c) => decideRetention(c, { decision: 'attempt_retention', rationale: '' }, context),
    context,
  );
  retained = act(
    retained,
    (c) => addSipAction(c, { description: 'Review', ownerUserId: null, dueOn: null }, context),
    context,
  );
  retained = act(
    retained,
    (c) => concludeSip(c, { outcome: 'retained', note: '' }, context),
    context,
  );

  const actions: [string, (c: Closeout) => Closeout][] = [
    ['acknowledgeNotice', (c) => acknowledgeNotice(c, context)],
    ['assignOwner', (c) => assignOwner(c, 'user-te')],
    ['advanceStage', (c) => advanceStage(c, context)],
    ['pullTickets', (c) => pullTickets(c, CLIENT_TICKETS, context)],
    ['withdraw', (c) => withdraw(c, { note: '' }, context)],
    ['closeAsTerminated', (c) => closeAsTerminated(c, { note: '' }, context)],
  ];

  it.each([
    ['terminated', terminated],
    ['withdrawn', withdrawn],
    ['retained', retained],
  ] as const)('refuses every change once %s', (status, closeout) => {
    expect(closeout.status).toBe(status);
    for (const [, action] of actions) {
      const error = refusal(() => act(closeout, action, context));
      expect(error.code).toBe('illegal_transition');
      expect(error.message).toBe(
        `Closeout CO-0042 has ended (${status}); it can no longer change.`,
      );
    }
  });
});
