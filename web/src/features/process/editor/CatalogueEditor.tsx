import {
  ActionIcon,
  Badge,
  Group,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import type { TProcessDefinition, TRole } from '../../../../../src/blueprint/schema.js';
import { ROLE_KIND_LABELS } from '../../../labels.js';
import { AddEntryForm } from './AddEntryForm.js';
import {
  addCatalogueEntry,
  type CatalogueEntry,
  type CatalogueName,
  removeCatalogueEntry,
  tasksUsing,
  updateCatalogueEntry,
} from './draft-edits.js';

const SINGULAR: Record<CatalogueName, string> = {
  roles: 'role',
  systems: 'system',
  documents: 'document',
};

/** New roles are the client's or automation's: staff roles are the product's own. */
const NEW_ROLE_KINDS: { value: TRole['kind']; label: string }[] = [
  { value: 'client', label: ROLE_KIND_LABELS.client },
  { value: 'system', label: ROLE_KIND_LABELS.system },
];

/** The draft's roles, systems or documents: rename, describe, add, and remove the unused. */
export function CatalogueEditor({
  catalogue,
  definition,
  onChange,
}: {
  catalogue: CatalogueName;
  definition: TProcessDefinition;
  onChange: (next: TProcessDefinition) => void;
}) {
  const singular = SINGULAR[catalogue];
  const entries: CatalogueEntry[] = definition[catalogue];
  return (
    <Stack gap="sm">
      {entries.map((entry) => {
        const usedBy = tasksUsing(definition, catalogue, entry.key);
        return (
          <Paper key={entry.key} withBorder p="md" radius="md">
            <Group justify="space-between" align="start" wrap="nowrap">
              <Stack gap="xs" style={{ flex: 1 }}>
                <Group gap="xs">
                  {'kind' in entry && (
                    <Badge variant="light" color="gray">
                      {ROLE_KIND_LABELS[entry.kind]}
                    </Badge>
                  )}
                  <Text size="xs" c="dimmed">
                    {usedBy.length === 0
                      ? 'Not used by any task'
                      : `Used by ${usedBy.length} ${usedBy.length === 1 ? 'task' : 'tasks'}`}
                  </Text>
                </Group>
                <TextInput
                  label={`Name of the ${singular}`}
                  value={entry.name}
                  maxLength={80}
                  required
                  error={entry.name.trim() === '' ? 'A name is needed.' : undefined}
                  onChange={(event) =>
                    onChange(
                      updateCatalogueEntry(definition, catalogue, entry.key, {
                        name: event.currentTarget.value,
                      }),
                    )
                  }
                />
                <Textarea
                  label="Description"
                  value={entry.description}
                  maxLength={500}
                  autosize
                  minRows={1}
                  onChange={(event) =>
                    onChange(
                      updateCatalogueEntry(definition, catalogue, entry.key, {
                        description: event.currentTarget.value,
                      }),
                    )
                  }
                />
                {'template' in entry || catalogue === 'documents' ? (
                  <Textarea
                    label="Template (what a new copy starts from)"
                    value={'template' in entry ? (entry.template ?? '') : ''}
                    maxLength={20_000}
                    autosize
                    minRows={2}
                    maxRows={12}
                    onChange={(event) =>
                      onChange(
                        updateCatalogueEntry(definition, catalogue, entry.key, {
                          template: event.currentTarget.value,
                        }),
                      )
                    }
                  />
                ) : null}
              </Stack>
              <Tooltip
                label={
                  usedBy.length === 0
                    ? `Remove this ${singular}`
                    : `Used by ${usedBy.map((task) => task.number).join(', ')}: remove it from those tasks first`
                }
              >
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={`Remove ${singular} ${entry.name}`}
                  disabled={usedBy.length > 0}
                  onClick={() => onChange(removeCatalogueEntry(definition, catalogue, entry.key))}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Tooltip>
            </Group>
          </Paper>
        );
      })}
      <AddEntryForm
        label={singular}
        placeholder={`A new ${singular}'s name`}
        kinds={
          catalogue === 'roles' ? { label: 'Kind of role', options: NEW_ROLE_KINDS } : undefined
        }
        onAdd={(name, kind) =>
          onChange(
            addCatalogueEntry(definition, catalogue, {
              name,
              description: '',
              kind: kind === 'system' ? 'system' : 'client',
            }),
          )
        }
      />
    </Stack>
  );
}
