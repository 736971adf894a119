import { z } from 'zod';

/**
 * The process definition: the whole closeout process as versioned data. The engine, the API,
 * the screens, the diagrams and the reports all read it; nothing about a step is hard-coded
 * elsewhere. Keys are stable identifiers; names are what people read and may be personalised.
 */

export const ZKey = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'lower-case letters, digits, dot, dash or underscore');

/** Service-blueprint swim lanes. */
export const ZLane = z.enum(['client', 'onstage', 'backstage', 'support']);
export type TLane = z.infer<typeof ZLane>;

/** How a closeout begins: exactly one of these, recorded with its date and evidence. */
export const ZTrigger = z.enum(['client_notice', 'provider_termination', 'mutual']);
export type TTrigger = z.infer<typeof ZTrigger>;

/**
 * Facts the engine can establish about a closeout. Gates and automatic task completion refer to
 * them by key; the predicate behind each one lives in src/domain/milestones.ts.
 */
export const ZMilestone = z.enum([
  'closeout_opened',
  'termination_date_proposed',
  'notice_acknowledged',
  'health_snapshot_compiled',
  'reasons_recorded',
  'retention_decided',
  'termination_approved',
  'sip_concluded',
  'retention_resolved',
  'meeting_scheduled',
  'meeting_held',
  'transition_contact_named',
  'meeting_summary_sent',
  'tickets_pulled',
  'tickets_dispositioned',
  'dispositions_agreed',
  'tickets_completed',
  'cancelled_tickets_closed',
  'tickets_resolved',
  'handover_prepared',
  'backup_recorded',
  'session_held',
  'credentials_confirmed',
  'backup_received',
  'responsibility_accepted',
]);
export type TMilestone = z.infer<typeof ZMilestone>;

/** The dates a due rule may count from. */
export const ZDueAnchor = z.enum(['notice', 'meeting', 'termination', 'session']);
export type TDueAnchor = z.infer<typeof ZDueAnchor>;

export const ZDueRule = z.object({
  anchor: ZDueAnchor,
  offsetDays: z.number().int().min(-365).max(730),
  /** Business days skip Saturdays and Sundays; calendar days count every day. */
  days: z.enum(['business', 'calendar']).default('business'),
  /** Shown beside the computed date where the rule is looser than a date ("per action"). */
  note: z.string().max(200).optional(),
});
export type TDueRule = z.infer<typeof ZDueRule>;

/** Restricts a task or gate to some closeouts; absent means it always applies. */
export const ZApplicability = z.object({
  triggers: z.array(ZTrigger).min(1).optional(),
  /** true: only when retention is attempted (a Service Improvement Program runs). */
  retentionAttempted: z.boolean().optional(),
});
export type TApplicability = z.infer<typeof ZApplicability>;

export const ZRole = z.object({
  key: ZKey,
  name: z.string().min(1).max(80),
  /** staff: a user of the MSP; client: a contact of the client, via the portal; system: automation. */
  kind: z.enum(['staff', 'client', 'system']),
  description: z.string().max(500),
});
export type TRole = z.infer<typeof ZRole>;

export const ZSystem = z.object({
  key: ZKey,
  name: z.string().min(1).max(80),
  description: z.string().max(500),
});
export type TSystem = z.infer<typeof ZSystem>;

export const ZDocument = z.object({
  key: ZKey,
  name: z.string().min(1).max(80),
  description: z.string().max(500),
  /**
   * What a new copy of the document starts from (plain text, headings and lists as in
   * markdown): the meeting agenda a closeout prefills and then edits as its own.
   */
  template: z.string().max(20000).optional(),
});
export type TDocument = z.infer<typeof ZDocument>;

export const ZStage = z.object({
  key: ZKey,
  /** The blueprint's sub-process code, e.g. "11a.01". */
  code: z.string().min(1).max(16),
  name: z.string().min(1).max(120),
  description: z.string().max(1000),
  due: ZDueRule.nullable(),
  /** Gates that must hold before the closeout may move on from this stage. */
  exitGates: z.array(ZKey),
});
export type TStage = z.infer<typeof ZStage>;

export const ZTask = z.object({
  key: ZKey,
  /** The number in the task catalogue, e.g. "7" or "37a". */
  number: z.string().min(1).max(8),
  stage: ZKey,
  lane: ZLane,
  name: z.string().min(1).max(200),
  roles: z.array(ZKey),
  systems: z.array(ZKey),
  documents: z.array(ZKey),
  due: ZDueRule.nullable(),
  required: z.boolean(),
  /** The step that starts the process (the client's notice); recorded, never generated as work. */
  entry: z.boolean().default(false),
  /** A gate task: an exit condition or a stage transition depends on its completion. */
  gate: z.boolean().default(false),
  appliesWhen: ZApplicability.optional(),
  /** The task completes itself when this milestone is reached. */
  completedWhen: ZMilestone.optional(),
  /** Completing it by hand needs a note of evidence (11b tasks). */
  evidenceRequired: z.boolean().default(false),
});
export type TTask = z.infer<typeof ZTask>;

export const ZGate = z.object({
  key: ZKey,
  name: z.string().min(1).max(120),
  /** What a user reads when the gate is not met: says what is missing and how to fix it. */
  unmetMessage: z.string().min(1).max(300),
  milestone: ZMilestone,
  /** The tasks whose completion establishes the milestone. */
  tasks: z.array(ZKey),
  appliesWhen: ZApplicability.optional(),
});
export type TGate = z.infer<typeof ZGate>;

export const ZKpi = z.object({
  key: ZKey,
  name: z.string().min(1).max(80),
  definition: z.string().min(1).max(1000),
  unit: z.enum(['ratio', 'count', 'days', 'currency']),
  /** The tasks whose records the KPI is computed from, as the Detail Report lists them. */
  tasks: z.array(ZKey).optional(),
});
export type TKpi = z.infer<typeof ZKpi>;

/**
 * A definition's shape without the check that its cross-references resolve: what an
 * administrator's unpublished draft must be, so a half-finished edit can still be saved.
 */
export const ZProcessDefinitionDraft = z.object({
  key: ZKey,
  version: z.number().int().min(1),
  name: z.string().min(1).max(120),
  description: z.string().max(4000),
  objectives: z.array(z.string().max(500)),
  entryConditions: z.array(z.string().max(500)),
  exitConditions: z.array(z.string().max(500)),
  roles: z.array(ZRole).min(1),
  systems: z.array(ZSystem),
  documents: z.array(ZDocument),
  stages: z.array(ZStage).min(1),
  tasks: z.array(ZTask).min(1),
  gates: z.array(ZGate),
  /** Gates that must all hold to close a closeout as terminated. */
  closingGates: z.array(ZKey).min(1),
  kpis: z.array(ZKpi),
  /** Days after closing at which win-back check-ins with a former client are scheduled. */
  winBackCheckInDays: z.array(z.number().int().min(1).max(3650)),
  /** How long deactivation issues keep counting after a closeout closed. */
  deactivationIssueWindowDays: z.number().int().min(0).max(365),
});

function duplicates(keys: string[]): string[] {
  return [...new Set(keys.filter((key, index) => keys.indexOf(key) !== index))];
}

/** A process definition whose every cross-reference resolves. */
export const ZProcessDefinition = ZProcessDefinitionDraft.superRefine((definition, ctx) => {
  const report = (path: (string | number)[], message: string) =>
    ctx.addIssue({ code: 'custom', path, message });

  for (const [collection, items] of [
    ['roles', definition.roles],
    ['systems', definition.systems],
    ['documents', definition.documents],
    ['stages', definition.stages],
    ['tasks', definition.tasks],
    ['gates', definition.gates],
    ['kpis', definition.kpis],
  ] as const) {
    for (const key of duplicates(items.map((item) => item.key))) {
      report([collection], `duplicate key "${key}"`);
    }
  }

  const roleKeys = new Set(definition.roles.map((role) => role.key));
  const systemKeys = new Set(definition.systems.map((system) => system.key));
  const documentKeys = new Set(definition.documents.map((document) => document.key));
  const stageKeys = new Set(definition.stages.map((stage) => stage.key));
  const taskKeys = new Set(definition.tasks.map((task) => task.key));
  const gateKeys = new Set(definition.gates.map((gate) => gate.key));

  definition.tasks.forEach((task, index) => {
    if (!stageKeys.has(task.stage))
      report(['tasks', index, 'stage'], `unknown stage "${task.stage}"`);
    for (const role of task.roles) {
      if (!roleKeys.has(role)) report(['tasks', index, 'roles'], `unknown role "${role}"`);
    }
    for (const system of task.systems) {
      if (!systemKeys.has(system))
        report(['tasks', index, 'systems'], `unknown system "${system}"`);
    }
    for (const document of task.documents) {
      if (!documentKeys.has(document)) {
        report(['tasks', index, 'documents'], `unknown document "${document}"`);
      }
    }
    if (task.gate && task.required === false) {
      report(['tasks', index, 'required'], 'a gate task cannot be optional');
    }
  });
  definition.stages.forEach((stage, index) => {
    for (const gate of stage.exitGates) {
      if (!gateKeys.has(gate)) report(['stages', index, 'exitGates'], `unknown gate "${gate}"`);
    }
  });
  definition.gates.forEach((gate, index) => {
    for (const task of gate.tasks) {
      if (!taskKeys.has(task)) report(['gates', index, 'tasks'], `unknown task "${task}"`);
    }
  });
  definition.kpis.forEach((kpi, index) => {
    for (const task of kpi.tasks ?? []) {
      if (!taskKeys.has(task)) report(['kpis', index, 'tasks'], `unknown task "${task}"`);
    }
  });
  definition.closingGates.forEach((gate, index) => {
    if (!gateKeys.has(gate)) report(['closingGates', index], `unknown gate "${gate}"`);
  });
});
export type TProcessDefinition = z.infer<typeof ZProcessDefinition>;
export type TProcessDefinitionInput = z.input<typeof ZProcessDefinition>;

/** The organisation's own names and branding, laid over a definition without forking it. */
export const ZPersonalisation = z.object({
  organisationName: z.string().min(1).max(120),
  /** A data: URL (PNG, JPEG or SVG) of the organisation's logo. */
  logo: z
    .string()
    .max(1_500_000)
    .regex(
      /^data:image\/(png|jpeg|svg\+xml);base64,[A-Za-z0-9+/=]+$/,
      'a base64 data: URL of a PNG, JPEG or SVG image',
    )
    .nullable(),
  primaryColor: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour like #1f6feb'),
  roleNames: z.record(ZKey, z.string().min(1).max(80)),
  systemNames: z.record(ZKey, z.string().min(1).max(80)),
});
export type TPersonalisation = z.infer<typeof ZPersonalisation>;
