import '@mantine/dropzone/styles.css';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  CopyButton,
  Group,
  Progress,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import { IconArchive, IconCheck, IconCopy, IconLink } from '@tabler/icons-react';
import { useState } from 'react';
import { acceptedExtensions } from '../../../../../../src/files/schema.js';
import type {
  TBackupDownloadLink,
  TBackupDownloadState,
  TCreatedDownloadLink,
} from '../../../../../../src/server/backup-downloads/schema.js';
import type { TCloseoutDetail } from '../../../../../../src/server/closeouts/schema.js';
import {
  backupArchiveUrl,
  useBackupDownloadState,
  useCreateDownloadLink,
  useRevokeDownloadLink,
  useUploadBackupArchive,
} from '../../../../api/backup-downloads.js';
import { useCan } from '../../../../api/session.js';
import { DropzonePrompt } from '../../../../components/DropzonePrompt.js';
import { ProblemAlert } from '../../../../components/ProblemAlert.js';
import { formatMoment } from '../../../../format.js';
import { formatBytes } from './bytes.js';

type TBackupCopy = TCloseoutDetail['backupCopies'][number];

const ARCHIVES = acceptedExtensions('backup_copy')
  .map((extension) => `.${extension}`)
  .join(', ');

const LINK_DURATIONS = [
  { value: '24', label: '1 day' },
  { value: '168', label: '7 days' },
  { value: '336', label: '14 days' },
  { value: '720', label: '30 days' },
];

const LINK_STATUS = {
  active: { label: 'Active', color: 'teal' },
  expired: { label: 'Expired', color: 'gray' },
  revoked: { label: 'Revoked', color: 'red' },
} as const;

function ArchiveUpload({
  closeoutId,
  copy,
  onUploaded,
}: {
  closeoutId: string;
  copy: TBackupCopy;
  onUploaded: () => void;
}) {
  const upload = useUploadBackupArchive(closeoutId, copy.id);
  const percent = Math.round(upload.progress * 100);
  return (
    <Stack gap="xs">
      <ProblemAlert error={upload.error} title="The archive was not uploaded" />
      <Dropzone
        onDrop={(files) => {
          const [file] = files;
          if (file !== undefined) upload.mutate(file, { onSuccess: onUploaded });
        }}
        multiple={false}
        disabled={upload.isPending}
        aria-label={`Drop the archive of “${copy.description}” here, or press to choose it`}
        inputProps={{ 'aria-label': `Archive of “${copy.description}”` }}
        p="sm"
      >
        <DropzonePrompt icon={IconArchive} title="Drop the archive here, or press to choose it">
          Exactly the file recorded above ({formatBytes(copy.sizeBytes)}, the same SHA-256):{' '}
          {ARCHIVES}.
        </DropzonePrompt>
      </Dropzone>
      {upload.isPending && (
        <Stack gap={2}>
          <Progress value={percent} aria-label="Upload progress" animated />
          <Text size="xs" c="dimmed">
            {percent} % sent; the checksum is checked once it has all arrived.
          </Text>
        </Stack>
      )}
    </Stack>
  );
}

function NewLink({ created }: { created: TCreatedDownloadLink }) {
  return (
    <Alert color="teal" variant="light" title="Download link created" icon={<IconLink size={18} />}>
      <Stack gap="xs">
        <Text size="sm">
          Copy it now and send it to the client: it is shown only once. It works until{' '}
          {formatMoment(created.expiresAt)}.
        </Text>
        <Group gap="xs" wrap="nowrap" align="flex-end">
          <TextInput
            label="Download link"
            value={created.url}
            readOnly
            style={{ flex: 1 }}
            onFocus={(event) => event.currentTarget.select()}
          />
          <CopyButton value={created.url}>
            {({ copied, copy }) => (
              <Button
                variant="light"
                color={copied ? 'teal' : undefined}
                leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                onClick={copy}
              >
                {copied ? 'Copied' : 'Copy'}
              </Button>
            )}
          </CopyButton>
        </Group>
      </Stack>
    </Alert>
  );
}

function CreateLink({ closeoutId, copyId }: { closeoutId: string; copyId: string }) {
  const [hours, setHours] = useState('168');
  const create = useCreateDownloadLink(closeoutId, copyId);
  return (
    <Stack gap="xs">
      <Group gap="xs" align="flex-end">
        <Select
          label="Link works for"
          data={LINK_DURATIONS}
          value={hours}
          onChange={(value) => setHours(value ?? '168')}
          allowDeselect={false}
          w={140}
        />
        <Button
          variant="light"
          leftSection={<IconLink size={16} />}
          loading={create.isPending}
          onClick={() => create.mutate({ ttlHours: Number(hours) })}
        >
          Create download link
        </Button>
      </Group>
      <ProblemAlert error={create.error} title="No link was created" />
      {create.data !== undefined && <NewLink created={create.data} />}
    </Stack>
  );
}

function Links({
  closeoutId,
  copyId,
  links,
  revocable,
}: {
  closeoutId: string;
  copyId: string;
  links: TBackupDownloadLink[];
  revocable: boolean;
}) {
  const revoke = useRevokeDownloadLink(closeoutId, copyId);
  if (links.length === 0) return null;
  return (
    <Stack gap={4}>
      <ProblemAlert error={revoke.error} title="The link was not revoked" />
      <Table.ScrollContainer minWidth={480}>
        <Table verticalSpacing={4} aria-label="Download links">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Created</Table.Th>
              <Table.Th>By</Table.Th>
              <Table.Th>Expires</Table.Th>
              <Table.Th>Status</Table.Th>
              {revocable && (
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {links.map((link) => (
              <Table.Tr key={link.id}>
                <Table.Td>{formatMoment(link.createdAt)}</Table.Td>
                <Table.Td>{link.createdBy}</Table.Td>
                <Table.Td>{formatMoment(link.expiresAt)}</Table.Td>
                <Table.Td>
                  <Badge color={LINK_STATUS[link.status].color} variant="light" tt="none">
                    {LINK_STATUS[link.status].label}
                  </Badge>
                </Table.Td>
                {revocable && (
                  <Table.Td>
                    {link.status === 'active' && (
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color="red"
                        aria-label={`Revoke the link created ${formatMoment(link.createdAt)}`}
                        loading={revoke.isPending && revoke.variables === link.id}
                        onClick={() => revoke.mutate(link.id)}
                      >
                        Revoke
                      </Button>
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

function Downloads({ downloads }: { downloads: TBackupDownloadState['downloads'] }) {
  if (downloads.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Not downloaded yet.
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table verticalSpacing={4} aria-label="Downloads">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>When</Table.Th>
            <Table.Th>Who</Table.Th>
            <Table.Th>From</Table.Th>
            <Table.Th>Outcome</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {downloads.map((download) => (
            <Table.Tr key={download.id}>
              <Table.Td>{formatMoment(download.downloadedAt)}</Table.Td>
              <Table.Td>{download.downloadedBy}</Table.Td>
              <Table.Td>
                <Text size="sm">{download.ip}</Text>
                <Text size="xs" c="dimmed" lineClamp={1} title={download.userAgent}>
                  {download.userAgent}
                </Text>
              </Table.Td>
              <Table.Td>
                {download.completed ? (
                  <Badge color="teal" variant="light" tt="none">
                    Completed
                  </Badge>
                ) : (
                  <Badge color="yellow" variant="light" tt="none">
                    Not completed
                  </Badge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * A backup copy handed over by download: its archive uploaded (with progress), expiring links to
 * give the client, and every download of it.
 */
export function BackupDownload({
  closeout,
  copy,
  editable,
}: {
  closeout: TCloseoutDetail;
  copy: TBackupCopy;
  editable: boolean;
}) {
  const state = useBackupDownloadState(closeout.id, copy.id);
  const handsOver = useCan('closeout.handover');
  const [replacing, setReplacing] = useState(false);
  if (state.isPending) {
    return (
      <Text size="sm" c="dimmed">
        Loading the download hand-over…
      </Text>
    );
  }
  if (state.isError) return <ProblemAlert error={state.error} title="The download hand-over" />;
  const { archive, links, downloads } = state.data;
  const changeable = editable && handsOver;
  return (
    <Stack gap="sm" aria-label={`Download of “${copy.description}”`} component="section">
      {archive === null ? (
        changeable ? (
          <ArchiveUpload closeoutId={closeout.id} copy={copy} onUploaded={() => undefined} />
        ) : (
          <Text size="sm" c="dimmed">
            The archive has not been uploaded yet.
          </Text>
        )
      ) : (
        <Stack gap={4}>
          <Group gap="xs" wrap="wrap">
            <IconArchive size={16} aria-hidden />
            {handsOver ? (
              <Anchor size="sm" href={backupArchiveUrl(closeout.id, copy.id)} download>
                {archive.fileName}
              </Anchor>
            ) : (
              <Text size="sm">{archive.fileName}</Text>
            )}
            <Text size="xs" c="dimmed">
              {formatBytes(archive.sizeBytes)} · checksum matches · uploaded by {archive.uploadedBy}{' '}
              · {formatMoment(archive.uploadedAt)}
            </Text>
            {changeable && !replacing && (
              <Button size="compact-xs" variant="subtle" onClick={() => setReplacing(true)}>
                Upload again
              </Button>
            )}
          </Group>
          {replacing && (
            <ArchiveUpload
              closeoutId={closeout.id}
              copy={copy}
              onUploaded={() => setReplacing(false)}
            />
          )}
        </Stack>
      )}
      {archive !== null && changeable && <CreateLink closeoutId={closeout.id} copyId={copy.id} />}
      <Links closeoutId={closeout.id} copyId={copy.id} links={links} revocable={changeable} />
      {archive !== null && (
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            Downloads
          </Text>
          <Downloads downloads={downloads} />
        </Stack>
      )}
    </Stack>
  );
}
