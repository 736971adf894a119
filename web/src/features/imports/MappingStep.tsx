import { Button, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlayerPlay } from '@tabler/icons-react';
import type { TImportDetail, TImportFormats } from '../../../../src/server/imports/schema.js';
import { useDiscardImport, useStartImport, useUpdateImport } from '../../api/imports.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useFormSubmit } from '../../components/use-form-submit.js';
import { applyProblem } from '../../forms/zod-form.js';
import { MappingPreview } from './MappingPreview.js';
import {
  chosenColumns,
  type MappingValues,
  mappingErrors,
  mappingValues,
  sameMapping,
} from './mapping-values.js';

type EntityFormats = TImportFormats['entities'][number];

/**
 * Step 2: the format the file was recognised as (changeable), which column holds each Closeout
 * field, and the first rows as they would be imported. A usable mapping is saved as it is
 * chosen, so the preview's problems are the API's own.
 */
export function MappingStep({
  detail,
  entity,
  onDiscarded,
}: {
  detail: TImportDetail;
  entity: EntityFormats;
  onDiscarded: () => void;
}) {
  const update = useUpdateImport(detail.id);
  const start = useStartImport(detail.id);
  const discard = useDiscardImport(detail.id);
  const columns = detail.columns ?? [];
  const fieldKeys = entity.fields.map((field) => field.key);
  const form = useForm<MappingValues>({
    initialValues: mappingValues(detail, fieldKeys),
    validate: (values) => mappingErrors(entity.entity, values, columns),
  });
  const submit = useFormSubmit(form, {
    send: async (values) => {
      const mapping = chosenColumns(values.mapping);
      if (!sameMapping(mapping, detail.mapping)) await update.mutateAsync({ mapping });
      return start.mutateAsync();
    },
    notice: (started) => `${started.fileName} is being imported.`,
    afterSave: () => undefined,
  });

  const values = form.getValues();
  const chosen = chosenColumns(values.mapping);
  const saved = sameMapping(chosen, detail.mapping);

  const chooseColumn = (key: string, column: string | null) => {
    const mapping = { ...values.mapping, [key]: column ?? '' };
    form.setFieldValue(`mapping.${key}`, column ?? '');
    const next = { ...values, mapping };
    if (Object.keys(mappingErrors(entity.entity, next, columns)).length === 0) {
      update.mutate(
        { mapping: chosenColumns(mapping) },
        { onError: (error) => applyProblem(form, error) },
      );
    }
  };

  const chooseFormat = (format: string | null) => {
    const next = entity.formats.find((candidate) => candidate.format === format);
    if (next === undefined) return;
    update.mutate(
      { format: next.format },
      {
        onSuccess: (changed) => {
          form.setValues(mappingValues(changed, fieldKeys));
          form.clearErrors();
        },
      },
    );
  };

  const missing = entity.fields.filter(
    (field) => field.required && values.mapping[field.key] === '',
  ).length;
  const columnOptions = columns.map((column) => ({ value: column, label: column }));

  return (
    <form onSubmit={submit.onSubmit} noValidate>
      <Stack gap="lg">
        <ProblemAlert error={submit.unplaced} title="The import did not start" />
        <Group align="flex-end" gap="md" wrap="wrap">
          <Select
            label="Format"
            description={`Recognised from the columns of ${detail.fileName}. Another format suggests its own columns.`}
            allowDeselect={false}
            w={{ base: '100%', sm: 360 }}
            data={entity.formats.map((format) => ({ value: format.format, label: format.label }))}
            value={values.format}
            onChange={chooseFormat}
            disabled={update.isPending}
          />
          <Text size="sm" c="dimmed">
            {columns.length} columns in the file
          </Text>
        </Group>

        <Stack gap="xs">
          <Title order={3} fz="md">
            Columns
          </Title>
          <Text size="sm" c={missing > 0 ? 'orange' : 'dimmed'}>
            {missing > 0
              ? `${missing} required ${missing === 1 ? 'field still needs' : 'fields still need'} a column.`
              : 'Every required field has a column. Fields without one are left as they are.'}
          </Text>
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="xs" aria-label="Column for each field">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w="40%">Closeout field</Table.Th>
                  <Table.Th>Column of the file</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {entity.fields.map((field) => (
                  <Table.Tr key={field.key}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {field.label}
                        {field.required && (
                          <Text span c="red" aria-hidden>
                            {' '}
                            *
                          </Text>
                        )}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {field.description}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Select
                        aria-label={`Column for ${field.label}`}
                        placeholder="Not imported"
                        required={field.required}
                        clearable
                        searchable
                        data={columnOptions}
                        {...form.getInputProps(`mapping.${field.key}`)}
                        value={values.mapping[field.key] || null}
                        onChange={(column) => chooseColumn(field.key, column)}
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>

        <MappingPreview detail={detail} fields={entity.fields} values={values} checked={saved} />

        <ProblemAlert error={discard.error} title="Not cancelled" />
        <Group justify="space-between">
          <Button
            variant="subtle"
            color="gray"
            loading={discard.isPending}
            onClick={() => discard.mutate(undefined, { onSuccess: onDiscarded })}
          >
            Cancel this import
          </Button>
          <Button type="submit" leftSection={<IconPlayerPlay size={16} />} loading={submit.saving}>
            Start the import
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
