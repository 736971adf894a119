import {
  advanceStage,
  pullTickets,
  recordMeetingHeld,
  recordMeetingSummarySent,
  scheduleMeeting,
} from '../../domain/closeout/index.js';
import type { Attendee, Closeout, MeetingAgreement } from '../../domain/model.js';
import { compareText } from '../order.js';
import type { Step } from '../simulate.js';
import { ticketsAt } from '../tickets.js';
import { dayOf, minutesAfter } from '../time.js';
import { action, completeTaskStep, type ScriptContext, step } from './context.js';
import { withdrawal } from './retention.js';

/** 11a.02 Service Closeout Meeting, and the stage moves either side of it. */

export function advanceStep(script: ScriptContext, at: string): Step {
  return step(
    at,
    action('advance_stage', script.staff.serviceManager, (closeout, context) =>
      advanceStage(closeout, context),
    ),
  );
}

function attendees(script: ScriptContext): Attendee[] {
  const { client, staff, transition } = script;
  const list: Attendee[] = [
    {
      name: client.decisionMaker.name,
      email: client.decisionMaker.email ?? null,
      organisation: 'client',
    },
    {
      name: client.technicalContact.name,
      email: client.technicalContact.email ?? null,
      organisation: 'client',
    },
    { name: staff.accountManager.name, email: null, organisation: 'provider' },
    { name: staff.serviceManager.name, email: null, organisation: 'provider' },
  ];
  return transition.kind === 'incoming_provider'
    ? [
        ...list,
        { name: transition.name, email: transition.email, organisation: 'incoming_provider' },
      ]
    : list;
}

function agreementFor(script: ScriptContext, closeout: Closeout): MeetingAgreement {
  const { timeline, transition } = script;
  const earlyExit =
    closeout.earliestTerminationDate !== null &&
    closeout.earliestTerminationDate > timeline.terminationDate;
  return {
    terminationDate: timeline.terminationDate,
    deactivationSessionAt: timeline.sessionAt,
    ticketHandling: `Open tickets are reviewed with the client on ${dayOf(timeline.dispositionsAt)}: each is completed before the termination date or cancelled with a handover note.`,
    deliverables:
      'Administration credentials for every managed system, a full backup copy with its checksum, and the documentation export.',
    finalBilling: earlyExit
      ? `Services invoiced to ${timeline.terminationDate}; the fixed term to ${closeout.earliestTerminationDate} is settled with an early-termination fee.`
      : `Services invoiced to ${timeline.terminationDate}; the final invoice follows within five business days.`,
    transitionContact: transition,
  };
}

/** From scheduling the meeting to the tickets pulled; `review` continues from the pull. */
export function meetingSteps(
  script: ScriptContext,
  review: (closeout: Closeout) => Step[],
): Step[] {
  const { story, timeline, staff, client, transition, random } = script;
  const location = random.chance(0.5) ? 'Microsoft Teams' : `${client.row.name}, main office`;
  const schedule = step(
    timeline.meetingScheduledAt,
    action('schedule_meeting', staff.accountManager, (closeout, context) =>
      scheduleMeeting(
        closeout,
        {
          scheduledAt: timeline.meetingAt,
          location,
          agenda:
            'Termination date; open tickets; deactivation session; what the client receives; final billing; who takes over.',
        },
        context,
      ),
    ),
  );
  if (story.withdrawnIn === 'closeout_meeting') {
    return [schedule, withdrawal(script, timeline.withdrawnAt!)];
  }
  const agenda = completeTaskStep(
    timeline.agendaAt,
    't12',
    staff.serviceManager,
    'Agenda and open-ticket summary sent to the attendees.',
  );
  if (story.point === 'meeting_scheduled') return [schedule, agenda];

  const takesOver =
    transition.kind === 'incoming_provider'
      ? `${transition.organisation} takes over, with ${transition.name} as the contact`
      : `${transition.name} takes over system administration in house`;
  return [
    schedule,
    agenda,
    step(
      minutesAfter(timeline.meetingAt, 120),
      action('record_meeting', staff.accountManager, (closeout, context) =>
        recordMeetingHeld(
          closeout,
          {
            heldAt: timeline.meetingAt,
            attendees: attendees(script),
            minutes: `Walked through the closeout plan. Termination on ${timeline.terminationDate}, deactivation session on ${dayOf(timeline.sessionAt)}. ${takesOver}.`,
            agreement: agreementFor(script, closeout),
          },
          context,
        ),
      ),
    ),
    advanceStep(script, minutesAfter(timeline.meetingAt, 150)),
    {
      ...step(
        minutesAfter(timeline.meetingAt, 180),
        // The engine reads the PSA's tickets; a fixed order keeps the review in ticket order.
        action('pull_tickets', staff.serviceManager, (closeout, context) =>
          pullTickets(
            closeout,
            ticketsAt(script.tickets, context.now).sort((left, right) =>
              compareText(left.number, right.number),
            ),
            context,
          ),
        ),
      ),
      followedBy: review,
    },
    step(
      timeline.summarySentAt,
      action('record_meeting_summary_sent', staff.accountManager, (closeout, context) =>
        recordMeetingSummarySent(closeout, context),
      ),
    ),
    completeTaskStep(
      timeline.billingAgreedAt,
      't16',
      staff.finance,
      'Final billing terms agreed with the client and noted in the PSA.',
    ),
  ];
}
