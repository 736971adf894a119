import { eq, inArray, or, sql } from 'drizzle-orm';
import type { Database, DbExecutor } from '../db/connection.js';
import { recordAuditEvents } from '../db/repositories/audit.js';
import { insertCloseout } from '../db/repositories/closeouts.js';
import {
  agreements,
  clientReturns,
  clients,
  contacts,
  handoverSecrets,
  mails,
  managedSystems,
  organisations,
  portalUsers,
  tickets,
  users,
} from '../db/schema.js';
import { AppError } from '../domain/errors.js';
import type { IsoDate, StaffRole } from '../domain/model.js';
import type { SecretVault } from '../security/envelope.js';
import { generatePassword, hashPassword } from '../server/auth/secrets.js';
import { insertByColumns } from './bulk-insert.js';
import {
  DEFAULT_DEMO_SCALE,
  DEMO_SEED,
  type DemoMsp,
  type DemoScale,
  generateDemoMsp,
} from './generate.js';
import { stageIndex } from './portal.js';
import { DEMO_ORGANISATION_NAME } from './staff.js';
import { sealHandoverSecrets } from './vault.js';

/**
 * Loads the demo MSP into a database in one transaction: all of it or none of it. Rows go in
 * as multi-row inserts of at most a thousand, closeouts through the closeout repository and the
 * audit trail through the audit repository, as the application writes them. Handover secrets
 * are sealed with the server's vault, so only a server with the same master key opens them.
 */

const AUDIT_BATCH_SIZE = 1_000;

const SESSION_STAGE = 'deactivation_session';

/** Serialises two demo loads started at once, so the second sees the first and refuses. */
const DEMO_LOCK_KEY = 0x64656d6f; // "demo"

export type DemoSignIn = { name: string; email: string; roles: StaffRole[] };

/** A client's contact with portal access to an open closeout: who to try the portal as. */
export type DemoPortalSignIn = { name: string; email: string; clientName: string };

export type DemoLoadResult = {
  organisationId: string;
  organisationName: string;
  /** Every demo user signs in with this one password, generated for this load. */
  password: string;
  signIns: DemoSignIn[];
  portalSignIn: DemoPortalSignIn | null;
  counts: {
    users: number;
    clients: number;
    contacts: number;
    agreements: number;
    managedSystems: number;
    tickets: number;
    closeouts: number;
    clientReturns: number;
    handoverSecrets: number;
    portalUsers: number;
    outboxMails: number;
    auditEvents: number;
  };
};

const alreadyLoaded = () =>
  new AppError(
    'conflict',
    `The demo is already loaded: the organisation "${DEMO_ORGANISATION_NAME}" exists in this database. Sign in with the demo users, or load it into a fresh database.`,
  );

async function refuseIfNamed(db: DbExecutor): Promise<void> {
  const [existing] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.name, DEMO_ORGANISATION_NAME))
    .limit(1);
  if (existing !== undefined) throw alreadyLoaded();
}

/** Also refuses a demo loaded before under another name: its ids and emails would clash. */
async function refuseIfLoaded(db: DbExecutor, msp: DemoMsp): Promise<void> {
  const [existing] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(
      or(eq(organisations.name, DEMO_ORGANISATION_NAME), eq(organisations.id, msp.organisation.id)),
    )
    .limit(1);
  if (existing !== undefined) throw alreadyLoaded();
  const [taken] = await db
    .select({ email: users.email })
    .from(users)
    .where(
      inArray(
        sql`lower(${users.email})`,
        msp.users.map((user) => user.email),
      ),
    )
    .limit(1);
  if (taken !== undefined) {
    throw new AppError(
      'conflict',
      `The demo cannot be loaded: a user with the email ${taken.email} already exists.`,
    );
  }
}

/**
 * A contact whose closeout is open and furthest along, the deactivation session first: there
 * the portal has the most for the client to do (reveal credentials, confirm, sign).
 */
function portalSignInOf(msp: DemoMsp): DemoPortalSignIn | null {
  const rank = (stage: string) =>
    stage === SESSION_STAGE ? Number.MAX_SAFE_INTEGER : stageIndex(stage);
  const closeout = msp.closeouts
    .filter(
      (candidate) =>
        candidate.status === 'open' &&
        msp.portalUsers.some((user) => user.clientId === candidate.clientId),
    )
    .sort((left, right) => rank(right.stage) - rank(left.stage))[0];
  if (closeout === undefined) return null;
  const user = msp.portalUsers.find((candidate) => candidate.clientId === closeout.clientId)!;
  const client = msp.clients.find((candidate) => candidate.id === closeout.clientId)!;
  return { name: user.name, email: user.email, clientName: client.name };
}

async function insertDemo(
  tx: DbExecutor,
  msp: DemoMsp,
  passwordHash: string,
  vault: SecretVault,
): Promise<void> {
  await tx.insert(organisations).values(msp.organisation);
  await tx.insert(users).values(msp.users.map((user) => ({ ...user, passwordHash })));
  await insertByColumns(tx, clients, msp.clients);
  await insertByColumns(tx, contacts, msp.contacts);
  await insertByColumns(tx, agreements, msp.agreements);
  await insertByColumns(tx, managedSystems, msp.managedSystems);
  await insertByColumns(tx, tickets, msp.tickets);
  for (const closeout of msp.closeouts) await insertCloseout(tx, closeout);
  await insertByColumns(tx, clientReturns, msp.clientReturns);
  await insertByColumns(tx, portalUsers, msp.portalUsers);
  await insertByColumns(tx, handoverSecrets, sealHandoverSecrets(vault, msp.handoverSecrets));
  // A handful, with JSON attachments that the column-array insert cannot carry.
  if (msp.mails.length > 0) await tx.insert(mails).values(msp.mails);
  for (let start = 0; start < msp.auditEvents.length; start += AUDIT_BATCH_SIZE) {
    await recordAuditEvents(tx, msp.auditEvents.slice(start, start + AUDIT_BATCH_SIZE));
  }
}

export async function loadDemo(options: {
  db: Database;
  /** The server's vault: the demo's handover secrets are sealed with its master key. */
  vault: SecretVault;
  scale?: DemoScale;
  seed?: number;
  today?: IsoDate;
  /** Where the server runs, for the links in the demo's mails. */
  publicUrl?: string;
}): Promise<DemoLoadResult> {
  const { db, vault, scale = DEFAULT_DEMO_SCALE, seed = DEMO_SEED } = options;
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  // Refused before the slow part (generating, hashing, inserting), and checked again under the lock.
  await refuseIfNamed(db);
  const msp = generateDemoMsp({ seed, scale, today, publicUrl: options.publicUrl });
  const password = generatePassword(20);
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${DEMO_LOCK_KEY})`);
    await refuseIfLoaded(tx, msp);
    await insertDemo(tx, msp, passwordHash, vault);
  });
  return {
    organisationId: msp.organisation.id,
    organisationName: msp.organisation.name,
    password,
    signIns: msp.users.map((user) => ({ name: user.name, email: user.email, roles: user.roles })),
    portalSignIn: portalSignInOf(msp),
    counts: {
      users: msp.users.length,
      clients: msp.clients.length,
      contacts: msp.contacts.length,
      agreements: msp.agreements.length,
      managedSystems: msp.managedSystems.length,
      tickets: msp.tickets.length,
      closeouts: msp.closeouts.length,
      clientReturns: msp.clientReturns.length,
      handoverSecrets: msp.handoverSecrets.length,
      portalUsers: msp.portalUsers.length,
      outboxMails: msp.mails.length,
      auditEvents: msp.auditEvents.length,
    },
  };
}
