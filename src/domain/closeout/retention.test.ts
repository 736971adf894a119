import { describe, expect, it } from 'vitest';
import { DEFAULT_REASON_TAXONOMY } from '../../../src/blueprint/reason-taxonomy.js';
import type { TTrigger } from '../../../src/blueprint/schema.js';
import {
  ACTORS,
  act,
  atMeetingStage,
  engineContext,
  NOW,
  openedCloseout,
  refusal,
  taskByKey,
} from '../../../test/support/closeout-scenarios.js';
import type { Closeout, RetentionDecision } from '../model.js';
import type { EngineContext } from './context.js';
import { advanceStage } from './lifecycle.js';
import {
  acknowledgeNotice,
  addSipAction,
  approveTermination,
  concludeSip,
  decideRetention,
  type ReasonTaxonomy,
  recordReasons,
  updateSipAction,
} from './retention.js';

const TAXONOMY: ReasonTaxonomy = [
  ...DEFAULT_REASON_TAXONOMY,
  { key: 'old_reason', appliesTo: 'client', retired: true },
];

const reasons = (primary: string, contributing: string[] = []) => ({
  primary,
  contributing,
  notes: '',
});

describe('acknowledgeNotice', () => {
  it('records the acknowledgment once', () => {
    const context = engineContext();
    const acknowledged = act(
      openedCloseout('client_notice', context),
      (c) => acknowledgeNotice(c, context),
      context,
    );
    expect(acknowledged.acknowledgedAt).toBe(NOW);
    expect(taskByKey(acknowledged, 't02').status).toBe('done');

    const error = refusal(() => act(acknowledged, (c) => acknowledgeNotice(c, context), context));
    expect(error.code).toBe('illegal_transition');
    expect(error.message).toBe('The notice has already been acknowledged.');
  });
});

describe('recordReasons', () => {
  const record = (trigger: TTrigger, primary: string, contributing: string[] = []) => {
    const context = engineContext();
    return act(
      openedCloseout(trigger, context),
      (c) => recordReasons(c, reasons(primary, contributing), TAXONOMY),
      context,
    );
  };

  it('records client reasons for a client notice, without duplicate contributing reasons', () => {
    const closeout = record('client_notice', 'price', ['responsiveness', 'responsiveness']);
    expect(closeout.reasons).toEqual({
      primary: 'price',
      contributing: ['responsiveness'],
      notes: '',
    });
    expect(taskByKey(closeout, 't06').status).toBe('done');
  });

  it('refuses a reason that is not in the taxonomy', () => {
    const error = refusal(() => record('client_notice', 'weather'));
    expect(error.code).toBe('validation');
    expect(error.field).toBe('primary');
  });

  it('refuses a retired reason', () => {
    const error = refusal(() => record('client_notice', 'old_reason'));
    expect(error.code).toBe('validation');
    expect(error.field).toBe('primary');
  });

  it('refuses a provider reason for a client notice, as primary or contributing', () => {
    expect(refusal(() => record('client_notice', 'non_payment')).field).toBe('primary');
    const error = refusal(() =>
      record('client_notice', 'price', ['responsiveness', 'non_payment']),
    );
    expect(error.code).toBe('validation');
    expect(error.field).toBe('contributing.1');
  });

  it('refuses a client reason for a provider termination', () => {
    expect(refusal(() => record('provider_termination', 'price')).field).toBe('primary');
    expect(record('provider_termination', 'non_payment').reasons.primary).toBe('non_payment');
  });

  it('takes client and provider reasons for a mutual decision', () => {
    const closeout = record('mutual', 'price', ['non_payment']);
    expect(closeout.reasons.primary).toBe('price');
    expect(closeout.reasons.contributing).toEqual(['non_payment']);
  });

  it('refuses the primary reason as a contributing one', () => {
    const error = refusal(() => record('client_notice', 'price', ['price']));
    expect(error.code).toBe('validation');
    expect(error.field).toBe('contributing');
  });
});

const decide = (closeout: Closeout, decision: RetentionDecision, context: EngineContext) =>
  act(closeout, (c) => decideRetention(c, { decision, rationale: 'Because.' }, context), context);

describe('decideRetention', () => {
  const cases: [TTrigger, RetentionDecision[], RetentionDecision, string][] = [
    [
      'client_notice',
      ['attempt_retention', 'accept_cancellation'],
      'confirm_termination',
      'On a client\'s notice, the decision is "attempt_retention" or "accept_cancellation".',
    ],
    [
      'mutual',
      ['attempt_retention', 'accept_cancellation'],
      'confirm_termination',
      'On a mutual decision, the decision is "attempt_retention" or "accept_cancellation".',
    ],
    [
      'provider_termination',
      ['attempt_retention', 'confirm_termination'],
      'accept_cancellation',
      'On a provider termination, the decision is "attempt_retention" or "confirm_termination".',
    ],
  ];

  it.each(cases)('for a %s allows %j and refuses %s', (trigger, allowed, refused, message) => {
    for (const decision of allowed) {
      const context = engineContext();
      const decided = decide(openedCloseout(trigger, context), decision, context);
      expect(decided.retention).toMatchObject({
        decision,
        decidedAt: NOW,
        decidedBy: 'Sam Service',
        rationale: 'Because.',
      });
      expect(taskByKey(decided, 't07').status).toBe('done');
    }
    const context = engineContext();
    const error = refusal(() => decide(openedCloseout(trigger, context), refused, context));
    expect(error.code).toBe('validation');
    expect(error.field).toBe('decision');
    expect(error.message).toBe(message);
  });

  it('is refused outside the retention stage', () => {
    const context = engineContext();
    const error = refusal(() => decide(atMeetingStage({ context }), 'attempt_retention', context));
    expect(error.code).toBe('illegal_transition');
    expect(error.message).toContain('11a.01 Internal Retention Assessment');
  });

  it('is refused once the Service Improvement Program has concluded', () => {
    const context = engineContext();
    let closeout = decide(openedCloseout('client_notice', context), 'attempt_retention', context);
    closeout = act(
      closeout,
      (c) =>
        addSipAction(c, { description: 'Weekly review', ownerUserId: null, dueOn: null }, context),
      context,
    );
    closeout = act(
      closeout,
      (c) => concludeSip(c, { outcome: 'not_retained', note: '' }, context),
      context,
    );
    const error = refusal(() => decide(closeout, 'accept_cancellation', context));
    expect(error.code).toBe('illegal_transition');
    expect(error.message).toContain('has concluded');
  });
});

describe('approveTermination', () => {
  const approve = (closeout: Closeout, context: EngineContext) =>
    act(
      closeout,
      (c) => approveTermination(c, { note: 'Unpaid since January.' }, context),
      context,
    );

  it('is only for a provider termination', () => {
    const context = engineContext({ actor: ACTORS.executive });
    const error = refusal(() => approve(openedCloseout('client_notice', context), context));
    expect(error.code).toBe('illegal_transition');
    expect(error.message).toBe(
      'Only a provider-initiated termination needs an Executive approval.',
    );
  });

  it('is forbidden to anyone but an Executive', () => {
    for (const actor of [ACTORS.serviceManager, ACTORS.clientContact]) {
      const context = engineContext({ actor });
      const error = refusal(() =>
        approve(openedCloseout('provider_termination', context), context),
      );
      expect(error.code).toBe('forbidden');
      expect(error.message).toBe('Only an Executive can approve a provider termination.');
    }
  });

  it('records an Executive approval once', () => {
    const context = engineContext({ actor: ACTORS.executive });
    const approved = approve(openedCloseout('provider_termination', context), context);
    expect(approved.retention).toMatchObject({
      approvedAt: NOW,
      approvedBy: 'Erin Exec',
      approvalNote: 'Unpaid since January.',
    });
    expect(taskByKey(approved, 't08').status).toBe('done');

    const error = refusal(() => approve(approved, context));
    expect(error.code).toBe('illegal_transition');
    expect(error.message).toBe('The termination is already approved.');
  });
});

describe('Service Improvement Program', () => {
  const sipAction = {
    description: 'Weekly service review',
    ownerUserId: 'user-am',
    dueOn: '2025-05-09',
  };

  const attempting = (context: EngineContext) =>
    decide(openedCloseout('client_notice', context), 'attempt_retention', context);

  it('takes actions only while retention is attempted', () => {
    const context = engineContext();
    const undecided = openedCloseout('client_notice', context);
    const accepted = decide(undecided, 'accept_cancellation', context);
    for (const closeout of [undecided, accepted]) {
      const error = refusal(() =>
        act(closeout, (c) => addSipAction(c, sipAction, context), context),
      );
      expect(error.code).toBe('illegal_transition');
      expect(error.message).toBe(
        'A Service Improvement Program runs only when the decision is to attempt retention.',
      );
    }
  });

  it('adds and updates actions while it runs', () => {
    const context = engineContext();
    let closeout = act(attempting(context), (c) => addSipAction(c, sipAction, context), context);
    const [action] = closeout.sipActions;
    expect(action).toMatchObject({ ...sipAction, doneAt: null, note: '' });

    closeout = act(
      closeout,
      (c) =>
        updateSipAction(
          c,
          { actionId: action!.id, done: true, note: 'First review held.' },
          context,
        ),
      context,
    );
    expect(closeout.sipActions[0]).toMatchObject({
      description: 'Weekly service review',
      doneAt: NOW,
      note: 'First review held.',
    });
    closeout = act(
      closeout,
      (c) => updateSipAction(c, { actionId: action!.id, done: false, dueOn: null }, context),
      context,
    );
    expect(closeout.sipActions[0]).toMatchObject({ doneAt: null, dueOn: null });

    const error = refusal(() =>
      act(closeout, (c) => updateSipAction(c, { actionId: 'nope', done: true }, context), context),
    );
    expect(error.code).toBe('not_found');
    expect(error.field).toBe('actionId');
  });

  it('cannot conclude without an action', () => {
    const context = engineContext();
    const error = refusal(() =>
      act(
        attempting(context),
        (c) => concludeSip(c, { outcome: 'not_retained', note: '' }, context),
        context,
      ),
    );
    expect(error.code).toBe('illegal_transition');
    expect(error.message).toBe(
      'Add at least one improvement action before concluding the program.',
    );
  });

  it('goes on after not retained, and takes no further changes', () => {
    const context = engineContext();
    let closeout = act(attempting(context), (c) => addSipAction(c, sipAction, context), context);
    closeout = act(
      closeout,
      (c) => concludeSip(c, { outcome: 'not_retained', note: 'Still leaving.' }, context),
      context,
    );
    expect(closeout.status).toBe('open');
    expect(closeout.retention).toMatchObject({ sipOutcome: 'not_retained', sipConcludedAt: NOW });
    expect(taskByKey(closeout, 't10').status).toBe('done');

    for (const action of [
      (c: Closeout) => addSipAction(c, sipAction, context),
      (c: Closeout) => updateSipAction(c, { actionId: c.sipActions[0]!.id, done: true }, context),
      (c: Closeout) => concludeSip(c, { outcome: 'retained', note: '' }, context),
    ]) {
      const error = refusal(() => act(closeout, action, context));
      expect(error.code).toBe('illegal_transition');
      expect(error.message).toBe('The Service Improvement Program has already concluded.');
    }
    expect(act(closeout, (c) => advanceStage(c, context), context).stage).toBe('closeout_meeting');
  });

  it('ends the closeout retained, its open tasks waived', () => {
    const context = engineContext();
    let closeout = act(attempting(context), (c) => addSipAction(c, sipAction, context), context);
    const openBefore = closeout.tasks
      .filter((task) => task.status === 'open')
      .map((t) => t.taskKey);
    expect(openBefore).toEqual(['t02', 't05', 't06', 't09', 't10']);

    closeout = act(
      closeout,
      (c) => concludeSip(c, { outcome: 'retained', note: 'Client stays.' }, context),
      context,
    );
    expect(closeout).toMatchObject({ status: 'retained', endedAt: NOW, endNote: 'Client stays.' });
    expect(closeout.retention.sipOutcome).toBe('retained');
    expect(taskByKey(closeout, 't10')).toMatchObject({ status: 'done', completedBy: 'Closeout' });
    for (const key of ['t02', 't05', 't06', 't09']) {
      expect(taskByKey(closeout, key)).toMatchObject({
        status: 'waived',
        completedAt: NOW,
        waiverReason: 'The client was retained.',
      });
    }
    expect(closeout.tasks.filter((task) => task.status === 'open')).toEqual([]);
  });
});
