import { Alert } from '@mantine/core';
import { IconInbox, IconSend } from '@tabler/icons-react';
import type { TMailDelivery } from '../../../../src/server/mails/schema.js';

/** Whether mail leaves this server, and what that means for the links in it. */
export function DeliveryBanner({ delivery }: { delivery: TMailDelivery }) {
  if (delivery.mode === 'smtp') {
    return (
      <Alert
        variant="light"
        color="teal"
        icon={<IconSend size={18} />}
        title="Mail is sent by SMTP"
      >
        Mail goes out through {delivery.server} from {delivery.from}. Once a portal sign-in link has
        been sent, the copy kept here no longer shows the link.
      </Alert>
    );
  }
  return (
    <Alert
      variant="light"
      color="yellow"
      icon={<IconInbox size={18} />}
      title="No SMTP server is configured"
    >
      Mail is not sent: it stays in this outbox. Pass on what matters by hand — a portal invitation
      or sign-in link stays readable here for that reason. Set SMTP_URL (and MAIL_FROM) on the
      server to send mail.
    </Alert>
  );
}
