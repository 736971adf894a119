import { Anchor, Button, Card, Group, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconRotateClockwise } from '@tabler/icons-react';
import { type TMailSummary, ZMailKind, ZMailStatus } from '../../../../src/server/mails/schema.js';
import { errorMessage } from '../../api/http.js';
import { useMails, useResendMail } from '../../api/mails.js';
import { useCan } from '../../api/session.js';
import { DataTable } from '../../components/DataTable.js';
import { EmptyState, QueryState } from '../../components/QueryState.js';
import { SectionHeader } from '../../components/SectionHeader.js';
import { TablePagination } from '../../components/TablePagination.js';
import { useListParams } from '../../components/use-list-params.js';
import { useSearchParamState } from '../../components/use-search-param-state.js';
import { formatMoment } from '../../format.js';
import { ReadOnlyNotice } from '../settings/ReadOnlyNotice.js';
import { DeliveryBanner } from './DeliveryBanner.js';
import { MAIL_KIND_LABELS, MAIL_STATUS_LABELS } from './labels.js';
import { MailReader } from './MailReader.js';
import { MailStatusBadge } from './MailStatusBadge.js';

const PAGE_SIZE = 25;

function ResendButton({ mail }: { mail: TMailSummary }) {
  const resend = useResendMail();
  return (
    <Button
      size="xs"
      variant="light"
      leftSection={<IconRotateClockwise size={14} />}
      loading={resend.isPending}
      aria-label={`Send again: ${mail.subject} to ${mail.to.address}`}
      onClick={() =>
        resend.mutate(mail.id, {
          onSuccess: () =>
            notifications.show({ color: 'teal', message: `Queued again for ${mail.to.address}.` }),
          onError: (error) =>
            notifications.show({
              color: 'red',
              title: 'Not sent again',
              message: errorMessage(error),
            }),
        })
      }
    >
      Send again
    </Button>
  );
}

function Outbox() {
  const list = useListParams<'mailStatus' | 'mailKind'>();
  const status = ZMailStatus.safeParse(list.params.get('mailStatus')).data;
  const kind = ZMailKind.safeParse(list.params.get('mailKind')).data;
  // The open mail has its own address, and opening it keeps the page the list is on.
  const [openMailId, setOpenMail] = useSearchParamState('mail', {
    parse: (value) => value ?? undefined,
    fallback: '',
  });
  const mails = useMails({ status, kind, page: list.page, pageSize: PAGE_SIZE });
  const openMail = mails.data?.items.find((mail) => mail.id === openMailId);

  return (
    <Stack gap="md">
      {mails.data !== undefined && <DeliveryBanner delivery={mails.data.delivery} />}
      <Group gap="md" align="flex-end">
        <SegmentedControl
          aria-label="Show mails"
          value={status ?? 'all'}
          onChange={(value) => list.change({ mailStatus: value === 'all' ? null : value })}
          data={[
            { value: 'all', label: 'All' },
            ...ZMailStatus.options.map((option) => ({
              value: option,
              label: MAIL_STATUS_LABELS[option],
            })),
          ]}
        />
        <Select
          label="Kind"
          placeholder="Every kind"
          clearable
          w={240}
          value={kind ?? null}
          onChange={(value) => list.change({ mailKind: value })}
          data={ZMailKind.options.map((option) => ({
            value: option,
            label: MAIL_KIND_LABELS[option],
          }))}
        />
      </Group>
      <Card withBorder padding={0}>
        <QueryState
          query={mails}
          loadingLabel="Loading the mails…"
          isEmpty={(page) => page.items.length === 0}
          empty={
            <EmptyState
              title={status === undefined && kind === undefined ? 'No mail yet' : 'No mails match'}
            >
              {status === undefined && kind === undefined
                ? 'Invitations, sign-in links, meeting invitations and digests show here once Closeout writes them.'
                : 'Try another status or kind.'}
            </EmptyState>
          }
        >
          {(page) => (
            <DataTable
              rows={page.items}
              rowKey={(mail) => mail.id}
              minWidth={880}
              label="Mails"
              columns={[
                {
                  header: 'Subject',
                  cell: (mail) => (
                    <>
                      <Anchor
                        component="button"
                        type="button"
                        size="sm"
                        fw={500}
                        ta="left"
                        onClick={() => setOpenMail(mail.id)}
                      >
                        {mail.subject}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {MAIL_KIND_LABELS[mail.kind]}
                      </Text>
                    </>
                  ),
                },
                {
                  header: 'To',
                  cell: (mail) => (
                    <Text size="sm">{mail.to.name === '' ? mail.to.address : mail.to.name}</Text>
                  ),
                },
                { header: 'Status', cell: (mail) => <MailStatusBadge status={mail.status} /> },
                {
                  header: 'Queued',
                  cell: (mail) => <Text size="sm">{formatMoment(mail.createdAt)}</Text>,
                },
                {
                  header: 'Last error',
                  cell: (mail) =>
                    mail.lastError === null ? (
                      <Text size="sm" c="dimmed">
                        —
                      </Text>
                    ) : (
                      <Text size="sm" c="red" lineClamp={2} maw={260}>
                        {mail.lastError}
                      </Text>
                    ),
                },
                {
                  header: 'Actions',
                  width: 140,
                  cell: (mail) => (mail.status === 'failed' ? <ResendButton mail={mail} /> : null),
                },
              ]}
            />
          )}
        </QueryState>
      </Card>
      <TablePagination
        page={list.page}
        pageSize={PAGE_SIZE}
        total={mails.data?.total ?? 0}
        noun="mails"
        onPage={list.setPage}
      />
      {openMailId !== '' && (
        <MailReader
          mailId={openMailId}
          subject={openMail?.subject}
          onClose={() => setOpenMail('')}
        />
      )}
    </Stack>
  );
}

/** Settings → Outbox: every mail Closeout wrote, whether it went out, and what it said. */
export function OutboxSettings() {
  const canManage = useCan('settings.manage');
  return (
    <>
      <SectionHeader
        title="Outbox"
        description="Portal invitations and sign-in links, meeting invitations, daily task digests and closeout notices, newest first."
      >
        {!canManage && <ReadOnlyNotice>Only an administrator can read the mails.</ReadOnlyNotice>}
      </SectionHeader>
      {canManage && <Outbox />}
    </>
  );
}
