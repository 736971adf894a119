import type { z } from 'zod';

/**
 * What Closeout needs from a PSA, whatever the vendor: read the client's side of the
 * relationship (clients, agreements, open tickets, documented logins) and write the ticket
 * review's outcome back. Each vendor module under `src/integrations/psa/<vendor>/` implements it
 * against that vendor's public REST API; nothing outside those modules knows a vendor's URLs,
 * headers or field names.
 */

export const PSA_VENDORS = ['connectwise', 'autotask', 'halopsa', 'itflow'] as const;
export type PsaVendor = (typeof PSA_VENDORS)[number];

/** A calendar day, `YYYY-MM-DD`. */
type Day = string;
/** A moment, ISO 8601 in UTC. */
type Moment = string;

export type PsaClient = {
  externalId: string;
  name: string;
  /** When the relationship started, when the PSA knows it. */
  clientSince: Day | null;
  industry: string;
};

export type PsaAgreement = {
  externalId: string;
  clientExternalId: string;
  name: string;
  /** Recurring revenue per month, in the PSA's currency; 0 when the PSA does not say. */
  monthlyRecurringRevenue: number;
  startDate: Day;
  termEndDate: Day | null;
  /** Null when the PSA does not record it; Closeout then keeps its own default. */
  noticePeriodDays: number | null;
  status: 'active' | 'ended';
  endedOn: Day | null;
};

/** A ticket with its status mapped to Closeout's three: open, completed or cancelled. */
export type PsaTicket = {
  externalId: string;
  clientExternalId: string;
  /** The number staff and the client quote, e.g. "T-20260412.0003" or "1042". */
  number: string;
  title: string;
  status: 'open' | 'completed' | 'cancelled';
  priority: string;
  openedAt: Moment;
  closedAt: Moment | null;
};

/**
 * A login documented for the client, brought into the handover list. The secret itself is never
 * read here: only what names the credential.
 */
export type PsaCredential = {
  externalId: string;
  clientExternalId: string;
  /** The system it opens, e.g. "Firewall" or "Microsoft 365". */
  systemName: string;
  /** What identifies the login, e.g. "admin@contoso.com". */
  username: string;
  uri: string;
  description: string;
};

export type PsaConnectionCheck = {
  /** A sentence for the user, e.g. "Connected to ConnectWise as Contoso IT (v2025.1)." */
  message: string;
};

export interface PsaConnector {
  readonly vendor: PsaVendor;
  /** Signs in and reads one harmless thing; throws a PsaError saying what is wrong. */
  testConnection(): Promise<PsaConnectionCheck>;
  /** Every client (company, account) the MSP serves, all pages. */
  listClients(): Promise<PsaClient[]>;
  /** The client's agreements (contracts), all pages. */
  listAgreements(clientExternalId: string): Promise<PsaAgreement[]>;
  /** The client's tickets that are not closed, all pages. */
  listOpenTickets(clientExternalId: string): Promise<PsaTicket[]>;
  /** The current state of these tickets (to see the ones closed in the PSA); unknown ids are left out. */
  getTickets(externalIds: string[]): Promise<PsaTicket[]>;
  /** Closes (or resolves) a ticket the review cancelled, with a note that says why. */
  closeCancelledTicket(externalId: string, note: string): Promise<void>;
  /** Adds a note to a ticket the review completed; its status is left as the PSA has it. */
  noteCompletedTicket(externalId: string, note: string): Promise<void>;
  /** The client's documented logins, where the PSA documents them (ITFlow). */
  listCredentials?(clientExternalId: string): Promise<PsaCredential[]>;
}

/**
 * A vendor module: the zod schemas of its connection settings (shown and returned) and secrets
 * (write-only, stored encrypted), and how to build a connector from them.
 */
export type PsaVendorModule<
  Settings extends z.ZodObject = z.ZodObject,
  Secrets extends z.ZodObject = z.ZodObject,
> = {
  vendor: PsaVendor;
  /** The product's name as its vendor writes it, e.g. "ConnectWise PSA". */
  label: string;
  settingsSchema: Settings;
  secretsSchema: Secrets;
  create(options: { settings: z.infer<Settings>; secrets: z.infer<Secrets> }): PsaConnector;
  /** Its connectors implement `listCredentials`. */
  documentsCredentials?: boolean;
};
