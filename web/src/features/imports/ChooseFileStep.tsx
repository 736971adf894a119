import '@mantine/dropzone/styles.css';
import { Group, Select, Stack, Text } from '@mantine/core';
import { Dropzone, type FileRejection } from '@mantine/dropzone';
import { IconFileTypeCsv, IconUpload, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import type { TImportEntity, TImportFormats } from '../../../../src/server/imports/schema.js';
import { useUploadImport } from '../../api/imports.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';

/** The API keeps uploads up to 1 GB; a larger file is refused here, before it is sent. */
const MAX_FILE_BYTES = 1e9;

const CSV_TYPES = ['text/csv', 'application/csv', 'application/vnd.ms-excel', '.csv'];

const rejection = (rejections: FileRejection[]): string =>
  rejections[0]?.errors[0]?.code === 'file-too-large'
    ? 'The file is larger than 1 GB; split it into several files.'
    : 'Choose one CSV file (.csv).';

/** Step 1: what the file holds, and the file itself. */
export function ChooseFileStep({
  formats,
  onUploaded,
}: {
  formats: TImportFormats;
  onUploaded: (importId: string) => void;
}) {
  const upload = useUploadImport();
  const [entity, setEntity] = useState<TImportEntity>(formats.entities[0]?.entity ?? 'clients');
  const [refused, setRefused] = useState<string | null>(null);
  const chosen = formats.entities.find((candidate) => candidate.entity === entity);

  const send = (file: File) => {
    setRefused(null);
    upload.mutate({ file, entity }, { onSuccess: (detail) => onUploaded(detail.id) });
  };

  return (
    <Stack gap="md">
      <Select
        label="What to import"
        description="One kind of record per file. Records already imported from the same source are updated, not doubled."
        allowDeselect={false}
        maw={360}
        data={formats.entities.map((candidate) => ({
          value: candidate.entity,
          label: candidate.label,
        }))}
        value={entity}
        onChange={(value) => {
          const next = formats.entities.find((candidate) => candidate.entity === value);
          if (next !== undefined) setEntity(next.entity);
        }}
      />
      {chosen !== undefined && (
        <Text size="sm" c="dimmed">
          Accepted: {chosen.formats.map((format) => format.label).join(', ')}.
        </Text>
      )}
      <ProblemAlert error={upload.error} title="The file was not uploaded" />
      {refused !== null && <ProblemAlert error={new Error(refused)} title="Not a file to import" />}
      <Dropzone
        onDrop={(files) => {
          const [file] = files;
          if (file !== undefined) send(file);
        }}
        onReject={(rejections) => setRefused(rejection(rejections))}
        accept={CSV_TYPES}
        multiple={false}
        maxSize={MAX_FILE_BYTES}
        loading={upload.isPending}
        aria-label="Drop the CSV file here, or press to choose it"
        inputProps={{ 'aria-label': 'CSV file' }}
      >
        <Group justify="center" gap="lg" mih={160} style={{ pointerEvents: 'none' }}>
          <Dropzone.Accept>
            <IconUpload size={44} stroke={1.5} color="var(--mantine-primary-color-filled)" />
          </Dropzone.Accept>
          <Dropzone.Reject>
            <IconX size={44} stroke={1.5} color="var(--mantine-color-red-filled)" />
          </Dropzone.Reject>
          <Dropzone.Idle>
            <IconFileTypeCsv size={44} stroke={1.5} color="var(--mantine-color-dimmed)" />
          </Dropzone.Idle>
          <Stack gap={4}>
            <Text size="lg" fw={500}>
              Drop the CSV file here, or press to choose it
            </Text>
            <Text size="sm" c="dimmed">
              UTF-8, its first line naming the columns; up to 1 GB. Nothing is imported until you
              have checked the columns.
            </Text>
          </Stack>
        </Group>
      </Dropzone>
    </Stack>
  );
}
