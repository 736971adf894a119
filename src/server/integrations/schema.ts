import { z } from 'zod';

/**
 * The contract of Settings → Integrations: PSA connections, the background jobs, and a
 * closeout's link to its PSA. Shared with the web app, so it imports nothing from the server.
 */

const ZId = z.uuid();
const ZMoment = z.iso.datetime({ offset: true });

export const ZPsaVendor = z.enum(['connectwise', 'autotask', 'halopsa', 'itflow']);
export type TPsaVendor = z.infer<typeof ZPsaVendor>;

/** One field of a vendor's connection form, read from the vendor module's zod schema. */
export const ZVendorField = z.object({
  name: z.string(),
  description: z.string(),
  type: z.enum(['string', 'number', 'boolean']),
  required: z.boolean(),
  default: z.union([z.string(), z.number(), z.boolean()]).nullable(),
  format: z.string().nullable(),
});
export type TVendorField = z.infer<typeof ZVendorField>;

export const ZPsaVendorDescription = z.object({
  vendor: ZPsaVendor,
  label: z.string(),
  settings: z.array(ZVendorField),
  /** Write-only: stored encrypted, never returned. */
  secrets: z.array(ZVendorField),
  /** Whether the vendor documents the client's logins (brought into the handover list). */
  documentsCredentials: z.boolean(),
});
export type TPsaVendorDescription = z.infer<typeof ZPsaVendorDescription>;

export const ZConnectionTest = z.object({
  at: ZMoment,
  ok: z.boolean(),
  message: z.string(),
});
export type TConnectionTest = z.infer<typeof ZConnectionTest>;

export const ZPsaConnection = z.object({
  id: ZId,
  vendor: ZPsaVendor,
  /** The product's name as its vendor writes it, e.g. "ConnectWise PSA". */
  vendorLabel: z.string(),
  name: z.string(),
  settings: z.record(z.string(), z.unknown()),
  /** The names of the secrets that are stored; their values never leave the server. */
  storedSecrets: z.array(z.string()),
  enabled: z.boolean(),
  syncIntervalMinutes: z.number().int(),
  pushBack: z.boolean(),
  lastTest: ZConnectionTest.nullable(),
  lastSyncedAt: ZMoment.nullable(),
  createdAt: ZMoment,
  updatedAt: ZMoment,
});
export type TPsaConnection = z.infer<typeof ZPsaConnection>;

const connectionOptions = {
  name: z.string().trim().min(1, 'Required').max(120),
  enabled: z.boolean(),
  /** How often the tickets of open closeouts are synced; 0 turns the schedule off. */
  syncIntervalMinutes: z.number().int().min(0).max(1440),
  /** Write the review's outcome back to the PSA (close cancelled tickets, note completed ones). */
  pushBack: z.boolean(),
};

export const ZCreatePsaConnectionRequest = z.object({
  vendor: ZPsaVendor,
  ...connectionOptions,
  enabled: connectionOptions.enabled.default(true),
  syncIntervalMinutes: connectionOptions.syncIntervalMinutes.default(15),
  pushBack: connectionOptions.pushBack.default(true),
  /** Checked against the vendor's own settings. */
  settings: z.record(z.string(), z.unknown()),
  secrets: z.record(z.string(), z.string()),
});
export type TCreatePsaConnectionRequest = z.input<typeof ZCreatePsaConnectionRequest>;

export const ZUpdatePsaConnectionRequest = z
  .object({
    ...connectionOptions,
    settings: z.record(z.string(), z.unknown()),
    /** Only the secrets given are replaced; the others stay as stored. */
    secrets: z.record(z.string(), z.string()),
  })
  .partial();
export type TUpdatePsaConnectionRequest = z.infer<typeof ZUpdatePsaConnectionRequest>;

export const ZConnectionParams = z.object({ connectionId: ZId });

export const ZJobStatus = z.enum(['queued', 'running', 'succeeded', 'failed']);
export type TJobStatus = z.infer<typeof ZJobStatus>;

export const ZJobKind = z.enum(['csv_import', 'psa_sync', 'psa_push_ticket', 'psa_import_clients']);
export type TJobKind = z.infer<typeof ZJobKind>;

export const ZJob = z.object({
  id: ZId,
  kind: ZJobKind,
  /** What the job is about, in words: "Sync tickets of Contoso (CO-2026-004)". */
  summary: z.string(),
  status: ZJobStatus,
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  /** When it runs (next, for a queued job waiting for a retry). */
  runAt: ZMoment,
  lastError: z.string().nullable(),
  progress: z
    .object({ done: z.number(), total: z.number().nullable(), unit: z.string() })
    .nullable(),
  result: z.record(z.string(), z.unknown()).nullable(),
  createdAt: ZMoment,
  startedAt: ZMoment.nullable(),
  finishedAt: ZMoment.nullable(),
});
export type TJob = z.infer<typeof ZJob>;

export const ZJobPage = z.object({
  items: z.array(ZJob),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type TJobPage = z.infer<typeof ZJobPage>;

export const ZListJobsQuery = z.object({
  status: ZJobStatus.optional(),
  kind: ZJobKind.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});
export type TListJobsQuery = z.infer<typeof ZListJobsQuery>;

export const ZJobParams = z.object({ jobId: ZId });

export const ZEnqueuedJob = z.object({ jobId: ZId });
export type TEnqueuedJob = z.infer<typeof ZEnqueuedJob>;

/** A closeout's link to the PSA its client came from. */
export const ZCloseoutPsaLink = z.object({
  /** Null when the client was not brought in from a connected PSA. */
  connection: z
    .object({
      id: ZId,
      vendor: ZPsaVendor,
      vendorLabel: z.string(),
      name: z.string(),
      pushBack: z.boolean(),
    })
    .nullable(),
  /** Why there is no sync, in words, when there is none. */
  unavailableReason: z.string().nullable(),
  lastSync: ZJob.nullable(),
  /** The write-back of each reviewed ticket that came from the PSA. */
  pushes: z.array(
    z.object({
      ticketId: ZId,
      pushedAt: ZMoment.nullable(),
      /** A write-back is queued or running for it. */
      waiting: z.boolean(),
      error: z.string().nullable(),
    }),
  ),
});
export type TCloseoutPsaLink = z.infer<typeof ZCloseoutPsaLink>;
