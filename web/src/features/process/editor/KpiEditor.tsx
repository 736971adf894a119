import { Badge, Paper, Stack, Text, Textarea, TextInput } from '@mantine/core';
import type { TKpi, TProcessDefinition } from '../../../../../src/blueprint/schema.js';
import { KPI_UNIT_LABELS } from '../../../labels.js';

/**
 * The KPIs' names and definitions as the reports print them. Closeout computes each KPI, so
 * KPIs are renamed and described here, not added or removed.
 */
export function KpiEditor({
  definition,
  onChange,
}: {
  definition: TProcessDefinition;
  onChange: (next: TProcessDefinition) => void;
}) {
  const update = (key: string, change: Partial<TKpi>) =>
    onChange({
      ...definition,
      kpis: definition.kpis.map((kpi) => (kpi.key === key ? { ...kpi, ...change } : kpi)),
    });
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        Closeout computes these from the closeouts' records; their names and definitions are what
        the dashboard and the reports show.
      </Text>
      {definition.kpis.map((kpi) => (
        <Paper key={kpi.key} withBorder p="md" radius="md">
          <Stack gap="xs">
            <Badge variant="light" color="gray">
              {KPI_UNIT_LABELS[kpi.unit]}
            </Badge>
            <TextInput
              label="Name of the KPI"
              value={kpi.name}
              maxLength={80}
              required
              error={kpi.name.trim() === '' ? 'A KPI needs a name.' : undefined}
              onChange={(event) => update(kpi.key, { name: event.currentTarget.value })}
            />
            <Textarea
              label={`Definition of ${kpi.name || 'the KPI'}`}
              value={kpi.definition}
              maxLength={1000}
              autosize
              minRows={2}
              error={kpi.definition.trim() === '' ? 'Say how it is measured.' : undefined}
              onChange={(event) => update(kpi.key, { definition: event.currentTarget.value })}
            />
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
