import { and, asc, desc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Database, DbExecutor } from '../../db/connection.js';
import { loadCloseoutWithClientName } from '../../db/repositories/closeouts.js';
import { auditEvents, backupCopies, clients, closeouts, organisations } from '../../db/schema.js';
import {
  acceptResponsibility,
  confirmBackupReceipt,
  confirmHandover,
  type EngineContext,
  logDeactivationIssue,
  recordClientResponse,
} from '../../domain/closeout/index.js';
import { AppError, invalid, notFound } from '../../domain/errors.js';
import { stageOf } from '../../domain/gates.js';
import type { Closeout } from '../../domain/model.js';
import { createBackupDownloadLink } from '../backup-downloads/service.js';
import { todayUtc } from '../clock.js';
import { changeOpenCloseout } from '../closeouts/service.js';
import { secretStatusesOf } from '../handover-secrets/service.js';
import { personalisedDefinitionVersion } from '../process/service.js';
import { type PortalAuth, portalActor } from './auth.js';
import { brandOf, organisationOf } from './organisation.js';
import { type PortalSecretState, presentPortalCloseout } from './present.js';
import type {
  TPortalCloseout,
  TPortalCloseoutList,
  TPortalDownloadLink,
  TPortalMe,
  TPortalTicketResponseRequest,
  TResponsibilityStatement,
  TSignResponsibilityRequest,
} from './schema.js';
import { responsibilityStatement } from './statement.js';

/**
 * The portal's API behind the portal guard: the signed-in contact's own client's closeouts,
 * read and changed only through the closeout engine, as the client contact.
 */

export async function portalMe(db: Database, auth: PortalAuth): Promise<TPortalMe> {
  const [row] = await db
    .select({ clientName: clients.name, personalisation: organisations.personalisation })
    .from(clients)
    .innerJoin(organisations, eq(organisations.id, clients.orgId))
    .where(and(eq(clients.orgId, auth.orgId), eq(clients.id, auth.clientId)));
  if (row === undefined) throw notFound('Your client');
  return {
    id: auth.portalUserId,
    name: auth.name,
    email: auth.email,
    client: { id: auth.clientId, name: row.clientName },
    organisation: brandOf(row.personalisation),
  };
}

// ---- the client's closeouts ------------------------------------------------------------

export async function listPortalCloseouts(
  db: Database,
  auth: PortalAuth,
): Promise<TPortalCloseoutList> {
  const rows = await db
    .select({
      id: closeouts.id,
      reference: closeouts.reference,
      status: closeouts.status,
      stage: closeouts.stage,
      definitionKey: closeouts.definitionKey,
      definitionVersion: closeouts.definitionVersion,
      openedAt: closeouts.openedAt,
      endedAt: closeouts.endedAt,
    })
    .from(closeouts)
    .where(and(eq(closeouts.orgId, auth.orgId), eq(closeouts.clientId, auth.clientId)))
    .orderBy(desc(closeouts.openedAt));
  const items = [];
  for (const row of rows) {
    const definition = await personalisedDefinitionVersion({
      db,
      orgId: auth.orgId,
      key: row.definitionKey,
      version: row.definitionVersion,
    });
    items.push({
      id: row.id,
      reference: row.reference,
      status: row.status,
      stageName: stageOf(definition, row.stage).stage.name,
      openedAt: row.openedAt.toISOString(),
      endedAt: row.endedAt?.toISOString() ?? null,
    });
  }
  return { items };
}

/** The client's open closeout, else its most recent one. */
export async function currentPortalCloseoutId(db: Database, auth: PortalAuth): Promise<string> {
  const [row] = await db
    .select({ id: closeouts.id })
    .from(closeouts)
    .where(and(eq(closeouts.orgId, auth.orgId), eq(closeouts.clientId, auth.clientId)))
    .orderBy(sql`${closeouts.status} = 'open' desc`, desc(closeouts.openedAt))
    .limit(1);
  if (row === undefined) throw notFound('A closeout of your organisation');
  return row.id;
}

/** A closeout of the portal user's own client; any other id is simply not found. */
export async function loadOwnCloseout(db: DbExecutor, auth: PortalAuth, closeoutId: string) {
  const loaded = await loadCloseoutWithClientName(db, auth.orgId, closeoutId);
  if (loaded === null || loaded.closeout.clientId !== auth.clientId) {
    throw notFound('The closeout');
  }
  return loaded;
}

/** When the closeout entered each stage, from the audit trail's record of its stage changes. */
async function stageReachedAt(db: DbExecutor, closeout: Closeout): Promise<Map<string, string>> {
  const rows = await db
    .select({ stage: sql<string>`${auditEvents.after} ->> 'stage'`, at: auditEvents.at })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.orgId, closeout.orgId),
        eq(auditEvents.closeoutId, closeout.id),
        isNotNull(sql`${auditEvents.after} ->> 'stage'`),
      ),
    )
    .orderBy(asc(auditEvents.id));
  const reached = new Map<string, string>();
  for (const row of rows) {
    if (!reached.has(row.stage)) reached.set(row.stage, new Date(row.at).toISOString());
  }
  return reached;
}

async function secretStates(
  db: DbExecutor,
  closeout: Closeout,
): Promise<Map<string, PortalSecretState>> {
  const statuses = await secretStatusesOf({
    db,
    orgId: closeout.orgId,
    closeoutId: closeout.id,
  });
  return new Map(
    statuses.map((status) => [
      status.itemId,
      {
        status: !status.stored
          ? 'none'
          : status.clientRevealedAt === null
            ? 'available'
            : 'revealed',
        revealedAt: status.clientRevealedAt,
        revealedBy: status.clientRevealedBy,
      },
    ]),
  );
}

async function downloadableCopyIds(db: DbExecutor, closeout: Closeout): Promise<Set<string>> {
  const rows = await db
    .select({ id: backupCopies.id })
    .from(backupCopies)
    .where(
      and(
        eq(backupCopies.orgId, closeout.orgId),
        eq(backupCopies.closeoutId, closeout.id),
        isNotNull(backupCopies.fileId),
      ),
    );
  return new Set(rows.map((row) => row.id));
}

export async function getPortalCloseout(
  db: Database,
  auth: PortalAuth,
  closeoutId: string,
): Promise<TPortalCloseout> {
  const { closeout, clientName } = await loadOwnCloseout(db, auth, closeoutId);
  const [definition, reached, secrets, downloadable] = await Promise.all([
    personalisedDefinitionVersion({
      db,
      orgId: auth.orgId,
      key: closeout.definitionKey,
      version: closeout.definitionVersion,
    }),
    stageReachedAt(db, closeout),
    secretStates(db, closeout),
    downloadableCopyIds(db, closeout),
  ]);
  return presentPortalCloseout({
    closeout,
    definition,
    clientName,
    stageReachedAt: reached,
    secrets,
    downloadableCopyIds: downloadable,
    today: todayUtc(),
  });
}

/**
 * One client action on its closeout, in one transaction with its audit event, as the client
 * contact. `version` (from If-Match) is checked when the portal sends one.
 */
async function runPortalAction(options: {
  db: Database;
  auth: PortalAuth;
  closeoutId: string;
  version: number | undefined;
  action: string;
  perform: (closeout: Closeout, context: EngineContext) => Closeout;
}): Promise<TPortalCloseout> {
  const { db, auth, closeoutId, version } = options;
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ version: closeouts.version, clientId: closeouts.clientId })
      .from(closeouts)
      .where(and(eq(closeouts.orgId, auth.orgId), eq(closeouts.id, closeoutId)))
      .for('update');
    if (row === undefined || row.clientId !== auth.clientId) throw notFound('The closeout');
    if (version !== undefined && version !== row.version) {
      throw new AppError(
        'stale_version',
        'Your provider changed this closeout while you were looking at it. Reload it and try again.',
      );
    }
    await changeOpenCloseout({
      tx,
      orgId: auth.orgId,
      closeoutId,
      actor: portalActor(auth),
      action: options.action,
      perform: options.perform,
    });
  });
  return getPortalCloseout(db, auth, closeoutId);
}

type PortalActionOptions = {
  db: Database;
  auth: PortalAuth;
  closeoutId: string;
  version: number | undefined;
};

export function respondToTicket(
  options: PortalActionOptions & { ticketId: string; response: TPortalTicketResponseRequest },
): Promise<TPortalCloseout> {
  const { ticketId, response } = options;
  return runPortalAction({
    ...options,
    action: 'client_ticket_response',
    perform: (closeout, context) =>
      recordClientResponse(
        closeout,
        { ticketId, agreed: response.agreed, question: response.agreed ? null : response.question },
        context,
      ),
  });
}

export function confirmHandoverItem(
  options: PortalActionOptions & { itemId: string },
): Promise<TPortalCloseout> {
  return runPortalAction({
    ...options,
    action: 'client_confirm_handover',
    perform: (closeout, context) =>
      confirmHandover(
        closeout,
        { itemId: options.itemId, confirmedBy: options.auth.name },
        context,
      ),
  });
}

/** "It does not work": a deactivation issue against the item's system, for the MSP to resolve. */
export function reportHandoverProblem(
  options: PortalActionOptions & { itemId: string; description: string },
): Promise<TPortalCloseout> {
  return runPortalAction({
    ...options,
    action: 'client_report_handover_problem',
    perform: (closeout, context) => {
      const item = closeout.handoverItems.find((candidate) => candidate.id === options.itemId);
      if (item === undefined) {
        throw new AppError('not_found', 'This handover item is not part of this closeout.', {
          field: 'itemId',
        });
      }
      return logDeactivationIssue(
        closeout,
        {
          summary: `${item.systemName}: ${item.credentialLabel} does not work`,
          description: options.description,
          systemName: item.systemName,
        },
        context,
      );
    },
  });
}

export function confirmBackupCopyReceipt(
  options: PortalActionOptions & { copyId: string; sha256: string },
): Promise<TPortalCloseout> {
  return runPortalAction({
    ...options,
    action: 'client_confirm_backup_receipt',
    perform: (closeout, context) =>
      confirmBackupReceipt(
        closeout,
        { copyId: options.copyId, receivedBy: options.auth.name, sha256: options.sha256 },
        context,
      ),
  });
}

/** How long a link the client asks for itself works: long enough to download a large archive. */
const CLIENT_DOWNLOAD_LINK_HOURS = 24;

/** An expiring link to download a backup copy handed over by download. */
export async function portalBackupDownloadLink(options: {
  db: Database;
  auth: PortalAuth;
  closeoutId: string;
  copyId: string;
  publicUrl: string;
}): Promise<TPortalDownloadLink> {
  const { db, auth, closeoutId } = options;
  const [own] = await db
    .select({ id: closeouts.id })
    .from(closeouts)
    .where(
      and(
        eq(closeouts.orgId, auth.orgId),
        eq(closeouts.id, closeoutId),
        eq(closeouts.clientId, auth.clientId),
      ),
    );
  if (own === undefined) throw notFound('The closeout');
  const created = await createBackupDownloadLink({
    db,
    orgId: auth.orgId,
    closeoutId,
    backupCopyId: options.copyId,
    createdBy: portalActor(auth),
    ttlHours: CLIENT_DOWNLOAD_LINK_HOURS,
  });
  return {
    url: `${options.publicUrl.replace(/\/+$/, '')}${created.path}`,
    expiresAt: created.link.expiresAt,
  };
}

export async function responsibilityStatementFor(
  db: DbExecutor,
  auth: PortalAuth,
  closeoutId: string,
): Promise<TResponsibilityStatement> {
  const { clientName } = await loadOwnCloseout(db, auth, closeoutId);
  const { organisationName } = await organisationOf(db, auth.orgId);
  return {
    organisationName,
    clientName,
    statement: responsibilityStatement(organisationName, clientName),
  };
}

/** A signature may take effect from a moment ago (clocks differ), not from the past. */
const EFFECTIVE_LEEWAY_MS = 5 * 60 * 1000;

/** The client's electronic signature of the transfer of responsibility. */
export async function signResponsibility(
  options: PortalActionOptions & {
    request: TSignResponsibilityRequest;
    ip: string;
    userAgent: string;
  },
): Promise<TPortalCloseout> {
  const { db, auth, closeoutId, request } = options;
  const effectiveFrom = new Date(request.effectiveFrom);
  if (effectiveFrom.getTime() < Date.now() - EFFECTIVE_LEEWAY_MS) {
    throw invalid(
      'effectiveFrom',
      'Responsibility cannot pass to you in the past: choose now or a later moment.',
    );
  }
  const { statement } = await responsibilityStatementFor(db, auth, closeoutId);
  return runPortalAction({
    ...options,
    action: 'client_sign_responsibility',
    perform: (closeout, context) =>
      acceptResponsibility(
        closeout,
        {
          acceptedByName: request.fullName,
          acceptedByTitle: request.title,
          effectiveFrom: effectiveFrom.toISOString(),
          signature: {
            portalUserId: auth.portalUserId,
            email: auth.email,
            statement,
            ip: options.ip,
            userAgent: options.userAgent.slice(0, 500),
          },
        },
        context,
      ),
  });
}
