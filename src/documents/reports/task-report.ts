import { roleName, systemName } from '../../blueprint/personalise.js';
import type { TProcessDefinition } from '../../blueprint/schema.js';
import { describeApplicability, describeDueRule } from '../../blueprint/wording.js';
import type { TTaskReport } from '../../server/reports/schema.js';
import { reportProcess } from './detail-report.js';

const documentName = (definition: TProcessDefinition, key: string): string =>
  definition.documents.find((document) => document.key === key)?.name ?? key;

/**
 * The Task Report: every task of a process version (client, onstage, backstage and support
 * lanes) by sub-process, with its roles, systems, documents and due rule in words.
 */
export function taskReport(definition: TProcessDefinition, organisationName: string): TTaskReport {
  return {
    process: reportProcess(definition, organisationName),
    stages: definition.stages.map((stage) => ({
      key: stage.key,
      code: stage.code,
      name: stage.name,
      description: stage.description,
      due: stage.due === null ? null : describeDueRule(stage.due),
      tasks: definition.tasks
        .filter((task) => task.stage === stage.key)
        .map((task) => ({
          key: task.key,
          number: task.number,
          lane: task.lane,
          name: task.name,
          roles: task.roles.map((key) => ({ key, name: roleName(definition, key) })),
          systems: task.systems.map((key) => ({ key, name: systemName(definition, key) })),
          documents: task.documents.map((key) => ({ key, name: documentName(definition, key) })),
          due: task.due === null ? null : describeDueRule(task.due),
          required: task.required,
          gate: task.gate,
          entry: task.entry,
          appliesWhen: describeApplicability(task.appliesWhen),
        })),
    })),
  };
}
