import { roleName, systemName } from '../../blueprint/personalise.js';
import type { TProcessDefinition } from '../../blueprint/schema.js';
import { DUE_ANCHOR_LABELS } from '../../blueprint/wording.js';
import type { Closeout, IsoDate } from '../../domain/model.js';
import { projectPlan } from '../../domain/plan.js';
import type { TCloseoutPlan } from '../../server/reports/schema.js';
import { reportProcess } from '../reports/detail-report.js';

export type CloseoutPlanInput = {
  /** The closeout's pinned version, personalised. */
  definition: TProcessDefinition;
  closeout: Closeout;
  clientName: string;
  organisationName: string;
  /** Names of the organisation's users, by id, for the assignees. */
  userNames: ReadonlyMap<string, string>;
  today: IsoDate;
};

/** The closeout's project plan as the app, the CSV and the calendar read it. */
export function closeoutPlan(input: CloseoutPlanInput): TCloseoutPlan {
  const { definition, closeout, userNames, today } = input;
  const plan = projectPlan(definition, closeout, today);
  return {
    process: reportProcess(definition, input.organisationName),
    closeout: {
      id: closeout.id,
      reference: closeout.reference,
      clientName: input.clientName,
      status: closeout.status,
    },
    today,
    anchors: plan.anchors.map((anchor) => ({
      ...anchor,
      label: DUE_ANCHOR_LABELS[anchor.anchor].replace(/^the /, ''),
    })),
    stages: plan.stages,
    tasks: plan.tasks.map(({ roles, systems, assigneeUserId, ...task }) => ({
      ...task,
      roles: roles.map((key) => ({ key, name: roleName(definition, key) })),
      systems: systems.map((key) => ({ key, name: systemName(definition, key) })),
      assignee:
        assigneeUserId === null
          ? null
          : { id: assigneeUserId, name: userNames.get(assigneeUserId) ?? 'A former user' },
    })),
  };
}

export const PLAN_STATUS_LABELS: Record<TCloseoutPlan['tasks'][number]['status'], string> = {
  open: 'Open',
  done: 'Done',
  waived: 'Waived',
  planned: 'Planned',
};

export const PLAN_DATE_KIND_LABELS: Record<TCloseoutPlan['tasks'][number]['dateKind'], string> = {
  due: 'Due date',
  projected: 'Projected',
  none: 'No date',
};

/** The name of a plan's stage, e.g. "11a.03 Open Ticket Review". */
export function stageTitle(plan: TCloseoutPlan, stageKey: string): string {
  const stage = plan.stages.find((candidate) => candidate.key === stageKey);
  return stage === undefined ? stageKey : `${stage.code} ${stage.name}`;
}

/** A file name for one of the closeout's documents: "CO-0042-plan.csv". */
export function planFileName(plan: TCloseoutPlan, extension: string): string {
  return `${plan.closeout.reference.replace(/[^A-Za-z0-9._-]/g, '_')}-plan.${extension}`;
}
