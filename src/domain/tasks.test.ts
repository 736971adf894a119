import { describe, expect, it } from 'vitest';
import {
  act,
  atDeactivationSession,
  atTicketReview,
  CLIENT_TICKETS,
  engineContext,
  MEETING_AGREEMENT,
  MEETING_HELD,
  NOW,
  openedCloseout,
  taskByKey,
  ticket,
} from '../../test/support/closeout-scenarios.js';
import type { TTrigger } from '../blueprint/schema.js';
import { advanceStage } from './closeout/lifecycle.js';
import { recordMeetingHeld } from './closeout/meeting.js';
import { decideRetention } from './closeout/retention.js';
import { pullTickets, setTicketDispositions } from './closeout/ticket-review.js';
import type { CloseoutTask, RetentionDecision } from './model.js';
import { dueAnchors, isOverdue, winBackTasks } from './tasks.js';

const keys = (tasks: CloseoutTask[]) => tasks.map((task) => task.taskKey);

describe('task generation', () => {
  it.each([
    ['client_notice', ['t02', 't03', 't04', 't05', 't06', 't07']],
    ['mutual', ['t02', 't03', 't04', 't05', 't06', 't07']],
    ['provider_termination', ['t02', 't03', 't04', 't05', 't06', 't07', 't08']],
  ] as [TTrigger, string[]][])(
    'opens a %s with the first stage tasks that apply',
    (trigger, expected) => {
      expect(keys(openedCloseout(trigger).tasks)).toEqual(expected);
    },
  );

  it('dates them in business days from the notice and completes what opening established', () => {
    const opened = openedCloseout('provider_termination');
    const summary = opened.tasks.map((task) => [task.taskKey, task.dueOn, task.status]);
    expect(summary).toEqual([
      ['t02', '2025-03-07', 'open'],
      ['t03', '2025-03-07', 'done'],
      ['t04', '2025-03-06', 'done'],
      ['t05', '2025-03-10', 'open'],
      ['t06', '2025-03-11', 'open'],
      ['t07', '2025-03-13', 'open'],
      ['t08', '2025-03-10', 'open'],
    ]);
    expect(taskByKey(opened, 't03')).toMatchObject({ completedAt: NOW, completedBy: 'Closeout' });
    expect(taskByKey(opened, 't02')).toMatchObject({
      stageKey: 'retention_assessment',
      lane: 'onstage',
      roles: ['account_manager'],
      required: true,
      assigneeUserId: null,
    });
  });

  it("generates a stage's tasks when the closeout enters it", () => {
    const context = engineContext();
    const closeout = act(
      act(
        openedCloseout('client_notice', context),
        (c) => decideRetention(c, { decision: 'accept_cancellation', rationale: '' }, context),
        context,
      ),
      (c) => advanceStage(c, context),
      context,
    );
    expect(keys(closeout.tasks.filter((task) => task.stageKey === 'closeout_meeting'))).toEqual([
      't11',
      't12',
      't13',
      't14',
      't15',
      't16',
    ]);
    expect(closeout.tasks.some((task) => task.stageKey === 'ticket_review')).toBe(false);
  });
});

describe('Service Improvement Program tasks', () => {
  const decide = (decisions: RetentionDecision[]) => {
    const context = engineContext();
    return decisions.reduce(
      (closeout, decision) =>
        act(closeout, (c) => decideRetention(c, { decision, rationale: '' }, context), context),
      openedCloseout('client_notice', context),
    );
  };

  it('appear when retention is attempted', () => {
    const attempting = decide(['attempt_retention']);
    expect(taskByKey(attempting, 't09')).toMatchObject({ status: 'open', dueOn: '2025-03-17' });
    expect(taskByKey(attempting, 't10')).toMatchObject({ status: 'open', dueOn: null });
    expect(keys(decide(['accept_cancellation']).tasks)).not.toContain('t09');
  });

  it('are waived when the decision changes to accepting the cancellation', () => {
    const accepted = decide(['attempt_retention', 'accept_cancellation']);
    for (const key of ['t09', 't10']) {
      expect(taskByKey(accepted, key)).toMatchObject({
        status: 'waived',
        completedAt: NOW,
        completedBy: 'Closeout',
        waiverReason: 'No longer applies to this closeout.',
      });
    }
  });

  it('come back when retention is attempted again', () => {
    const reattempting = decide(['attempt_retention', 'accept_cancellation', 'attempt_retention']);
    for (const key of ['t09', 't10']) {
      expect(taskByKey(reattempting, key)).toMatchObject({
        status: 'open',
        completedAt: null,
        completedBy: null,
        waiverReason: '',
      });
    }
    expect(taskByKey(reattempting, 't09').dueOn).toBe('2025-03-17');
    expect(keys(reattempting.tasks).filter((key) => key === 't09')).toHaveLength(1);
  });
});

describe('due dates', () => {
  it('count from the termination date the meeting agreed, and move when it is corrected', () => {
    const context = engineContext();
    const closeout = atTicketReview({ context });
    expect(dueAnchors(closeout)).toEqual({
      notice: '2025-03-06',
      meeting: '2025-03-12',
      termination: '2025-04-30',
      session: '2025-04-28',
    });
    expect(taskByKey(closeout, 't18').dueOn).toBe('2025-04-16');
    expect(taskByKey(closeout, 't21').dueOn).toBe('2025-04-23');
    expect(taskByKey(closeout, 't20').dueOn).toBe('2025-04-30');
    expect(taskByKey(closeout, 't16').dueOn).toBe('2025-03-17');

    const corrected = act(
      closeout,
      (c) =>
        recordMeetingHeld(
          c,
          {
            ...MEETING_HELD,
            heldAt: '2025-03-13T10:00:00.000Z',
            agreement: {
              ...MEETING_AGREEMENT,
              terminationDate: '2025-05-16',
              deactivationSessionAt: '2025-05-14T10:00:00.000Z',
            },
          },
          context,
        ),
      context,
    );
    expect(taskByKey(corrected, 't18').dueOn).toBe('2025-05-02');
    expect(taskByKey(corrected, 't21').dueOn).toBe('2025-05-09');
    expect(taskByKey(corrected, 't20').dueOn).toBe('2025-05-16');
    // Open tasks follow the meeting date; done ones keep the date they were due on.
    expect(taskByKey(corrected, 't16').dueOn).toBe('2025-03-18');
    expect(taskByKey(corrected, 't13')).toMatchObject({ status: 'done', dueOn: '2025-03-20' });
  });

  it('count from the agreed session until the session is held', () => {
    const closeout = atDeactivationSession();
    expect(taskByKey(closeout, 't23').dueOn).toBe('2025-04-23');
    expect(dueAnchors({ ...closeout, sessionHeldAt: '2025-04-29T09:00:00.000Z' }).session).toBe(
      '2025-04-29',
    );
  });
});

describe('automatic completion', () => {
  it('completes a task when its milestone is reached and reopens it when a new ticket joins', () => {
    const context = engineContext();
    const closeout = atDeactivationSession({ context });
    expect(taskByKey(closeout, 't18')).toMatchObject({ status: 'done', completedBy: 'Closeout' });
    expect(taskByKey(closeout, 't19').status).toBe('done');

    const arrived = ticket({ id: 'tk-3', number: 'T-1003', title: 'VPN down' });
    const joined = act(
      closeout,
      (c) => pullTickets(c, [...CLIENT_TICKETS, arrived], context),
      context,
    );
    expect(taskByKey(joined, 't18')).toMatchObject({
      status: 'open',
      completedAt: null,
      completedBy: null,
    });
    expect(taskByKey(joined, 't19').status).toBe('open');
    expect(taskByKey(joined, 't17').status).toBe('done');

    const dispositioned = act(
      joined,
      (c) =>
        setTicketDispositions(
          c,
          [
            {
              ticketId: 'tk-3',
              disposition: 'complete',
              reason: '',
              handoverNote: '',
              clientAgreed: true,
            },
          ],
          context,
        ),
      context,
    );
    expect(taskByKey(dispositioned, 't18').status).toBe('done');
    expect(taskByKey(dispositioned, 't19').status).toBe('done');
  });
});

describe('winBackTasks and isOverdue', () => {
  it('schedules a check-in per configured day, for the owner', () => {
    const context = engineContext();
    const closeout = openedCloseout('client_notice', context);
    const tasks = winBackTasks(
      context.definition,
      closeout,
      '2025-01-31T17:00:00.000Z',
      context.newId,
    );
    expect(tasks.map((task) => [task.taskKey, task.dueOn])).toEqual([
      ['win_back_90', '2025-05-01'],
      ['win_back_180', '2025-07-30'],
      ['win_back_365', '2026-01-31'],
    ]);
    expect(tasks[0]).toMatchObject({
      name: 'Win-back check-in 90 days after closing',
      lane: 'onstage',
      roles: ['account_manager'],
      required: false,
      assigneeUserId: 'user-am',
      status: 'open',
    });
  });

  it('counts only open tasks past their due day as overdue', () => {
    const task = openedCloseout().tasks[0]!;
    expect(task.dueOn).toBe('2025-03-07');
    expect(isOverdue(task, '2025-03-08')).toBe(true);
    expect(isOverdue(task, '2025-03-07')).toBe(false);
    expect(isOverdue({ ...task, status: 'done' }, '2025-03-08')).toBe(false);
    expect(isOverdue({ ...task, dueOn: null }, '2025-03-08')).toBe(false);
  });
});
