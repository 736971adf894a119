import { Alert, Stack, Text, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/** A settings section's title, what it is for, and why it is read-only for whoever may not edit. */
export function SectionHeader({
  title,
  description,
  readOnly = false,
  readOnlyMessage = 'Only an administrator can change this.',
}: {
  title: string;
  description: ReactNode;
  readOnly?: boolean;
  readOnlyMessage?: string;
}) {
  return (
    <Stack gap="sm" mb="lg">
      <Stack gap={4}>
        <Title order={2} fz="xl">
          {title}
        </Title>
        <Text size="sm" c="dimmed">
          {description}
        </Text>
      </Stack>
      {readOnly && (
        <Alert variant="light" color="gray" icon={<IconLock size={18} />}>
          {readOnlyMessage}
        </Alert>
      )}
    </Stack>
  );
}
