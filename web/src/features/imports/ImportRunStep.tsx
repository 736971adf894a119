import {
  Alert,
  Button,
  Group,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import {
  IconAlertTriangle,
  IconCircleCheck,
  IconDownload,
  IconFileImport,
} from '@tabler/icons-react';
import type { TImportDetail } from '../../../../src/server/imports/schema.js';
import { errorReportUrl } from '../../api/imports.js';
import { formatBytes } from '../closeouts/page/session/bytes.js';

function Count({ label, value, color }: { label: string; value: number; color?: string }) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text fz={24} fw={700} c={value > 0 ? color : undefined}>
        {value.toLocaleString()}
      </Text>
    </Paper>
  );
}

/** Step 3 while the import waits or runs: how much of the file it has read. */
function ImportProgress({ detail }: { detail: TImportDetail }) {
  const { progress } = detail;
  return (
    <Stack gap="sm" role="status" aria-live="polite">
      <Title order={3} fz="md">
        {detail.status === 'queued' ? 'Waiting to start…' : `Importing ${detail.fileName}…`}
      </Title>
      <Progress
        value={Math.round(progress.fraction * 100)}
        size="lg"
        animated
        aria-label="Import progress"
      />
      <Text size="sm" c="dimmed">
        {formatBytes(progress.bytesRead)} of {formatBytes(progress.fileBytes)} read ·{' '}
        {progress.rowsRead.toLocaleString()} rows
      </Text>
      <Text size="sm" c="dimmed">
        You can leave this page: the import carries on, and its outcome is listed below.
      </Text>
    </Stack>
  );
}

/** Step 3 once the import has run: what it did, and the rows it refused. */
function ImportSummary({ detail, onAgain }: { detail: TImportDetail; onAgain: () => void }) {
  const { counts } = detail;
  const failed = detail.status === 'failed';
  return (
    <Stack gap="md">
      <Alert
        color={failed ? 'red' : counts.failed > 0 ? 'orange' : 'teal'}
        variant="light"
        icon={failed ? <IconAlertTriangle size={18} /> : <IconCircleCheck size={18} />}
        title={failed ? 'The import failed' : `${detail.fileName} was imported`}
      >
        {detail.message ??
          (counts.failed > 0
            ? 'Some rows were refused; the error report says why.'
            : 'Every row was imported.')}
      </Alert>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <Count label="Created" value={counts.created} color="teal" />
        <Count label="Updated" value={counts.updated} color="blue" />
        <Count label="Unchanged" value={counts.unchanged} />
        <Count label="Failed" value={counts.failed} color="red" />
      </SimpleGrid>
      {detail.firstErrors.length > 0 && (
        <Table.ScrollContainer minWidth={480}>
          <Table verticalSpacing="xs" fz="sm" aria-label="First rows refused">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Line</Table.Th>
                <Table.Th>Column</Table.Th>
                <Table.Th>Problem</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {detail.firstErrors.map((error) => (
                <Table.Tr key={`${error.line}:${error.column}:${error.message}`}>
                  <Table.Td ff="monospace">{error.line}</Table.Td>
                  <Table.Td>{error.column ?? 'The whole row'}</Table.Td>
                  <Table.Td>{error.message}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Group gap="sm">
        {counts.failed > 0 && (
          <Button
            component="a"
            href={errorReportUrl(detail.id)}
            download
            variant="default"
            leftSection={<IconDownload size={16} />}
          >
            Download error report
          </Button>
        )}
        <Button leftSection={<IconFileImport size={16} />} onClick={onAgain}>
          Import another file
        </Button>
      </Group>
    </Stack>
  );
}

export function ImportRunStep({ detail, onAgain }: { detail: TImportDetail; onAgain: () => void }) {
  return detail.status === 'queued' || detail.status === 'running' ? (
    <ImportProgress detail={detail} />
  ) : (
    <ImportSummary detail={detail} onAgain={onAgain} />
  );
}
