import '@mantine/dropzone/styles.css';
import { Button, Code, Group, List, Stack, Text, TextInput } from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import { IconCircleCheck, IconCircleX, IconFileSearch } from '@tabler/icons-react';
import { useState } from 'react';
import {
  type TPortalBackupCopy,
  type TPortalCloseout,
  ZPortalBackupReceiptRequest,
} from '../../../../src/server/portal/schema.js';
import { backupReceipt } from '../../api/portal.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { formatBytes } from '../../features/closeouts/page/session/bytes.js';
import { usePortalForm } from './portal-form.js';
import {
  BROWSER_CHECK_LIMIT_BYTES,
  isChecksum,
  normaliseChecksum,
  sha256OfFile,
} from './sha256.js';

type FileCheck =
  | { state: 'idle' }
  | { state: 'computing'; name: string }
  | { state: 'computed'; name: string }
  | { state: 'too_large'; name: string; size: number }
  | { state: 'failed'; name: string; message: string };

/**
 * Confirming receipt of a backup copy with the checksum of what arrived: the browser computes it
 * from the dropped file, or the client pastes what `sha256sum` or `Get-FileHash` printed.
 */
export function BackupReceiptForm({
  closeout,
  copy,
}: {
  closeout: TPortalCloseout;
  copy: TPortalBackupCopy;
}) {
  const [check, setCheck] = useState<FileCheck>({ state: 'idle' });
  const { form, onSubmit, problem, pending } = usePortalForm<{ sha256: string }>({
    closeout,
    path: backupReceipt(copy.id, { sha256: copy.sha256 }).path,
    success: `You confirmed receipt of “${copy.description}”.`,
    initialValues: { sha256: '' },
    schema: ZPortalBackupReceiptRequest,
    toBody: ({ sha256 }) => ({ sha256: normaliseChecksum(sha256) }),
  });

  const computeFrom = async (file: File) => {
    if (file.size > BROWSER_CHECK_LIMIT_BYTES) {
      setCheck({ state: 'too_large', name: file.name, size: file.size });
      return;
    }
    setCheck({ state: 'computing', name: file.name });
    try {
      form.setFieldValue('sha256', await sha256OfFile(file));
      setCheck({ state: 'computed', name: file.name });
    } catch (error) {
      setCheck({
        state: 'failed',
        name: file.name,
        message: error instanceof Error ? error.message : String(error),
      });
    }
  };

  const entered = normaliseChecksum(form.values.sha256);
  const compared = isChecksum(entered);
  const matches = compared && entered === copy.sha256.toLowerCase();

  return (
    <form onSubmit={onSubmit} noValidate aria-label={`Receipt of ${copy.description}`}>
      <Stack gap="sm">
        <ProblemAlert error={problem} title="Receipt not confirmed" />
        <Dropzone
          onDrop={(files) => {
            const [file] = files;
            if (file !== undefined) void computeFrom(file);
          }}
          multiple={false}
          loading={check.state === 'computing'}
          inputProps={{ 'aria-label': `The file you received for ${copy.description}` }}
          p="md"
        >
          <Group gap="sm" wrap="nowrap" style={{ pointerEvents: 'none' }}>
            <IconFileSearch size={28} aria-hidden />
            <Stack gap={2}>
              <Text size="sm" fw={500}>
                Drop the file you received here, or click to choose it
              </Text>
              <Text size="xs" c="dimmed">
                Your browser computes its checksum; the file does not leave your computer. Up to{' '}
                {formatBytes(BROWSER_CHECK_LIMIT_BYTES)}.
              </Text>
            </Stack>
          </Group>
        </Dropzone>
        <FileCheckNote check={check} />
        <TextInput
          label="SHA-256 of the file you received"
          description="Computed above, or paste what the command printed."
          spellCheck={false}
          autoComplete="off"
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          {...form.getInputProps('sha256')}
        />
        <Stack gap={4}>
          <Text size="xs" c="dimmed">
            To compute it on your computer:
          </Text>
          <List size="xs" spacing={2}>
            <List.Item>
              Linux or macOS: <Code>sha256sum backup-file</Code> (on older macOS:{' '}
              <Code>shasum -a 256 backup-file</Code>)
            </List.Item>
            <List.Item>
              Windows PowerShell: <Code>Get-FileHash -Algorithm SHA256 backup-file</Code>
            </List.Item>
          </List>
        </Stack>
        {compared && (
          <Group gap={6} wrap="nowrap" role="status">
            {matches ? (
              <IconCircleCheck size={18} color="var(--mantine-color-teal-text)" aria-hidden />
            ) : (
              <IconCircleX size={18} color="var(--mantine-color-red-text)" aria-hidden />
            )}
            <Text size="sm" fw={500} c={matches ? 'teal' : 'red'}>
              {matches
                ? 'Matches the checksum of the copy: the file arrived complete.'
                : 'Does not match the checksum of the copy: the file is incomplete or a different one. Ask your provider before you confirm.'}
            </Text>
          </Group>
        )}
        <Button type="submit" loading={pending} disabled={!matches} w="fit-content">
          Confirm receipt
        </Button>
      </Stack>
    </form>
  );
}

function FileCheckNote({ check }: { check: FileCheck }) {
  switch (check.state) {
    case 'idle':
      return null;
    case 'computing':
      return (
        <Text size="sm" role="status">
          Computing the checksum of {check.name}…
        </Text>
      );
    case 'computed':
      return (
        <Text size="sm" role="status">
          Checksum of {check.name} computed.
        </Text>
      );
    case 'too_large':
      return (
        <Text size="sm" role="alert">
          {check.name} is {formatBytes(check.size)}: too large for your browser to check. Compute
          its checksum with the command below and paste it.
        </Text>
      );
    case 'failed':
      return (
        <Text size="sm" role="alert" c="red">
          The checksum of {check.name} could not be computed: {check.message}
        </Text>
      );
  }
}
