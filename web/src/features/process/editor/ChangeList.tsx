import { Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { type TDueRule, ZDueRule } from '../../../../../src/blueprint/schema.js';
import type { TDefinitionChange } from '../../../../../src/server/process/schema.js';
import { EmptyState } from '../../../components/QueryState.js';
import { describeDueRule } from '../due-rule.js';

const COLLECTION_TITLES: Record<TDefinitionChange['collection'], string> = {
  process: 'The process',
  stages: 'Stages',
  tasks: 'Tasks',
  roles: 'Roles',
  systems: 'Systems',
  documents: 'Documents',
  gates: 'Gates',
  kpis: 'KPIs',
};

const KIND_COLOURS: Record<TDefinitionChange['kind'], string> = {
  added: 'teal',
  removed: 'red',
  changed: 'blue',
};

const FIELD_LABELS: Record<string, string> = {
  name: 'Name',
  description: 'Description',
  template: 'Template',
  lane: 'Swim lane',
  roles: 'Roles',
  systems: 'Systems',
  documents: 'Documents',
  due: 'Due date',
  evidenceRequired: 'Needs evidence',
  definition: 'Definition',
  objectives: 'Objectives',
  entryConditions: 'Entry conditions',
  exitConditions: 'Exit conditions',
  kind: 'Kind',
  winBackCheckInDays: 'Win-back check-ins (days after closing)',
  deactivationIssueWindowDays: 'Deactivation issues count for (days)',
};

/** Names for the keys a change mentions (roles, systems, documents), from either version. */
export type NameLookup = (key: string) => string;

function describeValue(value: unknown, nameOf: NameLookup): string {
  if (value === null || value === undefined || value === '') return '—';
  const rule = ZDueRule.safeParse(value);
  if (rule.success && typeof value === 'object') return describeDueRule(rule.data as TDueRule);
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (Array.isArray(value)) {
    return value.length === 0
      ? '—'
      : value
          .map((entry) => (typeof entry === 'string' ? nameOf(entry) : String(entry)))
          .join(', ');
  }
  if (typeof value === 'string') return value.length > 160 ? `${value.slice(0, 157)}…` : value;
  return JSON.stringify(value);
}

/** What a version (or the draft) changes, grouped by part, each field with before → after. */
export function ChangeList({
  changes,
  nameOf,
  emptyTitle = 'Nothing changes',
}: {
  changes: TDefinitionChange[];
  nameOf: NameLookup;
  emptyTitle?: string;
}) {
  if (changes.length === 0) return <EmptyState title={emptyTitle} />;
  const collections = [...new Set(changes.map((change) => change.collection))];
  return (
    <Stack gap="md">
      {collections.map((collection) => (
        <Stack key={collection} gap="xs">
          <Title order={4}>{COLLECTION_TITLES[collection]}</Title>
          {changes
            .filter((change) => change.collection === collection)
            .map((change) => (
              <Paper key={`${change.kind}-${change.key}`} withBorder p="sm" radius="md">
                <Group gap="xs">
                  <Badge variant="light" color={KIND_COLOURS[change.kind]}>
                    {change.kind}
                  </Badge>
                  <Text fw={500}>{change.name}</Text>
                </Group>
                {change.fields.length > 0 && (
                  <List size="sm" mt="xs" spacing={4}>
                    {change.fields.map((field) => (
                      <List.Item key={field.field}>
                        <Text span size="sm" fw={500}>
                          {FIELD_LABELS[field.field] ?? field.field}:
                        </Text>{' '}
                        <Text span size="sm" td="line-through" c="dimmed">
                          {describeValue(field.before, nameOf)}
                        </Text>{' '}
                        →{' '}
                        <Text span size="sm">
                          {describeValue(field.after, nameOf)}
                        </Text>
                      </List.Item>
                    ))}
                  </List>
                )}
              </Paper>
            ))}
        </Stack>
      ))}
    </Stack>
  );
}
