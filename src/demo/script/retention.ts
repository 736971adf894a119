import { DEFAULT_REASON_TAXONOMY } from '../../blueprint/reason-taxonomy.js';
import { compileHealthSnapshot } from '../../domain/agreements.js';
import {
  acknowledgeNotice,
  addSipAction,
  approveTermination,
  concludeSip,
  decideRetention,
  recordHealthSnapshot,
  recordReasons,
  updateSipAction,
  withdraw,
} from '../../domain/closeout/index.js';
import type { CancellationReasons, RetentionDecision } from '../../domain/model.js';
import type { Step } from '../simulate.js';
import { ticketsAt } from '../tickets.js';
import { at } from '../time.js';
import { REASON_NOTES, RETENTION_RATIONALES, SIP_ACTIONS } from '../vocabulary.js';
import { action, completeTaskStep, type ScriptContext, step } from './context.js';

/** 11a.01 Internal Retention Assessment: from the acknowledgment to a resolved retention. */

/** Reasons a Service Improvement Program can do something about. */
const FIXABLE_REASONS = [
  'price',
  'service_quality',
  'responsiveness',
  'relationship',
  'non_payment',
  'unprofitable',
];

function reasonsFor(script: ScriptContext): CancellationReasons & { primary: string } {
  const { story, random } = script;
  const side = story.trigger === 'provider_termination' ? 'provider' : 'client';
  const keys = DEFAULT_REASON_TAXONOMY.filter((reason) => reason.appliesTo === side).map(
    (reason) => reason.key,
  );
  const primary = random.pick(
    story.retention === 'accept' ? keys : keys.filter((key) => FIXABLE_REASONS.includes(key)),
  );
  const contributing = random.sample(
    keys.filter((key) => key !== primary),
    random.weighted([
      [0, 40],
      [1, 40],
      [2, 20],
    ]),
  );
  return { primary, contributing, notes: REASON_NOTES[primary] ?? '' };
}

function decisionFor(script: ScriptContext): RetentionDecision {
  if (script.story.retention !== 'accept') return 'attempt_retention';
  return script.story.trigger === 'provider_termination'
    ? 'confirm_termination'
    : 'accept_cancellation';
}

export function retentionSteps(script: ScriptContext): Step[] {
  const { story, timeline, staff, client, random } = script;
  const reasons = reasonsFor(script);
  const steps: Step[] = [
    step(
      timeline.acknowledgedAt,
      action('acknowledge_notice', staff.accountManager, (closeout, context) =>
        acknowledgeNotice(closeout, context),
      ),
    ),
    step(
      timeline.healthAt,
      action('compile_health_snapshot', staff.serviceManager, (closeout, context) =>
        recordHealthSnapshot(
          closeout,
          compileHealthSnapshot({
            clientSince: client.row.clientSince,
            agreements: client.agreements,
            tickets: ticketsAt(script.tickets, context.now),
            now: context.now,
          }),
        ),
      ),
    ),
    step(
      timeline.reasonsAt,
      action('record_reasons', staff.accountManager, (closeout) =>
        recordReasons(closeout, reasons, DEFAULT_REASON_TAXONOMY),
      ),
    ),
  ];
  if (story.point === 'assessing') return steps;

  const decision = decisionFor(script);
  steps.push(
    step(
      timeline.decidedAt,
      action('decide_retention', staff.serviceManager, (closeout, context) =>
        decideRetention(closeout, { decision, rationale: RETENTION_RATIONALES[decision] }, context),
      ),
    ),
  );
  if (story.point === 'awaiting_approval') return steps;
  if (timeline.approvedAt !== null) {
    steps.push(
      step(
        timeline.approvedAt,
        action('approve_termination', staff.executive, (closeout, context) =>
          approveTermination(
            closeout,
            { note: 'Approved: the account cannot continue on these terms.' },
            context,
          ),
        ),
      ),
    );
  }
  if (story.withdrawnIn === 'retention_assessment') {
    steps.push(withdrawal(script, timeline.withdrawnAt!));
    return steps;
  }

  const { sip } = timeline;
  if (sip !== null) {
    const owners = [staff.accountManager, staff.serviceManager, staff.technician];
    const descriptions = random.sample(SIP_ACTIONS, sip.actionDueOn.length);
    steps.push(
      step(
        sip.addedAt,
        ...sip.actionDueOn.map((dueOn, index) =>
          action('add_sip_action', staff.accountManager, (closeout, context) =>
            addSipAction(
              closeout,
              {
                description: descriptions[index]!,
                ownerUserId: owners[index % owners.length]!.userId,
                dueOn,
              },
              context,
            ),
          ),
        ),
      ),
      completeTaskStep(
        sip.presentedAt,
        't09',
        staff.accountManager,
        'Presented the improvement plan to the decision maker on a call.',
      ),
      ...sip.actionDueOn.map(
        (dueOn, index): Step => ({
          at: at(dueOn, 11),
          actions: (closeout) => {
            const sipAction = closeout.sipActions[index];
            if (sipAction === undefined || sipAction.doneAt !== null) return [];
            return [
              action('update_sip_action', staff.serviceManager, (current, context) =>
                updateSipAction(
                  current,
                  {
                    actionId: sipAction.id,
                    done: true,
                    note: 'Done and confirmed with the client.',
                  },
                  context,
                ),
              ),
            ];
          },
        }),
      ),
    );
    if (story.point === 'sip_running') return steps;
    const retained = story.ending === 'retained';
    steps.push(
      step(
        sip.concludedAt,
        action('conclude_sip', staff.serviceManager, (closeout, context) =>
          concludeSip(
            closeout,
            retained
              ? {
                  outcome: 'retained',
                  note: 'The client confirmed in writing that it stays; the notice is withdrawn.',
                }
              : {
                  outcome: 'not_retained',
                  note: 'The improvements were welcomed, but the client is still leaving.',
                },
            context,
          ),
        ),
      ),
    );
  }
  return steps;
}

export function withdrawal(script: ScriptContext, withdrawnAt: string): Step {
  return step(
    withdrawnAt,
    action('withdraw', script.staff.serviceManager, (closeout, context) =>
      withdraw(
        closeout,
        {
          note: `${script.client.decisionMaker.name} withdrew the notice after a review of the agreement.`,
        },
        context,
      ),
    ),
  );
}
