import { Code, Group } from '@mantine/core';
import { CopyIconButton } from './CopyIconButton.js';

/** A SHA-256 checksum as it is, with a button that copies it to compare with one computed. */
export function Checksum({ sha256 }: { sha256: string }) {
  return (
    <Group gap={4} wrap="nowrap">
      <Code style={{ wordBreak: 'break-all' }}>{sha256}</Code>
      <CopyIconButton value={sha256} label="Copy the checksum" />
    </Group>
  );
}
