import { type ImportEntity, mappingProblems } from '../../../../src/integrations/csv/formats.js';
import {
  type TColumnMapping,
  type TImportDetail,
  type TImportFormat,
  ZUpdateImportRequest,
} from '../../../../src/server/imports/schema.js';
import { zodValidate } from '../../forms/zod-form.js';

/**
 * The mapping step's form: every field of the entity has a place, '' while no column is chosen,
 * so a refusal naming `mapping.<field>` finds its Select even for a field not mapped yet.
 */
export type MappingValues = { format: TImportFormat; mapping: Record<string, string> };

export function mappingValues(detail: TImportDetail, fieldKeys: readonly string[]): MappingValues {
  return {
    format: detail.format,
    mapping: Object.fromEntries(fieldKeys.map((key) => [key, detail.mapping[key] ?? ''])),
  };
}

/** The mapping as the API takes it: only the fields given a column. */
export const chosenColumns = (mapping: MappingValues['mapping']): TColumnMapping =>
  Object.fromEntries(Object.entries(mapping).filter(([, column]) => column !== ''));

export const sameMapping = (a: TColumnMapping, b: TColumnMapping): boolean => {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
};

/**
 * What keeps a mapping from being used, by form path: the API's request schema, and the very
 * rules the API applies to a mapping before it imports with it.
 */
export function mappingErrors(
  entity: ImportEntity,
  values: MappingValues,
  columns: readonly string[],
): Record<string, string> {
  const mapping = chosenColumns(values.mapping);
  const errors = zodValidate<unknown>(ZUpdateImportRequest)({ format: values.format, mapping });
  for (const problem of mappingProblems(entity, mapping, columns)) {
    errors[`mapping.${problem.field}`] ??= problem.message;
  }
  return errors;
}
