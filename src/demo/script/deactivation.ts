import { dueDate } from '../../domain/calendar.js';
import {
  assignTask,
  closeAsTerminated,
  logDeactivationIssue,
  resolveDeactivationIssue,
  waiveTask,
} from '../../domain/closeout/index.js';
import type { Actor } from '../../domain/model.js';
import { winBackTaskKey } from '../../domain/tasks.js';
import type { Step } from '../simulate.js';
import type { DemoStaff } from '../staff.js';
import {
  at,
  businessDays,
  calendarDays,
  dayOf,
  later,
  minutesAfter,
  weekdayOnOrAfter,
} from '../time.js';
import { DEACTIVATION_ISSUES } from '../vocabulary.js';
import { action, completeTaskStep, type ScriptContext, step } from './context.js';
import { advanceStep } from './meeting.js';

/**
 * 11b Service Deactivation: the checklist assigned and worked with evidence around the
 * termination date, the closeout closed, and what follows a close: backup data destroyed after
 * its retention period, deactivation issues, win-back check-ins (or the client's return).
 */

const EVIDENCE: Record<string, string> = {
  t30: 'Agents uninstalled from every device, then the console records deleted.',
  t31: 'ScreenConnect and Splashtop removed; open sessions revoked.',
  t32: 'Our admin accounts deleted; the GDAP relationship ended in Partner Center.',
  t33: 'Provider VPN profile removed; Wi-Fi and firewall shared secrets rotated.',
  t34: 'EDR licences released; mail filtering handed to the team taking over.',
  t35: 'Licences moved to the new licensing partner; domain transfer codes issued.',
  t36: 'Backup jobs stopped; data destroyed after the retention period, certificate filed.',
  t37: 'Agreements ended in the PSA, recurring billing stopped, final invoice issued.',
  t37a: 'Hosted virtual machine exported and handed over; hosted mail moved to the client tenant.',
  t37b: 'Service desk queues closed, portal access removed, share links and API keys revoked.',
  t38: 'Documentation archived; the client marked former in the PSA, documentation and CRM.',
  t39: 'Removed from alerting, the on-call rota and the monthly reports.',
  t40: 'Closeout report written; lessons learned shared at the team meeting.',
  t41: 'Win-back check-ins scheduled in the CRM at 90, 180 and 365 days.',
};

/** Tasks an open closeout in 11b has let slip past their due date. */
const SLIPPED = ['t30', 't39'];
/** Destroyed a month after termination, after the closeout has closed. */
const AFTER_CLOSE = 't36';

function workerOf(roles: string[], staff: DemoStaff): Actor & { kind: 'user' } {
  if (roles.includes('finance')) return staff.finance;
  if (roles.includes('account_manager')) return staff.accountManager;
  if (roles.includes('service_manager')) return staff.serviceManager;
  return staff.technician;
}

export function deactivationSteps(script: ScriptContext): Step[] {
  const { story, timeline, staff, definition, random } = script;
  const session = timeline.sessionAt;
  const started = minutesAfter(session, 220);
  const checklist = definition.tasks.filter((task) => task.stage === 'deactivation');
  const anchors = {
    notice: timeline.noticeOn,
    meeting: dayOf(timeline.meetingAt),
    termination: timeline.terminationDate,
    session: dayOf(session),
  };
  const steps: Step[] = [
    advanceStep(script, minutesAfter(session, 190)),
    {
      at: started,
      actions: (closeout) =>
        closeout.tasks
          .filter((task) => task.stageKey === 'deactivation' && task.status === 'open')
          .map((task) =>
            action('assign_task', staff.serviceManager, (current) =>
              assignTask(current, {
                taskId: task.id,
                assigneeUserId: workerOf(task.roles, staff).userId,
              }),
            ),
          ),
    },
  ];
  for (const task of checklist) {
    if (story.ending === 'open' && SLIPPED.includes(task.key)) continue;
    const due = dueDate(task.due, anchors) ?? timeline.terminationDate;
    const planned =
      task.key === AFTER_CLOSE
        ? at(weekdayOnOrAfter(due), 10)
        : at(businessDays(due, random.int(-1, 1)), random.int(9, 16), random.int(0, 59));
    steps.push(
      completeTaskStep(
        later(planned, minutesAfter(started, 30)),
        task.key,
        workerOf(task.roles, staff),
        EVIDENCE[task.key] ?? 'Done.',
      ),
    );
  }
  if (story.ending !== 'terminated') return steps;
  return [
    ...steps,
    step(
      timeline.closedAt,
      action('close_terminated', staff.serviceManager, (closeout, context) =>
        closeAsTerminated(
          closeout,
          { note: 'Every exit condition met; the client runs its own systems now.' },
          context,
        ),
      ),
    ),
    ...issueSteps(script),
    ...winBackSteps(script),
  ];
}

function issueSteps(script: ScriptContext): Step[] {
  const { story, timeline, staff, client, random } = script;
  const closedOn = dayOf(timeline.closedAt);
  const issues = random.sample(DEACTIVATION_ISSUES, story.deactivationIssues);
  return issues.flatMap((issue, index): Step[] => {
    const loggedAt = at(businessDays(closedOn, 2 + index * 6 + random.int(0, 3)), 10 + index);
    const system = client.systems.find((candidate) => candidate.category === issue.category);
    return [
      step(
        loggedAt,
        action('log_deactivation_issue', staff.technician, (closeout, context) =>
          logDeactivationIssue(
            closeout,
            {
              summary: issue.summary,
              description: issue.description,
              systemName: system?.name ?? null,
            },
            context,
          ),
        ),
      ),
      {
        at: at(businessDays(dayOf(loggedAt), random.int(1, 3)), 15),
        actions: (closeout) => {
          const logged = closeout.deactivationIssues.find(
            (candidate) => candidate.summary === issue.summary && candidate.resolvedAt === null,
          );
          return logged === undefined
            ? []
            : [
                action('resolve_deactivation_issue', staff.technician, (current, context) =>
                  resolveDeactivationIssue(
                    current,
                    { issueId: logged.id, resolution: issue.resolution },
                    context,
                  ),
                ),
              ];
        },
      },
    ];
  });
}

/** Check-ins with the former client; once it has returned, the rest are no longer needed. */
function winBackSteps(script: ScriptContext): Step[] {
  const { timeline, staff, definition, random } = script;
  const closedOn = dayOf(timeline.closedAt);
  const { returnOn } = timeline;
  const checkIns = definition.winBackCheckInDays.map((days) => ({
    key: winBackTaskKey(days),
    dueOn: calendarDays(closedOn, days),
  }));
  const before = checkIns.filter((checkIn) => returnOn === null || checkIn.dueOn < returnOn);
  const after = checkIns.filter((checkIn) => returnOn !== null && checkIn.dueOn >= returnOn);
  const steps = before.map((checkIn, index) =>
    completeTaskStep(
      at(businessDays(weekdayOnOrAfter(checkIn.dueOn), random.int(0, 3)), 11),
      checkIn.key,
      staff.accountManager,
      returnOn !== null && index === before.length - 1
        ? 'Called the decision maker: unhappy with the new provider, asked for a proposal.'
        : 'Called the decision maker: settled with the new arrangement; next check-in booked.',
    ),
  );
  if (returnOn === null || after.length === 0) return steps;
  return [
    ...steps,
    {
      at: at(returnOn, 14),
      actions: (closeout) =>
        closeout.tasks
          .filter(
            (task) =>
              task.status === 'open' && after.some((checkIn) => checkIn.key === task.taskKey),
          )
          .map((task) =>
            action('waive_task', staff.accountManager, (current, context) =>
              waiveTask(
                current,
                { taskId: task.id, reason: `The client signed a new agreement on ${returnOn}.` },
                context,
              ),
            ),
          ),
    },
  ];
}
