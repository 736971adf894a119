import '@mantine/dropzone/styles.css';
import { ActionIcon, Anchor, Button, Group, Stack, Text, Tooltip } from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import { IconPaperclip, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { acceptedExtensions, type TStoredFile } from '../../../../../../src/files/schema.js';
import type { Permission } from '../../../../../../src/server/auth/permissions.js';
import {
  type EvidenceSubject,
  evidenceDownloadUrl,
  useCloseoutEvidence,
  useDeleteEvidence,
  useUploadEvidence,
} from '../../../../api/evidence.js';
import { useCan } from '../../../../api/session.js';
import { ConfirmModal } from '../../../../components/ConfirmModal.js';
import { DropzonePrompt } from '../../../../components/DropzonePrompt.js';
import { ProblemAlert } from '../../../../components/ProblemAlert.js';
import { formatMoment } from '../../../../format.js';
import { formatBytes } from '../session/bytes.js';

const ACCEPTED = acceptedExtensions('task_evidence')
  .map((extension) => `.${extension}`)
  .join(', ');

function EvidenceDropzone({
  closeoutId,
  subject,
  name,
  onClose,
}: {
  closeoutId: string;
  subject: EvidenceSubject;
  name: string;
  onClose: () => void;
}) {
  const upload = useUploadEvidence(closeoutId, subject);
  const send = async (files: File[]) => {
    for (const file of files) {
      try {
        await upload.mutateAsync(file);
      } catch {
        return;
      }
    }
    onClose();
  };
  return (
    <Stack gap="xs">
      <ProblemAlert error={upload.error} title="The file was not attached" />
      <Dropzone
        onDrop={(files) => void send(files)}
        loading={upload.isPending}
        aria-label={`Drop evidence files for “${name}” here, or press to choose them`}
        inputProps={{ 'aria-label': `Evidence files for “${name}”` }}
        p="sm"
      >
        <DropzonePrompt icon={IconPaperclip} title="Drop files here, or press to choose them">
          Documents, screenshots, exports or saved emails: {ACCEPTED}.
        </DropzonePrompt>
      </Dropzone>
      <Group justify="flex-end">
        <Button size="xs" variant="default" onClick={onClose}>
          Done
        </Button>
      </Group>
    </Stack>
  );
}

function EvidenceFile({
  closeoutId,
  subject,
  file,
  removable,
  onRemove,
}: {
  closeoutId: string;
  subject: EvidenceSubject;
  file: TStoredFile;
  removable: boolean;
  onRemove: () => void;
}) {
  return (
    <Group component="li" gap={6} wrap="nowrap" style={{ listStyle: 'none' }}>
      <IconPaperclip size={14} aria-hidden />
      <Anchor
        size="sm"
        href={evidenceDownloadUrl(closeoutId, subject, file.id)}
        download={file.fileName}
        style={{ wordBreak: 'break-all' }}
      >
        {file.fileName}
      </Anchor>
      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
        {formatBytes(file.sizeBytes)} · {file.uploadedBy} · {formatMoment(file.uploadedAt)}
      </Text>
      {removable && (
        <Tooltip label="Remove this file">
          <ActionIcon
            variant="subtle"
            color="red"
            size="sm"
            aria-label={`Remove ${file.fileName}`}
            onClick={onRemove}
          >
            <IconTrash size={14} />
          </ActionIcon>
        </Tooltip>
      )}
    </Group>
  );
}

/**
 * The evidence files of one task or handover item: each downloadable, removable by whoever may
 * work the item, and more attached by dropping them in.
 */
export function EvidenceFiles({
  closeoutId,
  subject,
  name,
  editable,
  permission,
  blockedReason = null,
}: {
  closeoutId: string;
  subject: EvidenceSubject;
  /** The task's or the credential's name, for labels. */
  name: string;
  editable: boolean;
  permission: Permission;
  /** Why this user may not change this item's files besides its roles (Finance on others' tasks). */
  blockedReason?: string | null;
}) {
  const evidence = useCloseoutEvidence(closeoutId);
  const allowed = useCan(permission) && blockedReason === null && editable;
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<TStoredFile | null>(null);
  const remove = useDeleteEvidence(closeoutId, subject);
  if (evidence.isError) {
    return (
      <Text size="xs" c="dimmed">
        The evidence files could not be loaded.
      </Text>
    );
  }
  const files = (evidence.data?.items ?? []).filter((file) => file.subjectId === subject.id);
  if (files.length === 0 && !allowed) return null;
  return (
    <Stack gap={4}>
      {files.length > 0 && (
        <Stack component="ul" gap={2} p={0} m={0} aria-label={`Evidence files of “${name}”`}>
          {files.map((file) => (
            <EvidenceFile
              key={file.id}
              closeoutId={closeoutId}
              subject={subject}
              file={file}
              removable={allowed}
              onRemove={() => {
                remove.reset();
                setRemoving(file);
              }}
            />
          ))}
        </Stack>
      )}
      {allowed &&
        (adding ? (
          <EvidenceDropzone
            closeoutId={closeoutId}
            subject={subject}
            name={name}
            onClose={() => setAdding(false)}
          />
        ) : (
          <Group>
            <Button
              size="compact-xs"
              variant="subtle"
              leftSection={<IconPaperclip size={14} />}
              aria-label={`Attach evidence to “${name}”`}
              onClick={() => setAdding(true)}
            >
              Attach evidence
            </Button>
          </Group>
        ))}
      {removing !== null && (
        <ConfirmModal
          title="Remove this evidence file?"
          confirmLabel="Remove file"
          confirming={remove.isPending}
          error={remove.error}
          onConfirm={() => remove.mutate(removing.id, { onSuccess: () => setRemoving(null) })}
          onClose={() => setRemoving(null)}
        >
          <Text size="sm">
            {removing.fileName} will no longer be attached to “{name}”. The audit trail keeps that
            it was.
          </Text>
        </ConfirmModal>
      )}
    </Stack>
  );
}
