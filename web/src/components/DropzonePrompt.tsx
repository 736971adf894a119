import { Group, Stack, Text } from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import { type Icon, IconUpload, IconX } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/**
 * What a small dropzone shows: `icon` while idle, an upload or refusal mark while files are
 * dragged over it, what to do and (`children`) which files it takes.
 */
export function DropzonePrompt({
  icon: IdleIcon,
  title,
  children,
}: {
  icon: Icon;
  title: string;
  children: ReactNode;
}) {
  return (
    <Group justify="center" gap="md" mih={72} style={{ pointerEvents: 'none' }}>
      <Dropzone.Accept>
        <IconUpload size={32} stroke={1.5} color="var(--mantine-primary-color-filled)" />
      </Dropzone.Accept>
      <Dropzone.Reject>
        <IconX size={32} stroke={1.5} color="var(--mantine-color-red-filled)" />
      </Dropzone.Reject>
      <Dropzone.Idle>
        <IdleIcon size={32} stroke={1.5} color="var(--mantine-color-dimmed)" />
      </Dropzone.Idle>
      <Stack gap={2}>
        <Text size="sm" fw={500}>
          {title}
        </Text>
        <Text size="xs" c="dimmed">
          {children}
        </Text>
      </Stack>
    </Group>
  );
}
