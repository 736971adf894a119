import { illegal, invalid } from '../errors.js';
import type {
  CancellationReasons,
  Closeout,
  HealthSnapshot,
  IsoDate,
  RetentionDecision,
  SipOutcome,
} from '../model.js';
import { DECISIONS_BY_TRIGGER } from '../retention-decisions.js';
import { syncTasks } from '../tasks.js';
import {
  actorName,
  type EngineContext,
  findPart,
  replacePart,
  requireOpen,
  requireStaffRole,
  requireStage,
} from './context.js';
import { waiveOpenTasks } from './lifecycle.js';

/** 11a.01 Internal Retention Assessment: acknowledgment, reasons, health, decision, SIP. */

const RETENTION_STAGE = 'retention_assessment';

export function acknowledgeNotice(closeout: Closeout, context: EngineContext): Closeout {
  requireOpen(closeout);
  if (closeout.acknowledgedAt !== null) {
    throw illegal('The notice has already been acknowledged.');
  }
  return { ...closeout, acknowledgedAt: context.now };
}

export function assignOwner(closeout: Closeout, ownerUserId: string | null): Closeout {
  requireOpen(closeout);
  return { ...closeout, ownerUserId };
}

export function recordHealthSnapshot(closeout: Closeout, snapshot: HealthSnapshot): Closeout {
  requireOpen(closeout);
  return { ...closeout, healthSnapshot: snapshot };
}

export type ReasonTaxonomy = { key: string; appliesTo: 'client' | 'provider'; retired: boolean }[];

/**
 * Reasons come from the organisation's taxonomy. A client or mutual ending takes client
 * reasons; a provider termination takes provider reasons; a mutual decision may take either.
 */
export function recordReasons(
  closeout: Closeout,
  reasons: CancellationReasons & { primary: string },
  taxonomy: ReasonTaxonomy,
): Closeout {
  requireOpen(closeout);
  const allowed = (key: string) => {
    const entry = taxonomy.find((reason) => reason.key === key && !reason.retired);
    if (entry === undefined) return false;
    if (closeout.trigger === 'mutual') return true;
    return (
      entry.appliesTo === (closeout.trigger === 'provider_termination' ? 'provider' : 'client')
    );
  };
  if (!allowed(reasons.primary)) {
    throw invalid(
      'primary',
      `"${reasons.primary}" is not a reason of your taxonomy for this kind of ending.`,
    );
  }
  reasons.contributing.forEach((key, index) => {
    if (!allowed(key)) {
      throw invalid(
        `contributing.${index}`,
        `"${key}" is not a reason of your taxonomy for this kind of ending.`,
      );
    }
  });
  if (reasons.contributing.includes(reasons.primary)) {
    throw invalid('contributing', 'The primary reason cannot also be a contributing reason.');
  }
  return { ...closeout, reasons: { ...reasons, contributing: [...new Set(reasons.contributing)] } };
}

const TRIGGER_LABELS: Record<Closeout['trigger'], string> = {
  client_notice: "On a client's notice",
  mutual: 'On a mutual decision',
  provider_termination: 'On a provider termination',
};

export function decideRetention(
  closeout: Closeout,
  input: { decision: RetentionDecision; rationale: string },
  context: EngineContext,
): Closeout {
  requireOpen(closeout);
  requireStage(context, closeout, RETENTION_STAGE);
  if (!DECISIONS_BY_TRIGGER[closeout.trigger].includes(input.decision)) {
    const allowed = DECISIONS_BY_TRIGGER[closeout.trigger]
      .map((decision) => `"${decision}"`)
      .join(' or ');
    throw invalid('decision', `${TRIGGER_LABELS[closeout.trigger]}, the decision is ${allowed}.`);
  }
  if (closeout.retention.sipOutcome !== null) {
    throw illegal(
      'The Service Improvement Program has concluded; the decision can no longer change.',
    );
  }
  return {
    ...closeout,
    retention: {
      ...closeout.retention,
      decision: input.decision,
      decidedAt: context.now,
      decidedBy: actorName(context.actor),
      rationale: input.rationale,
    },
  };
}

export function approveTermination(
  closeout: Closeout,
  input: { note: string },
  context: EngineContext,
): Closeout {
  requireOpen(closeout);
  requireStage(context, closeout, RETENTION_STAGE);
  if (closeout.trigger !== 'provider_termination') {
    throw illegal('Only a provider-initiated termination needs an Executive approval.');
  }
  requireStaffRole(
    context.actor,
    'executive',
    'Only an Executive can approve a provider termination.',
  );
  if (closeout.retention.approvedAt !== null) throw illegal('The termination is already approved.');
  return {
    ...closeout,
    retention: {
      ...closeout.retention,
      approvedAt: context.now,
      approvedBy: actorName(context.actor),
      approvalNote: input.note,
    },
  };
}

function requireRunningSip(closeout: Closeout, context: EngineContext): void {
  requireOpen(closeout);
  requireStage(context, closeout, RETENTION_STAGE);
  if (closeout.retention.decision !== 'attempt_retention') {
    throw illegal(
      'A Service Improvement Program runs only when the decision is to attempt retention.',
    );
  }
  if (closeout.retention.sipOutcome !== null) {
    throw illegal('The Service Improvement Program has already concluded.');
  }
}

export type SipActionInput = {
  description: string;
  ownerUserId: string | null;
  dueOn: IsoDate | null;
};

export function addSipAction(
  closeout: Closeout,
  input: SipActionInput,
  context: EngineContext,
): Closeout {
  requireRunningSip(closeout, context);
  return {
    ...closeout,
    sipActions: [...closeout.sipActions, { id: context.newId(), ...input, doneAt: null, note: '' }],
  };
}

export function updateSipAction(
  closeout: Closeout,
  input: { actionId: string; done?: boolean; note?: string } & Partial<SipActionInput>,
  context: EngineContext,
): Closeout {
  requireRunningSip(closeout, context);
  const matches = (action: { id: string }) => action.id === input.actionId;
  findPart(closeout.sipActions, matches, 'This improvement action', 'actionId');
  return {
    ...closeout,
    sipActions: replacePart(closeout.sipActions, matches, (action) => ({
      ...action,
      description: input.description ?? action.description,
      ownerUserId: input.ownerUserId === undefined ? action.ownerUserId : input.ownerUserId,
      dueOn: input.dueOn === undefined ? action.dueOn : input.dueOn,
      note: input.note ?? action.note,
      doneAt:
        input.done === undefined
          ? action.doneAt
          : input.done
            ? (action.doneAt ?? context.now)
            : null,
    })),
  };
}

/** The SIP's outcome: retained ends the closeout (the client stays); not retained goes on. */
export function concludeSip(
  closeout: Closeout,
  input: { outcome: SipOutcome; note: string },
  context: EngineContext,
): Closeout {
  requireRunningSip(closeout, context);
  if (closeout.sipActions.length === 0) {
    throw illegal('Add at least one improvement action before concluding the program.');
  }
  const concluded: Closeout = {
    ...closeout,
    retention: { ...closeout.retention, sipOutcome: input.outcome, sipConcludedAt: context.now },
  };
  if (input.outcome === 'not_retained') return concluded;
  // The program's own task is done; every other open task stopped being needed with the client
  // staying, and an ended closeout's tasks can no longer be worked.
  const synced = { ...concluded, tasks: syncTasks(context.definition, concluded, context) };
  return waiveOpenTasks(
    { ...synced, status: 'retained', endedAt: context.now, endNote: input.note },
    'The client was retained.',
    context,
  );
}
