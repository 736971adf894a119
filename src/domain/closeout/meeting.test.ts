import { describe, expect, it } from 'vitest';
import {
  act,
  atMeetingStage,
  engineContext,
  MEETING_AGREEMENT,
  MEETING_AT,
  MEETING_HELD,
  NOW,
  openedCloseout,
  refusal,
  taskByKey,
} from '../../../test/support/closeout-scenarios.js';
import type { Closeout } from '../model.js';
import type { EngineContext } from './context.js';
import { recordMeetingHeld, recordMeetingSummarySent, scheduleMeeting } from './meeting.js';

const schedule = { scheduledAt: MEETING_AT, location: 'Client office', agenda: 'Closeout' };

const hold = (
  closeout: Closeout,
  context: EngineContext,
  changes: Partial<typeof MEETING_HELD> = {},
) => act(closeout, (c) => recordMeetingHeld(c, { ...MEETING_HELD, ...changes }, context), context);

describe('scheduleMeeting', () => {
  it('is refused before the meeting stage', () => {
    const context = engineContext();
    const error = refusal(() =>
      act(
        openedCloseout('client_notice', context),
        (c) => scheduleMeeting(c, schedule, context),
        context,
      ),
    );
    expect(error.code).toBe('illegal_transition');
    expect(error.message).toContain('11a.02 Service Closeout Meeting');
  });

  it('schedules the meeting, which dates the agenda task', () => {
    const context = engineContext();
    const before = atMeetingStage({ context });
    expect(taskByKey(before, 't12').dueOn).toBeNull();
    const scheduled = act(before, (c) => scheduleMeeting(c, schedule, context), context);
    expect(scheduled.meeting).toMatchObject(schedule);
    expect(taskByKey(scheduled, 't11').status).toBe('done');
    expect(taskByKey(scheduled, 't12').dueOn).toBe('2025-03-11');
  });

  it('is refused once the meeting was held', () => {
    const context = engineContext();
    const held = hold(atMeetingStage({ context }), context);
    const error = refusal(() => act(held, (c) => scheduleMeeting(c, schedule, context), context));
    expect(error.code).toBe('illegal_transition');
  });
});

describe('recordMeetingHeld', () => {
  it('records attendees, minutes and what was agreed', () => {
    const context = engineContext();
    const held = hold(atMeetingStage({ context }), context);
    expect(held.meeting).toMatchObject({
      scheduledAt: MEETING_AT,
      heldAt: MEETING_AT,
      attendees: MEETING_HELD.attendees,
      minutes: MEETING_HELD.minutes,
      agreement: MEETING_AGREEMENT,
      summarySentAt: null,
    });
    expect(taskByKey(held, 't13').status).toBe('done');
    expect(taskByKey(held, 't14').status).toBe('done');
    expect(taskByKey(held, 't15').status).toBe('open');
  });

  it('refuses a meeting held in the future', () => {
    const context = engineContext();
    const error = refusal(() =>
      hold(atMeetingStage({ context }), context, { heldAt: '2025-04-30T16:00:01.000Z' }),
    );
    expect(error.code).toBe('validation');
    expect(error.field).toBe('heldAt');
  });

  it('refuses a meeting without the client', () => {
    const context = engineContext();
    const error = refusal(() =>
      hold(atMeetingStage({ context }), context, {
        attendees: [{ name: 'Alex Account', email: null, organisation: 'provider' }],
      }),
    );
    expect(error.code).toBe('validation');
    expect(error.field).toBe('attendees');
  });

  it('refuses a termination date before the notice date', () => {
    const context = engineContext();
    const error = refusal(() =>
      hold(atMeetingStage({ context }), context, {
        agreement: { ...MEETING_AGREEMENT, terminationDate: '2025-03-05' },
      }),
    );
    expect(error.code).toBe('validation');
    expect(error.field).toBe('agreement.terminationDate');
  });

  it('refuses a deactivation session after the termination date, but takes one on that day', () => {
    const context = engineContext();
    const closeout = atMeetingStage({ context });
    const error = refusal(() =>
      hold(closeout, context, {
        agreement: { ...MEETING_AGREEMENT, deactivationSessionAt: '2025-05-01T09:00:00.000Z' },
      }),
    );
    expect(error.code).toBe('validation');
    expect(error.field).toBe('agreement.deactivationSessionAt');

    const sameDay = { ...MEETING_AGREEMENT, deactivationSessionAt: '2025-04-30T15:00:00.000Z' };
    expect(hold(closeout, context, { agreement: sameDay }).meeting.agreement).toEqual(sameDay);
  });
});

describe('recordMeetingSummarySent', () => {
  it('is refused before the meeting was held', () => {
    const context = engineContext();
    const error = refusal(() =>
      act(atMeetingStage({ context }), (c) => recordMeetingSummarySent(c, context), context),
    );
    expect(error.code).toBe('illegal_transition');
    expect(error.message).toBe(
      'The summary follows the meeting: record the meeting as held first.',
    );
  });

  it('records the summary after the meeting', () => {
    const context = engineContext();
    const held = hold(atMeetingStage({ context }), context);
    const sent = act(held, (c) => recordMeetingSummarySent(c, context), context);
    expect(sent.meeting.summarySentAt).toBe(NOW);
    expect(taskByKey(sent, 't15').status).toBe('done');
  });
});
