import { AppError } from '../domain/errors.js';
import type { IsoDate, IsoDateTime } from '../domain/model.js';
import type { Random } from './random.js';
import type { Story } from './stories.js';
import {
  at,
  businessDays,
  calendarDays,
  dayOf,
  isWeekend,
  later,
  minutesAfter,
  startOfDay,
  weekdayOnOrAfter,
} from './time.js';

/**
 * The key dates of one closeout, all counted from its notice day, so the story can be placed in
 * the past by choosing that day alone: recent enough for an open closeout to stand where its
 * story says today, early enough for an ended one to be over (and a former client to return).
 */

/** The random parts of a timeline, drawn once so every candidate notice day uses the same. */
export type TimelineDraws = {
  openHour: number;
  openMinute: number;
  acknowledgedSameDay: boolean;
  sipActionCount: number;
  sipBusinessDays: number;
  meetingLead: number;
  meetingHour: number;
  sessionLead: number;
  closeLag: number;
  returnAfterDays: number;
  /** How many business days before today an ended closeout's notice day is first tried. */
  endedNoticeBack: number;
};

export function drawTimeline(random: Random): TimelineDraws {
  return {
    openHour: random.int(9, 11),
    openMinute: random.int(0, 59),
    acknowledgedSameDay: random.chance(0.6),
    sipActionCount: random.int(2, 3),
    sipBusinessDays: random.int(15, 22),
    meetingLead: random.int(3, 5),
    meetingHour: random.pick([10, 14]),
    sessionLead: random.int(1, 3),
    closeLag: random.int(12, 14),
    returnAfterDays: random.int(120, 270),
    endedNoticeBack: random.int(40, 500),
  };
}

export type SipTimeline = {
  addedAt: IsoDateTime;
  presentedAt: IsoDateTime;
  actionDueOn: IsoDate[];
  concludedAt: IsoDateTime;
};

export type Timeline = {
  noticeOn: IsoDate;
  openedAt: IsoDateTime;
  acknowledgedAt: IsoDateTime;
  healthAt: IsoDateTime;
  reasonsAt: IsoDateTime;
  decidedAt: IsoDateTime;
  approvedAt: IsoDateTime | null;
  sip: SipTimeline | null;
  /** The retention assessment is resolved: decided, approved and any SIP concluded. */
  resolvedAt: IsoDateTime;
  withdrawnAt: IsoDateTime | null;
  meetingScheduledAt: IsoDateTime;
  meetingAt: IsoDateTime;
  agendaAt: IsoDateTime;
  summarySentAt: IsoDateTime;
  billingAgreedAt: IsoDateTime;
  dispositionsAt: IsoDateTime;
  terminationDate: IsoDate;
  sessionAt: IsoDateTime;
  handoverAddedAt: IsoDateTime;
  backupRecordedAt: IsoDateTime;
  handedOverAt: IsoDateTime;
  deliveredAt: IsoDateTime;
  closedAt: IsoDateTime;
  returnOn: IsoDate | null;
  /** When an ended story ended; null while the closeout is open. */
  endedAt: IsoDateTime | null;
};

export function timelineFor(options: {
  noticeOn: IsoDate;
  story: Story;
  draws: TimelineDraws;
  /** The longest notice period of the client's agreements. */
  noticePeriodDays: number;
}): Timeline {
  const { noticeOn, story, draws } = options;
  const day = (offset: number) => businessDays(noticeOn, offset);
  const provider = story.trigger === 'provider_termination';

  const openedAt = at(noticeOn, draws.openHour, draws.openMinute);
  const acknowledgedAt = draws.acknowledgedSameDay ? at(noticeOn, 15, 20) : at(day(1), 9, 40);
  const healthAt = at(day(1), 9, 30);
  const reasonsAt = provider ? at(day(1), 11) : at(day(2), 14);
  const decidedAt = provider ? at(day(1), 15) : at(day(3), 11);
  const approvedAt = provider ? at(day(2), 10, 30) : null;
  const decidedOn = dayOf(decidedAt);

  const sip: SipTimeline | null =
    story.retention === 'accept'
      ? null
      : {
          addedAt: minutesAfter(decidedAt, 60),
          presentedAt: at(businessDays(decidedOn, 2), 15),
          actionDueOn: [5, 10, 15]
            .slice(0, draws.sipActionCount)
            .map((offset) => businessDays(decidedOn, offset)),
          concludedAt: at(businessDays(decidedOn, draws.sipBusinessDays), 16),
        };
  const resolvedAt = later(sip?.concludedAt ?? decidedAt, approvedAt ?? decidedAt);
  const resolvedOn = dayOf(resolvedAt);

  const meetingScheduledAt = at(businessDays(resolvedOn, 1), 9, 30);
  const meetingOn = businessDays(resolvedOn, draws.meetingLead + 1);
  const meetingAt = at(meetingOn, draws.meetingHour);
  const terminationDate = weekdayOnOrAfter(
    [calendarDays(noticeOn, options.noticePeriodDays), businessDays(meetingOn, 15)].sort().at(-1)!,
  );
  const sessionOn = businessDays(terminationDate, -draws.sessionLead);
  const closedAt = at(businessDays(terminationDate, draws.closeLag), 15);

  const withdrawnAt =
    story.withdrawnIn === 'retention_assessment'
      ? at(businessDays(decidedOn, 2), 12)
      : story.withdrawnIn === 'closeout_meeting'
        ? at(businessDays(dayOf(meetingScheduledAt), 1), 12)
        : null;
  const returnOn = story.returns
    ? weekdayOnOrAfter(calendarDays(dayOf(closedAt), draws.returnAfterDays))
    : null;
  const endedAt =
    story.ending === 'retained'
      ? sip!.concludedAt
      : story.ending === 'withdrawn'
        ? withdrawnAt
        : story.ending === 'terminated'
          ? closedAt
          : null;

  return {
    noticeOn,
    openedAt,
    acknowledgedAt,
    healthAt,
    reasonsAt,
    decidedAt,
    approvedAt,
    sip,
    resolvedAt,
    withdrawnAt,
    meetingScheduledAt,
    meetingAt,
    agendaAt: at(businessDays(meetingOn, -1), 16),
    summarySentAt: at(businessDays(meetingOn, 1), 9, 15),
    billingAgreedAt: at(businessDays(meetingOn, 2), 11, 30),
    dispositionsAt: at(businessDays(meetingOn, 2), 10),
    terminationDate,
    sessionAt: at(sessionOn, 10),
    handoverAddedAt: at(businessDays(sessionOn, -5), 10),
    backupRecordedAt: at(businessDays(sessionOn, -4), 11),
    handedOverAt: at(businessDays(sessionOn, -3), 10),
    deliveredAt: at(businessDays(sessionOn, -2), 14),
    closedAt,
    returnOn,
    endedAt,
  };
}

/** When the client question about a disposition comes in, a business day after the review. */
export const questionAt = (timeline: Timeline): IsoDateTime =>
  at(businessDays(dayOf(timeline.dispositionsAt), 1), 11);

/**
 * Whether the timeline puts the story where it belongs relative to `cutoff` (the start of
 * today): an open closeout's last step done and its next one still to come; an ended one over,
 * with time to spare.
 */
function fits(story: Story, timeline: Timeline, cutoff: IsoDateTime): boolean {
  const before = (moment: IsoDateTime) => moment < cutoff;
  const termination = (offset: number) => at(businessDays(timeline.terminationDate, offset), 0);
  if (story.ending !== 'open') {
    const margin = minutesAfter(cutoff, -3 * 24 * 60);
    const returned = timeline.returnOn === null || at(timeline.returnOn, 11) < margin;
    return timeline.endedAt! < margin && returned;
  }
  switch (story.point!) {
    case 'assessing':
      return before(timeline.reasonsAt);
    case 'awaiting_approval':
      // Stalled for three business days: the Executive's approval is overdue.
      return before(at(businessDays(dayOf(timeline.decidedAt), 3), 17));
    case 'sip_running':
      return before(at(timeline.sip!.actionDueOn[0]!, 17));
    case 'meeting_scheduled':
      return before(timeline.meetingScheduledAt) && !before(timeline.meetingAt);
    case 'reviewing_tickets':
      return before(at(businessDays(dayOf(questionAt(timeline)), 1), 17));
    case 'preparing_session':
      return before(timeline.deliveredAt) && !before(timeline.sessionAt);
    case 'deactivating':
      // Tasks due two business days after termination are overdue; those due later are not.
      return before(termination(3)) && !before(termination(6));
  }
}

/** The last weekday before `day`. */
const weekdayBefore = (day: IsoDate): IsoDate => {
  let current = calendarDays(day, -1);
  while (isWeekend(current)) current = calendarDays(current, -1);
  return current;
};

/**
 * The notice day that places the story: for an open closeout the most recent day that fits,
 * for an ended one the drawn day or, if its story would not be over by today, earlier. One
 * notice day to the next can move the termination date by three calendar days and so step over
 * an open closeout's narrow window (its session still to come, say): other meeting and session
 * leads fill the gap.
 */
export function placeStory(options: {
  story: Story;
  draws: TimelineDraws;
  noticePeriodDays: number;
  today: IsoDate;
}): Timeline {
  const { story, draws, today } = options;
  const cutoff = startOfDay(today);
  const first =
    story.ending === 'open'
      ? weekdayBefore(today)
      : businessDays(weekdayBefore(today), -draws.endedNoticeBack);
  const variants =
    story.ending === 'open'
      ? [
          draws,
          ...[1, 2, 3].flatMap((sessionLead) =>
            [3, 4, 5].map((meetingLead) => ({ ...draws, sessionLead, meetingLead })),
          ),
        ]
      : [draws];
  // Should no day fit, the nearest whose steps are all in the past still tells the story; a
  // month further back, nothing will fit any more.
  let fallback: { timeline: Timeline; attempt: number } | null = null;
  let noticeOn = first;
  for (let attempt = 0; attempt < 800; attempt += 1) {
    for (const variant of variants) {
      const timeline = timelineFor({
        noticeOn,
        story,
        draws: variant,
        noticePeriodDays: options.noticePeriodDays,
      });
      if (fits(story, timeline, cutoff)) return timeline;
      if (fallback === null && story.ending === 'open' && lastStepOf(story, timeline) < cutoff) {
        fallback = { timeline, attempt };
      }
    }
    if (fallback !== null && attempt - fallback.attempt > 20) return fallback.timeline;
    noticeOn = businessDays(noticeOn, -1);
  }
  throw new AppError('internal', 'The demo could not place a closeout story before today.');
}

function lastStepOf(story: Story, timeline: Timeline): IsoDateTime {
  switch (story.point!) {
    case 'assessing':
      return timeline.reasonsAt;
    case 'awaiting_approval':
      return timeline.decidedAt;
    case 'sip_running':
      return timeline.sip!.presentedAt;
    case 'meeting_scheduled':
      return timeline.meetingScheduledAt;
    case 'reviewing_tickets':
      return questionAt(timeline);
    case 'preparing_session':
      return timeline.deliveredAt;
    case 'deactivating':
      return timeline.sessionAt;
  }
}
