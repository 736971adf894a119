import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** The title of one part of a page, what it holds, its action, and any notice about it. */
export function SectionHeader({
  title,
  description,
  action,
  children,
}: {
  title: string;
  description: ReactNode;
  action?: ReactNode;
  /** Shown under the description, e.g. why the section is read-only. */
  children?: ReactNode;
}) {
  return (
    <Stack gap="sm" mb="lg">
      <Group justify="space-between" align="flex-start" gap="sm" wrap="nowrap">
        <Stack gap={4}>
          <Title order={2} fz="lg">
            {title}
          </Title>
          <Text size="sm" c="dimmed">
            {description}
          </Text>
        </Stack>
        {action}
      </Group>
      {children}
    </Stack>
  );
}
