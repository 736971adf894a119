import { eq, inArray, or, sql } from 'drizzle-orm';
import type { Database, DbExecutor } from '../db/connection.js';
import { recordAuditEvents } from '../db/repositories/audit.js';
import { insertCloseout } from '../db/repositories/closeouts.js';
import {
  agreements,
  clientReturns,
  clients,
  contacts,
  managedSystems,
  organisations,
  tickets,
  users,
} from '../db/schema.js';
import { AppError } from '../domain/errors.js';
import type { IsoDate, StaffRole } from '../domain/model.js';
import { generatePassword, hashPassword } from '../server/auth/secrets.js';
import { insertByColumns } from './bulk-insert.js';
import {
  DEFAULT_DEMO_SCALE,
  DEMO_SEED,
  type DemoMsp,
  type DemoScale,
  generateDemoMsp,
} from './generate.js';
import { DEMO_ORGANISATION_NAME } from './staff.js';

/**
 * Loads the demo MSP into a database in one transaction: all of it or none of it. Rows go in
 * as multi-row inserts of at most a thousand, closeouts through the closeout repository and the
 * audit trail through the audit repository, as the application writes them.
 */

const AUDIT_BATCH_SIZE = 1_000;

/** Serialises two demo loads started at once, so the second sees the first and refuses. */
const DEMO_LOCK_KEY = 0x64656d6f; // "demo"

export type DemoSignIn = { name: string; email: string; roles: StaffRole[] };

export type DemoLoadResult = {
  organisationId: string;
  organisationName: string;
  /** Every demo user signs in with this one password, generated for this load. */
  password: string;
  signIns: DemoSignIn[];
  counts: {
    users: number;
    clients: number;
    contacts: number;
    agreements: number;
    managedSystems: number;
    tickets: number;
    closeouts: number;
    clientReturns: number;
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

async function insertDemo(tx: DbExecutor, msp: DemoMsp, passwordHash: string): Promise<void> {
  await tx.insert(organisations).values(msp.organisation);
  await tx.insert(users).values(msp.users.map((user) => ({ ...user, passwordHash })));
  await insertByColumns(tx, clients, msp.clients);
  await insertByColumns(tx, contacts, msp.contacts);
  await insertByColumns(tx, agreements, msp.agreements);
  await insertByColumns(tx, managedSystems, msp.managedSystems);
  await insertByColumns(tx, tickets, msp.tickets);
  for (const closeout of msp.closeouts) await insertCloseout(tx, closeout);
  await insertByColumns(tx, clientReturns, msp.clientReturns);
  for (let start = 0; start < msp.auditEvents.length; start += AUDIT_BATCH_SIZE) {
    await recordAuditEvents(tx, msp.auditEvents.slice(start, start + AUDIT_BATCH_SIZE));
  }
}

export async function loadDemo(options: {
  db: Database;
  scale?: DemoScale;
  seed?: number;
  today?: IsoDate;
}): Promise<DemoLoadResult> {
  const { db, scale = DEFAULT_DEMO_SCALE, seed = DEMO_SEED } = options;
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  // Refused before the slow part (generating, hashing, inserting), and checked again under the lock.
  await refuseIfNamed(db);
  const msp = generateDemoMsp({ seed, scale, today });
  const password = generatePassword(20);
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${DEMO_LOCK_KEY})`);
    await refuseIfLoaded(tx, msp);
    await insertDemo(tx, msp, passwordHash);
  });
  return {
    organisationId: msp.organisation.id,
    organisationName: msp.organisation.name,
    password,
    signIns: msp.users.map((user) => ({ name: user.name, email: user.email, roles: user.roles })),
    counts: {
      users: msp.users.length,
      clients: msp.clients.length,
      contacts: msp.contacts.length,
      agreements: msp.agreements.length,
      managedSystems: msp.managedSystems.length,
      tickets: msp.tickets.length,
      closeouts: msp.closeouts.length,
      clientReturns: msp.clientReturns.length,
      auditEvents: msp.auditEvents.length,
    },
  };
}
