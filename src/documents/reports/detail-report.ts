import type { TProcessDefinition, TTask } from '../../blueprint/schema.js';
import { kpiDefinitions } from '../../domain/kpis/definitions.js';
import type { TDetailReport, TReportProcess, TReportUse } from '../../server/reports/schema.js';

/** Which version of whose process a report describes. */
export function reportProcess(
  definition: TProcessDefinition,
  organisationName: string,
): TReportProcess {
  return {
    key: definition.key,
    version: definition.version,
    name: definition.name,
    organisationName,
  };
}

/** The tasks that match, grouped by sub-process in the definition's order; empty groups left out. */
export function usesBy(
  definition: TProcessDefinition,
  matches: (task: TTask) => boolean,
): TReportUse[] {
  return definition.stages.flatMap((stage) => {
    const tasks = definition.tasks
      .filter((task) => task.stage === stage.key && matches(task))
      .map((task) => ({ key: task.key, number: task.number, name: task.name, lane: task.lane }));
    return tasks.length === 0
      ? []
      : [{ stage: { key: stage.key, code: stage.code, name: stage.name }, tasks }];
  });
}

/**
 * The Detail Report: the roles, systems, documents and KPIs of a process version, each with the
 * tasks that use it by sub-process. Read from the personalised definition, so it speaks the
 * organisation's own role and system names.
 */
export function detailReport(
  definition: TProcessDefinition,
  organisationName: string,
): TDetailReport {
  const formulas = new Map(
    kpiDefinitions({ deactivationIssueWindowDays: definition.deactivationIssueWindowDays }).map(
      (kpi) => [kpi.key, kpi.definition],
    ),
  );
  return {
    process: reportProcess(definition, organisationName),
    roles: definition.roles.map((role) => ({
      ...role,
      uses: usesBy(definition, (task) => task.roles.includes(role.key)),
    })),
    systems: definition.systems.map((system) => ({
      key: system.key,
      name: system.name,
      description: system.description,
      uses: usesBy(definition, (task) => task.systems.includes(system.key)),
    })),
    documents: definition.documents.map((document) => ({
      key: document.key,
      name: document.name,
      description: document.description,
      uses: usesBy(definition, (task) => task.documents.includes(document.key)),
    })),
    kpis: definition.kpis.map(({ tasks, ...kpi }) => ({
      ...kpi,
      formula: formulas.get(kpi.key) ?? null,
      uses: usesBy(definition, (task) => tasks?.includes(task.key) ?? false),
    })),
  };
}
