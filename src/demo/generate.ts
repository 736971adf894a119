import { invalid } from '../domain/errors.js';
import type { Agreement, Closeout, IsoDate } from '../domain/model.js';
import { type ClientReturnRow, recordReturn } from './client-return.js';
import {
  type ClientStory,
  type ClosingClient,
  clientTickets,
  hasCloseout,
  tellClientStories,
} from './client-stories.js';
import {
  type AgreementRow,
  agreementRow,
  type ClientRow,
  type ContactRow,
  type ManagedSystemRow,
} from './clients.js';
import { compareText } from './order.js';
import { type MailRow, type OutboxCloseout, outboxMails } from './outbox.js';
import { invitePrimaryContact, type PortalUserRow, recordLastSignIn } from './portal.js';
import { createRandom, type Random } from './random.js';
import { followReviews, runCloseout } from './run-closeout.js';
import type { DemoAuditEvent } from './simulate.js';
import {
  buildOrganisation,
  buildStaff,
  type DemoOrganisationRow,
  type DemoStaff,
  type DemoUserRow,
} from './staff.js';
import { numberTickets, type TicketRow, ticketRow } from './tickets.js';
import { at, calendarDays, dayOf, minutesAfter } from './time.js';
import { type DemoHandoverSecret, handoverSecretsOf } from './vault.js';

export type { ClientReturnRow } from './client-return.js';
export type { MailRow } from './outbox.js';
export type { PortalUserRow } from './portal.js';
export type { DemoHandoverSecret } from './vault.js';

/**
 * A whole demo MSP as plain rows for every table, built without I/O from a seed: clients with
 * their people, agreements, systems and two years of tickets, and closeouts driven step by step
 * through the pure engine on a simulated clock, with the audit trail the API would have written.
 */

export type DemoScale = { clients: number; ticketsPerClient: number; closeouts: number };

/** MSP-11a: the seed of the demo everyone sees unless they ask for another. */
export const DEMO_SEED = 11;

/** About 40 clients, several hundred tickets and 14 closeouts that show every stage and outcome. */
export const DEFAULT_DEMO_SCALE: DemoScale = { clients: 40, ticketsPerClient: 12, closeouts: 14 };

export const BENCHMARK_DEMO_SCALE: DemoScale = {
  clients: 2_000,
  ticketsPerClient: 100,
  closeouts: 1_000,
};

export type DemoMsp = {
  organisation: DemoOrganisationRow;
  users: DemoUserRow[];
  clients: ClientRow[];
  contacts: ContactRow[];
  agreements: AgreementRow[];
  managedSystems: ManagedSystemRow[];
  tickets: TicketRow[];
  /** In reference order, each as the engine left it. */
  closeouts: Closeout[];
  clientReturns: ClientReturnRow[];
  /** Plain here; the loader seals them with the server's vault. */
  handoverSecrets: DemoHandoverSecret[];
  portalUsers: PortalUserRow[];
  /** Kept in the outbox: the demo MSP has no SMTP server. */
  mails: MailRow[];
  /** In the order they happened. */
  auditEvents: DemoAuditEvent[];
};

/** Where the demo's mails point when the caller does not say where the server runs. */
export const DEMO_PUBLIC_URL = 'http://localhost:3000';

const SETUP_ACTOR = { kind: 'system', name: 'Closeout demo' } as const;

function checkScale(scale: DemoScale): void {
  const whole = (value: number) => Number.isInteger(value) && value >= 0;
  if (!whole(scale.clients) || scale.clients < 1) {
    throw invalid('scale.clients', 'The demo needs at least one client.');
  }
  if (!whole(scale.ticketsPerClient)) {
    throw invalid('scale.ticketsPerClient', 'Tickets per client must be a whole number.');
  }
  if (!whole(scale.closeouts) || scale.closeouts > scale.clients) {
    throw invalid(
      'scale.closeouts',
      'The demo has at most one closeout per client: ask for no more closeouts than clients.',
    );
  }
}

/**
 * What the client did in the portal and what the vault holds for the closeout: the primary
 * contact invited once the meeting was scheduled, a secret per handover item, and the contact's
 * last sign-in.
 */
function clientSide(options: {
  random: Random;
  entry: ClosingClient;
  closeout: Closeout;
  events: readonly DemoAuditEvent[];
  staff: DemoStaff;
}) {
  const { random, entry, closeout, events, staff } = options;
  const momentOf = (action: string) => events.find((event) => event.action === action)?.at ?? null;
  const invited = invitePrimaryContact({
    random: random.fork('portal'),
    closeout,
    client: entry.client,
    staff,
    meetingScheduledAt: momentOf('schedule_meeting'),
  });
  const itemsAddedAt = momentOf('add_handover_items');
  const vault =
    itemsAddedAt === null
      ? { secrets: [], events: [] }
      : handoverSecretsOf({
          random: random.fork('vault'),
          closeout,
          client: entry.client,
          staff,
          itemsAddedAt,
          sessionAt: entry.timeline.sessionAt,
          portalUser: invited?.user ?? null,
        });
  if (invited !== null) {
    recordLastSignIn({
      random: random.fork('sign-in'),
      user: invited.user,
      closeout,
      revealedAt: vault.secrets.flatMap((secret) =>
        secret.clientRevealedAt === null ? [] : [secret.clientRevealedAt],
      ),
    });
  }
  return {
    portalUser: invited?.user ?? null,
    secrets: vault.secrets,
    events: [...(invited === null ? [] : [invited.event]), ...vault.events],
  };
}

/** What the closeout left the client as: its status, and its agreements ended if it left. */
function settleClient(entry: ClosingClient, closeout: Closeout): void {
  const { client, timeline } = entry;
  if (closeout.status === 'terminated') {
    const endedOn = closeout.meeting.agreement!.terminationDate;
    client.agreements = client.agreements.map((agreement) => ({
      ...agreement,
      status: 'ended',
      endedOn,
    }));
  }
  client.row.status =
    closeout.status === 'open'
      ? 'in_closeout'
      : closeout.status === 'terminated' && timeline.returnOn === null
        ? 'former'
        : 'active';
}

export function generateDemoMsp(options: {
  seed: number;
  scale: DemoScale;
  today: IsoDate;
  /** Where the server runs, for the links in the mails. */
  publicUrl?: string;
}): DemoMsp {
  const { seed, scale, today, publicUrl = DEMO_PUBLIC_URL } = options;
  checkScale(scale);
  const random = createRandom(seed);
  const orgId = random.fork('organisation').uuid();
  const entries: ClientStory[] = tellClientStories({
    random,
    orgId,
    clients: scale.clients,
    closeouts: scale.closeouts,
    today,
  });

  // The MSP started using Closeout a fortnight before its first closeout, or two years ago.
  const earliest = entries
    .flatMap((entry) => (entry.timeline === null ? [] : [dayOf(entry.timeline.openedAt)]))
    .concat(calendarDays(today, -730))
    .sort()[0]!;
  const createdAt = at(calendarDays(earliest, -14), 9);
  const organisation = buildOrganisation({ id: orgId, closeoutCount: scale.closeouts, createdAt });
  const { staff, rows: users } = buildStaff({ random: random.fork('staff'), orgId, createdAt });

  const ticketsByClient = entries.map((entry, index) =>
    clientTickets({
      random: random.fork(`tickets:${index}`),
      entry,
      ticketsPerClient: scale.ticketsPerClient,
      today,
    }),
  );
  const allTickets = ticketsByClient.flat();
  numberTickets(allTickets);
  for (const tickets of ticketsByClient) {
    tickets.sort((left, right) => compareText(left.number, right.number));
  }
  const ticketsById = new Map(allTickets.map((ticket) => [ticket.id, ticket]));

  const auditEvents: DemoAuditEvent[] = users.map((user, index) => ({
    orgId,
    closeoutId: null,
    entityType: 'user',
    entityId: user.id,
    action: 'create_user',
    actor: SETUP_ACTOR,
    before: null,
    after: { name: user.name, email: user.email, roles: user.roles, active: true },
    at: minutesAfter(createdAt, index),
  }));
  const closeouts: Closeout[] = [];
  const clientReturns: ClientReturnRow[] = [];
  const returnAgreements: Agreement[] = [];
  const handoverSecrets: DemoHandoverSecret[] = [];
  const outbox: OutboxCloseout[] = [];

  // References follow the order the closeouts were opened in, as the organisation's counter does.
  const closing = entries
    .flatMap((entry, index) => (hasCloseout(entry) ? [{ entry, index }] : []))
    .sort((left, right) =>
      compareText(left.entry.timeline.openedAt, right.entry.timeline.openedAt),
    );
  closing.forEach(({ entry, index }, position) => {
    const closeoutRandom = random.fork(`closeout:${index}`);
    const { closeout, events } = runCloseout({
      random: closeoutRandom,
      entry,
      reference: `CO-${String(position + 1).padStart(4, '0')}`,
      orgId,
      staff,
      tickets: ticketsByClient[index]!,
      today,
    });
    closeouts.push(closeout);
    auditEvents.push(...events);
    const client = clientSide({ random: closeoutRandom, entry, closeout, events, staff });
    handoverSecrets.push(...client.secrets);
    auditEvents.push(...client.events);
    outbox.push({ closeout, client: entry.client, portalUser: client.portalUser, events });
    followReviews(closeout, ticketsById);
    settleClient(entry, closeout);
    const { returnOn } = entry.timeline;
    if (closeout.status === 'terminated' && returnOn !== null) {
      const returned = recordReturn({
        random: closeoutRandom.fork('return'),
        closeout,
        returnOn,
        staff,
      });
      returnAgreements.push(returned.agreement);
      clientReturns.push(returned.row);
      auditEvents.push(returned.event);
      entry.client.row.notes = returned.clientNote;
    }
  });

  // Stable: events of the same moment keep the order they were produced in.
  auditEvents.sort((left, right) => compareText(left.at, right.at));
  const clients = entries.map((entry) => entry.client);
  return {
    organisation,
    users,
    clients: clients.map((client) => client.row),
    contacts: clients.flatMap((client) => [client.decisionMaker, client.technicalContact]),
    agreements: [...clients.flatMap((client) => client.agreements), ...returnAgreements].map(
      (agreement) => agreementRow(orgId, agreement),
    ),
    managedSystems: clients.flatMap((client) => client.systems),
    tickets: allTickets.map((ticket) => ticketRow(orgId, ticket)),
    closeouts,
    clientReturns,
    handoverSecrets,
    portalUsers: outbox.flatMap((entry) =>
      entry.portalUser === null ? [] : [entry.portalUser.row],
    ),
    mails: outboxMails({
      random: random.fork('outbox'),
      personalisation: organisation.personalisation,
      users,
      publicUrl,
      closeouts: outbox,
    }),
    auditEvents,
  };
}
