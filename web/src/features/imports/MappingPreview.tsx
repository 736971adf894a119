import { List, Stack, Table, Text, Title } from '@mantine/core';
import type { TImportDetail, TImportFormats } from '../../../../src/server/imports/schema.js';
import type { MappingValues } from './mapping-values.js';

type Field = TImportFormats['entities'][number]['fields'][number];

/**
 * The first rows of the file as the chosen columns read them, one column per mapped field. What
 * the API would refuse in each row shows once the mapping shown is the one it has checked.
 */
export function MappingPreview({
  detail,
  fields,
  values,
  checked,
}: {
  detail: TImportDetail;
  fields: readonly Field[];
  values: MappingValues;
  /** Whether the API checked the rows with the mapping shown. */
  checked: boolean;
}) {
  const columns = detail.columns ?? [];
  const rows = detail.preview ?? [];
  const mapped = fields.filter((field) => values.mapping[field.key] !== '');
  const cell = (row: (typeof rows)[number], field: Field) =>
    row.values[columns.indexOf(values.mapping[field.key] ?? '')] ?? '';

  return (
    <Stack gap="xs">
      <Title order={3} fz="md">
        Preview
      </Title>
      <Text size="sm" c="dimmed">
        {rows.length === 0
          ? 'The file has no rows below its column names.'
          : `The first ${rows.length} rows as they would be imported.`}
        {!checked && rows.length > 0 && ' Choose a column for every required field to check them.'}
      </Text>
      {rows.length > 0 && mapped.length > 0 && (
        <Table.ScrollContainer minWidth={Math.max(480, mapped.length * 140)}>
          <Table verticalSpacing="xs" fz="sm" striped aria-label="Preview of the first rows">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Line</Table.Th>
                {mapped.map((field) => (
                  <Table.Th key={field.key}>{field.label}</Table.Th>
                ))}
                {checked && <Table.Th>Problems</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr
                  key={row.line}
                  bg={
                    checked && row.errors.length > 0 ? 'var(--mantine-color-red-light)' : undefined
                  }
                >
                  <Table.Td ff="monospace">{row.line}</Table.Td>
                  {mapped.map((field) => (
                    <Table.Td key={field.key}>
                      <Text size="sm" lineClamp={2}>
                        {cell(row, field)}
                      </Text>
                    </Table.Td>
                  ))}
                  {checked && (
                    <Table.Td>
                      {row.errors.length === 0 ? (
                        <Text size="sm" c="dimmed">
                          None
                        </Text>
                      ) : (
                        <List size="sm" spacing={2}>
                          {row.errors.map((error) => (
                            <List.Item key={`${error.column}:${error.message}`} c="red">
                              {error.column === null ? '' : `${error.column}: `}
                              {error.message}
                            </List.Item>
                          ))}
                        </List>
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
