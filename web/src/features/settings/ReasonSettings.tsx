import {
  Badge,
  Box,
  Button,
  Code,
  Fieldset,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { type UseFormReturnType, useForm } from '@mantine/form';
import { randomId } from '@mantine/hooks';
import { IconArchive, IconArrowBackUp, IconPlus, IconX } from '@tabler/icons-react';
import type { TReasonTaxonomyEntry } from '../../../../src/blueprint/reason-taxonomy.js';
import { ZReasonTaxonomyBody } from '../../../../src/server/organisation/schema.js';
import { useUpdateReasonTaxonomy } from '../../api/organisation.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { zodValidate } from '../../forms/zod-form.js';
import { options, REASON_APPLIES_TO_LABELS } from '../../labels.js';
import { FormActions } from './FormActions.js';
import { OrganisationSection } from './OrganisationSection.js';
import { SaveButtons } from './SaveButtons.js';
import { useSettingsSubmit } from './use-settings-submit.js';

/** A reason as the form holds it: saved ones keep their key; a new one's key follows its label. */
type ReasonRow = TReasonTaxonomyEntry & { rowId: string; saved: boolean; keyEdited: boolean };
type ReasonValues = { reasons: ReasonRow[] };

const APPLIES_TO_OPTIONS = options(REASON_APPLIES_TO_LABELS);

/** "Moved abroad" → "moved_abroad": a key the API accepts, derived from the label. */
export const reasonKeyFor = (label: string): string =>
  label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 64);

const savedRow = (reason: TReasonTaxonomyEntry): ReasonRow => ({
  ...reason,
  rowId: reason.key,
  saved: true,
  keyEdited: true,
});

export function ReasonSettings() {
  return (
    <OrganisationSection
      title="Cancellation reasons"
      description="The reasons to choose from when a closeout’s reasons are recorded. A reason is retired rather than deleted, so closeouts recorded with it still read as they did."
      loadingLabel="Loading the reasons…"
    >
      {(organisation, canManage) => (
        <ReasonForm reasons={organisation.reasons} canManage={canManage} />
      )}
    </OrganisationSection>
  );
}

function ReasonForm({
  reasons,
  canManage,
}: {
  reasons: TReasonTaxonomyEntry[];
  canManage: boolean;
}) {
  const update = useUpdateReasonTaxonomy();
  const form = useForm<ReasonValues>({
    initialValues: { reasons: reasons.map(savedRow) },
    validate: zodValidate(ZReasonTaxonomyBody),
  });
  const rows = form.getValues().reasons;

  const submit = useSettingsSubmit(form, {
    send: (values) =>
      update.mutateAsync({
        reasons: values.reasons.map(({ key, label, appliesTo, retired }) => ({
          key,
          label: label.trim(),
          appliesTo,
          retired,
        })),
      }),
    notice: 'The reasons were saved.',
    savedValues: (saved) => ({ reasons: saved.reasons.map(savedRow) }),
  });

  const addReason = () =>
    form.insertListItem('reasons', {
      rowId: randomId(),
      key: '',
      label: '',
      appliesTo: 'client',
      retired: false,
      saved: false,
      keyEdited: false,
    } satisfies ReasonRow);

  const inUse = rows.filter((row) => !row.retired);
  const summary = [
    `${inUse.filter((row) => row.appliesTo === 'client').length} for clients leaving`,
    `${inUse.filter((row) => row.appliesTo === 'provider').length} for ending an agreement yourselves`,
    `${rows.length - inUse.length} retired`,
  ].join(' · ');

  return (
    <form onSubmit={submit.onSubmit} noValidate>
      <Stack>
        <ProblemAlert error={submit.unplaced} title="Not saved" />
        <Text size="sm" c="dimmed">
          {summary}
        </Text>
        <Fieldset variant="unstyled" disabled={!canManage}>
          <Paper
            withBorder
            radius="md"
            component="ol"
            aria-label="Cancellation reasons"
            style={{ listStyle: 'none', margin: 0, padding: 0 }}
          >
            {rows.map((row, index) => (
              <ReasonItem
                key={row.rowId}
                row={row}
                index={index}
                form={form}
                canManage={canManage}
              />
            ))}
          </Paper>
        </Fieldset>
        {typeof form.errors.reasons === 'string' && (
          <Text size="sm" c="red" role="alert">
            {form.errors.reasons}
          </Text>
        )}
        {canManage && (
          <FormActions>
            <Button variant="default" leftSection={<IconPlus size={16} />} onClick={addReason}>
              Add a reason
            </Button>
            <SaveButtons form={form} saving={submit.saving} label="Save reasons" />
          </FormActions>
        )}
      </Stack>
    </form>
  );
}

function ReasonItem({
  row,
  index,
  form,
  canManage,
}: {
  row: ReasonRow;
  index: number;
  form: UseFormReturnType<ReasonValues>;
  canManage: boolean;
}) {
  const path = `reasons.${index}` as const;
  const name = row.label.trim() === '' ? `reason ${index + 1}` : row.label;
  const labelProps = form.getInputProps(`${path}.label`);
  const keyProps = form.getInputProps(`${path}.key`);

  return (
    <Box
      component="li"
      p="sm"
      opacity={row.retired ? 0.7 : 1}
      aria-label={row.saved ? row.label : 'New reason'}
      style={
        index === 0 ? undefined : { borderTop: '1px solid var(--mantine-color-default-border)' }
      }
    >
      <Group align="flex-start" gap="sm" wrap="wrap">
        <TextInput
          aria-label={row.saved ? `Label of ${row.key}` : 'Label of the new reason'}
          placeholder="e.g. Moved abroad"
          maxLength={80}
          style={{ flex: '1 1 220px' }}
          autoFocus={!row.saved}
          {...labelProps}
          onChange={(event) => {
            const label = event.currentTarget.value;
            form.setFieldValue(`${path}.label`, label);
            if (!row.keyEdited) form.setFieldValue(`${path}.key`, reasonKeyFor(label));
          }}
        />
        {row.saved ? (
          <Stack gap={0} justify="center" mih={36} style={{ flex: '0 1 220px' }}>
            <Code aria-label={`Key of ${name}`}>{row.key}</Code>
          </Stack>
        ) : (
          <TextInput
            aria-label="Key of the new reason"
            description="Stays fixed once saved"
            placeholder="moved_abroad"
            maxLength={64}
            ff="monospace"
            style={{ flex: '0 1 220px' }}
            {...keyProps}
            onChange={(event) => {
              form.setFieldValue(`${path}.key`, event.currentTarget.value);
              form.setFieldValue(`${path}.keyEdited`, true);
            }}
          />
        )}
        <SegmentedControl
          aria-label={`Who ends it: ${name}`}
          data={APPLIES_TO_OPTIONS}
          size="xs"
          mt={4}
          disabled={!canManage}
          {...form.getInputProps(`${path}.appliesTo`)}
        />
        <Group gap="xs" mt={4} ml="auto" wrap="nowrap">
          {row.retired && (
            <Badge variant="light" color="gray">
              Retired
            </Badge>
          )}
          {canManage && !row.saved && (
            <Button
              variant="subtle"
              color="gray"
              size="compact-sm"
              leftSection={<IconX size={14} />}
              onClick={() => form.removeListItem('reasons', index)}
            >
              Discard
            </Button>
          )}
          {canManage && row.saved && (
            <Button
              variant="subtle"
              color={row.retired ? undefined : 'gray'}
              size="compact-sm"
              aria-label={`${row.retired ? 'Restore' : 'Retire'} ${name}`}
              leftSection={row.retired ? <IconArrowBackUp size={14} /> : <IconArchive size={14} />}
              onClick={() => form.setFieldValue(`${path}.retired`, !row.retired)}
            >
              {row.retired ? 'Restore' : 'Retire'}
            </Button>
          )}
        </Group>
      </Group>
    </Box>
  );
}
