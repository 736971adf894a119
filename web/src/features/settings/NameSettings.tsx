import {
  ActionIcon,
  Box,
  Fieldset,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { type UseFormReturnType, useForm } from '@mantine/form';
import { IconArrowBackUp } from '@tabler/icons-react';
import { DEFAULT_DEFINITION } from '../../../../src/blueprint/default-definition.js';
import type { TPersonalisation, TProcessDefinition } from '../../../../src/blueprint/schema.js';
import {
  type TOrganisation,
  ZPersonalisationRequest,
} from '../../../../src/server/organisation/schema.js';
import { useUpdatePersonalisation } from '../../api/organisation.js';
import { useProcessDefinition } from '../../api/process.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { QueryState } from '../../components/QueryState.js';
import { ROLE_KIND_LABELS } from '../../labels.js';
import { FormActions } from './FormActions.js';
import { OrganisationSection } from './OrganisationSection.js';
import { SaveButtons } from './SaveButtons.js';
import { useSettingsSubmit } from './use-settings-submit.js';

/** One role or system: its name in the process, and the organisation's own name ('' for none). */
type NameRow = { key: string; defaultName: string; description: string; name: string };
type NameValues = { roles: NameRow[]; systems: NameRow[] };

export function NameSettings() {
  const definition = useProcessDefinition();
  return (
    <OrganisationSection
      title="Role and system names"
      description="Call the roles and systems of the process what your team calls them, such as “HaloPSA” for the PSA. Your names show everywhere; the process itself stays the same."
      loadingLabel="Loading your names…"
    >
      {(organisation, canManage) => (
        <QueryState query={definition} loadingLabel="Loading the process…">
          {(loaded) => (
            <NameForm organisation={organisation} definition={loaded} canManage={canManage} />
          )}
        </QueryState>
      )}
    </OrganisationSection>
  );
}

/**
 * The process definition arrives with the organisation's names laid over it, so a renamed
 * entry's own name is looked up in the built-in definition.
 */
function rowsOf(
  entries: { key: string; name: string; description: string }[],
  builtIn: { key: string; name: string }[],
  names: Record<string, string>,
): NameRow[] {
  return entries.map((entry) => {
    const own = names[entry.key];
    return {
      key: entry.key,
      description: entry.description,
      defaultName:
        own === undefined
          ? entry.name
          : (builtIn.find((candidate) => candidate.key === entry.key)?.name ?? entry.key),
      name: own ?? '',
    };
  });
}

const valuesOf = (definition: TProcessDefinition, personalisation: TPersonalisation) => ({
  roles: rowsOf(definition.roles, DEFAULT_DEFINITION.roles, personalisation.roleNames),
  systems: rowsOf(definition.systems, DEFAULT_DEFINITION.systems, personalisation.systemNames),
});

/** The names as the API keeps them; names for keys this version lacks are kept, not dropped. */
function namesOf(rows: NameRow[], previous: Record<string, string>): Record<string, string> {
  const names: Record<string, string> = {};
  for (const [key, name] of Object.entries(previous)) {
    if (!rows.some((row) => row.key === key)) names[key] = name;
  }
  for (const row of rows) {
    if (row.name.trim() !== '') names[row.key] = row.name.trim();
  }
  return names;
}

function NameForm({
  organisation,
  definition,
  canManage,
}: {
  organisation: TOrganisation;
  definition: TProcessDefinition;
  canManage: boolean;
}) {
  const update = useUpdatePersonalisation();
  const { personalisation } = organisation;

  const toPersonalisation = (values: NameValues): TPersonalisation => ({
    ...personalisation,
    roleNames: namesOf(values.roles, personalisation.roleNames),
    systemNames: namesOf(values.systems, personalisation.systemNames),
  });

  const form = useForm<NameValues>({
    initialValues: valuesOf(definition, personalisation),
    // The API names a field `roleNames.<key>`; the form's rows are `roles.<index>.name`.
    validate: (values) => {
      const result = ZPersonalisationRequest.safeParse(toPersonalisation(values));
      if (result.success) return {};
      const errors: Record<string, string> = {};
      for (const issue of result.error.issues) {
        const [list, key] = issue.path;
        const rows = list === 'roleNames' ? values.roles : values.systems;
        const index = rows.findIndex((row) => row.key === key);
        if (index >= 0) {
          errors[`${list === 'roleNames' ? 'roles' : 'systems'}.${index}.name`] =
            issue.message.charAt(0).toUpperCase() + issue.message.slice(1);
        }
      }
      return errors;
    },
  });

  const submit = useSettingsSubmit(form, {
    send: (values) => update.mutateAsync(toPersonalisation(values)),
    notice: 'Your names were saved.',
    savedValues: (saved) => valuesOf(definition, saved.personalisation),
  });

  const values = form.getValues();
  const roleGroups = (['staff', 'client', 'system'] as const)
    .map((kind) => ({
      kind,
      indices: definition.roles.flatMap((role, index) => (role.kind === kind ? [index] : [])),
    }))
    .filter((group) => group.indices.length > 0);

  return (
    <form onSubmit={submit.onSubmit} noValidate>
      <Stack gap="lg">
        <ProblemAlert error={submit.unplaced} title="Not saved" />
        <Fieldset variant="unstyled" disabled={!canManage}>
          <Stack gap="lg">
            {roleGroups.map((group) => (
              <NameGroup
                key={group.kind}
                title={`${ROLE_KIND_LABELS[group.kind]} roles`}
                list="roles"
                indices={group.indices}
                rows={values.roles}
                form={form}
                canManage={canManage}
              />
            ))}
            <NameGroup
              title="Systems"
              list="systems"
              indices={values.systems.map((_, index) => index)}
              rows={values.systems}
              form={form}
              canManage={canManage}
            />
          </Stack>
        </Fieldset>
        {canManage && (
          <FormActions>
            <Text size="sm" c="dimmed">
              Leave a name empty to use the process’s own.
            </Text>
            <SaveButtons form={form} saving={submit.saving} label="Save names" />
          </FormActions>
        )}
      </Stack>
    </form>
  );
}

function NameGroup({
  title,
  list,
  indices,
  rows,
  form,
  canManage,
}: {
  title: string;
  list: 'roles' | 'systems';
  indices: number[];
  rows: NameRow[];
  form: UseFormReturnType<NameValues>;
  canManage: boolean;
}) {
  return (
    <Stack gap="xs" component="section" aria-label={title}>
      <Title order={3} fz="sm" tt="uppercase" c="dimmed">
        {title}
      </Title>
      <Paper withBorder radius="md">
        {indices.map((index, position) => {
          const row = rows[index];
          if (row === undefined) return null;
          return (
            <SimpleGrid
              key={row.key}
              cols={{ base: 1, sm: 2 }}
              spacing="md"
              p="sm"
              style={
                position === 0
                  ? undefined
                  : { borderTop: '1px solid var(--mantine-color-default-border)' }
              }
            >
              <Stack gap={2}>
                <Text size="sm" fw={500}>
                  {row.defaultName}
                </Text>
                <Text size="xs" c="dimmed" lineClamp={2}>
                  {row.description}
                </Text>
              </Stack>
              <Group gap="xs" wrap="nowrap" align="flex-start">
                <TextInput
                  aria-label={`Your name for ${row.defaultName}`}
                  placeholder={row.defaultName}
                  maxLength={80}
                  style={{ flex: 1 }}
                  {...form.getInputProps(`${list}.${index}.name`)}
                />
                {canManage && row.name !== '' ? (
                  <Tooltip label={`Back to “${row.defaultName}”`}>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      size={36}
                      aria-label={`Reset ${row.defaultName} to its default name`}
                      onClick={() => form.setFieldValue(`${list}.${index}.name`, '')}
                    >
                      <IconArrowBackUp size={18} />
                    </ActionIcon>
                  </Tooltip>
                ) : (
                  canManage && <Box w={36} style={{ flexShrink: 0 }} />
                )}
              </Group>
            </SimpleGrid>
          );
        })}
      </Paper>
    </Stack>
  );
}
