import { List, Text } from '@mantine/core';
import type { TReportUse } from '../../../../src/server/reports/schema.js';

/** The tasks that use something, grouped by sub-process: "11a.03 — 20 Work the tickets…". */
export function TaskUses({ uses }: { uses: TReportUse[] }) {
  if (uses.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No task
      </Text>
    );
  }
  return (
    <List size="sm" spacing={6} listStyleType="none">
      {uses.map((use) => (
        <List.Item key={use.stage.key}>
          <Text size="xs" fw={700} c="dimmed">
            {use.stage.code} {use.stage.name}
          </Text>
          <List size="sm" spacing={2} listStyleType="none">
            {use.tasks.map((task) => (
              <List.Item key={task.key}>
                <Text size="sm" span ff="monospace" mr={6}>
                  {task.number}
                </Text>
                {task.name}
              </List.Item>
            ))}
          </List>
        </List.Item>
      ))}
    </List>
  );
}
