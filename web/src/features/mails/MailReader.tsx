import { Alert, Group, List, Modal, Stack, Tabs, Text } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import type { TMail } from '../../../../src/server/mails/schema.js';
import { useMail } from '../../api/mails.js';
import { QueryState } from '../../components/QueryState.js';
import { formatMoment } from '../../format.js';
import { MAIL_KIND_LABELS } from './labels.js';
import { MailStatusBadge } from './MailStatusBadge.js';

const kilobytes = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024))} KB`;

function MailContent({ mail }: { mail: TMail }) {
  return (
    <Stack gap="sm">
      <Group gap="xs">
        <MailStatusBadge status={mail.status} />
        <Text size="sm" c="dimmed">
          {MAIL_KIND_LABELS[mail.kind]} · queued {formatMoment(mail.createdAt)}
          {mail.sentAt === null ? '' : ` · sent ${formatMoment(mail.sentAt)}`}
        </Text>
      </Group>
      <Text size="sm">
        To: {mail.to.name === '' ? mail.to.address : `${mail.to.name} <${mail.to.address}>`}
      </Text>
      {mail.lastError !== null && (
        <Alert color="red" variant="light" title="The mail server answered">
          {mail.lastError}
        </Alert>
      )}
      {mail.attachments.length > 0 && (
        <List size="sm" icon={<IconPaperclip size={14} />} aria-label="Attachments">
          {mail.attachments.map((attachment) => (
            <List.Item key={attachment.filename}>
              {attachment.filename} ({kilobytes(attachment.sizeBytes)})
            </List.Item>
          ))}
        </List>
      )}
      <Tabs defaultValue="html">
        <Tabs.List>
          <Tabs.Tab value="html">As the reader sees it</Tabs.Tab>
          <Tabs.Tab value="text">Plain text</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="html" pt="sm">
          {/* An empty sandbox: the mail's HTML can neither run script nor reach this page. */}
          <iframe
            title={`Mail: ${mail.subject}`}
            sandbox=""
            srcDoc={mail.html}
            style={{ width: '100%', height: 520, border: 0, borderRadius: 8 }}
          />
        </Tabs.Panel>
        <Tabs.Panel value="text" pt="sm">
          <Text
            component="pre"
            size="sm"
            style={{ whiteSpace: 'pre-wrap', fontFamily: 'var(--mantine-font-family-monospace)' }}
          >
            {mail.text}
          </Text>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

/** One mail, opened from the outbox: its HTML in a sandboxed frame, its text, its attachments. */
export function MailReader({
  mailId,
  subject,
  onClose,
}: {
  mailId: string;
  /** Known from the list; otherwise the loaded mail's. */
  subject: string | undefined;
  onClose: () => void;
}) {
  const mail = useMail(mailId);
  return (
    <Modal opened onClose={onClose} title={subject ?? mail.data?.subject ?? 'Mail'} size="xl">
      <QueryState query={mail} loadingLabel="Loading the mail…">
        {(loaded) => <MailContent mail={loaded} />}
      </QueryState>
    </Modal>
  );
}
