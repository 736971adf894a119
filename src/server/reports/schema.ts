import { z } from 'zod';
import { ZKpi, ZLane, ZRole } from '../../blueprint/schema.js';

/**
 * The reports' contract: the Detail Report and Task Report of a process version, and a
 * closeout's project plan. Shared with the web app, so it imports nothing from the server.
 */

const ZDay = z.iso.date();
const ZMoment = z.iso.datetime({ offset: true });

/** Which version of whose process a report describes; every report names it. */
export const ZReportProcess = z.object({
  key: z.string(),
  version: z.number().int(),
  name: z.string(),
  organisationName: z.string(),
});
export type TReportProcess = z.infer<typeof ZReportProcess>;

const ZNamed = z.object({ key: z.string(), name: z.string() });

export const ZReportTaskRef = z.object({
  key: z.string(),
  number: z.string(),
  name: z.string(),
  lane: ZLane,
});

/** The tasks of one sub-process that use a role, system, document or KPI. */
export const ZReportUse = z.object({
  stage: z.object({ key: z.string(), code: z.string(), name: z.string() }),
  tasks: z.array(ZReportTaskRef),
});
export type TReportUse = z.infer<typeof ZReportUse>;

const ZUsed = { uses: z.array(ZReportUse) };

export const ZDetailReport = z.object({
  process: ZReportProcess,
  roles: z.array(ZRole.extend(ZUsed)),
  systems: z.array(
    z.object({ key: z.string(), name: z.string(), description: z.string(), ...ZUsed }),
  ),
  documents: z.array(
    z.object({ key: z.string(), name: z.string(), description: z.string(), ...ZUsed }),
  ),
  kpis: z.array(
    ZKpi.omit({ tasks: true }).extend({
      /** How Closeout computes the figure, exactly; null for a KPI it does not compute. */
      formula: z.string().nullable(),
      ...ZUsed,
    }),
  ),
});
export type TDetailReport = z.infer<typeof ZDetailReport>;

export const ZTaskReportTask = z.object({
  key: z.string(),
  number: z.string(),
  lane: ZLane,
  name: z.string(),
  roles: z.array(ZNamed),
  systems: z.array(ZNamed),
  documents: z.array(ZNamed),
  /** The due rule in words; null when the task has none. */
  due: z.string().nullable(),
  required: z.boolean(),
  gate: z.boolean(),
  entry: z.boolean(),
  /** When it applies to only some closeouts, in words. */
  appliesWhen: z.string().nullable(),
});
export type TTaskReportTask = z.infer<typeof ZTaskReportTask>;

export const ZTaskReport = z.object({
  process: ZReportProcess,
  stages: z.array(
    z.object({
      key: z.string(),
      code: z.string(),
      name: z.string(),
      description: z.string(),
      due: z.string().nullable(),
      tasks: z.array(ZTaskReportTask),
    }),
  ),
});
export type TTaskReport = z.infer<typeof ZTaskReport>;

export const ZReportQuery = z.object({
  /** A published version of the process; the current one when absent. */
  version: z.coerce.number().int().min(1).optional(),
});

export const ZReportPdfQuery = ZReportQuery.extend({
  /** A4 or US Letter; A4 by default. */
  paper: z.enum(['a4', 'letter']).default('a4'),
});

// ---- the closeout's plan ---------------------------------------------------------------------

export const ZPlanDateKind = z.enum(['due', 'projected', 'none']);
export const ZPlanTaskStatus = z.enum(['open', 'done', 'waived', 'planned']);

export const ZPlanTask = z.object({
  taskKey: z.string(),
  number: z.string().nullable(),
  stageKey: z.string(),
  name: z.string(),
  lane: ZLane,
  roles: z.array(ZNamed),
  systems: z.array(ZNamed),
  status: ZPlanTaskStatus,
  date: ZDay.nullable(),
  /** due: computed from dates the closeout knows; projected: from dates still to be agreed. */
  dateKind: ZPlanDateKind,
  required: z.boolean(),
  taskId: z.uuid().nullable(),
  assignee: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  completedAt: ZMoment.nullable(),
  overdue: z.boolean(),
});
export type TPlanTask = z.infer<typeof ZPlanTask>;

export const ZCloseoutPlan = z.object({
  process: ZReportProcess,
  closeout: z.object({
    id: z.uuid(),
    reference: z.string(),
    clientName: z.string(),
    status: z.enum(['open', 'retained', 'withdrawn', 'terminated']),
  }),
  today: ZDay,
  anchors: z.array(
    z.object({
      anchor: z.enum(['notice', 'meeting', 'termination', 'session']),
      label: z.string(),
      date: ZDay.nullable(),
      kind: z.enum(['known', 'projected', 'unknown']),
    }),
  ),
  stages: z.array(
    z.object({
      key: z.string(),
      code: z.string(),
      name: z.string(),
      date: ZDay.nullable(),
      dateKind: ZPlanDateKind,
      reached: z.boolean(),
    }),
  ),
  tasks: z.array(ZPlanTask),
});
export type TCloseoutPlan = z.infer<typeof ZCloseoutPlan>;

export const ZPlanParams = z.object({ closeoutId: z.uuid() });
