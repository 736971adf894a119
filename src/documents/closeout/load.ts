import { and, asc, eq } from 'drizzle-orm';
import type { DbExecutor } from '../../db/connection.js';
import { listAuditEvents } from '../../db/repositories/audit.js';
import { loadCloseoutWithClientName } from '../../db/repositories/closeouts.js';
import { clients, contacts, handoverSecrets, organisations, users } from '../../db/schema.js';
import { notFound } from '../../domain/errors.js';
import { personalisedDefinitionVersion } from '../../server/process/service.js';
import type { CloseoutDocumentData } from './data.js';
import { timelineDetail } from './timeline.js';

/** The timeline a final report prints; a closeout's trail is far shorter in practice. */
const TIMELINE_LIMIT = 1000;

/** Gathers one closeout's document data, scoped to the organisation; 404 when not found. */
export async function loadCloseoutDocumentData(options: {
  db: DbExecutor;
  orgId: string;
  closeoutId: string;
}): Promise<CloseoutDocumentData> {
  const { db, orgId, closeoutId } = options;
  const loaded = await loadCloseoutWithClientName(db, orgId, closeoutId);
  if (loaded === null) throw notFound('The closeout');
  const { closeout } = loaded;
  const [organisation, client, clientContacts, owner, secrets, events, definition] =
    await Promise.all([
      db
        .select({
          name: organisations.name,
          personalisation: organisations.personalisation,
          reasonTaxonomy: organisations.reasonTaxonomy,
        })
        .from(organisations)
        .where(eq(organisations.id, orgId))
        .then((rows) => rows[0]),
      db
        .select({
          id: clients.id,
          name: clients.name,
          industry: clients.industry,
          clientSince: clients.clientSince,
        })
        .from(clients)
        .where(and(eq(clients.orgId, orgId), eq(clients.id, closeout.clientId)))
        .then((rows) => rows[0]),
      db
        .select({
          name: contacts.name,
          email: contacts.email,
          phone: contacts.phone,
          title: contacts.title,
          isDecisionMaker: contacts.isDecisionMaker,
          isTechnicalContact: contacts.isTechnicalContact,
        })
        .from(contacts)
        .where(and(eq(contacts.orgId, orgId), eq(contacts.clientId, closeout.clientId)))
        .orderBy(asc(contacts.name)),
      closeout.ownerUserId === null
        ? Promise.resolve(undefined)
        : db
            .select({ name: users.name, email: users.email })
            .from(users)
            .where(and(eq(users.orgId, orgId), eq(users.id, closeout.ownerUserId)))
            .then((rows) => rows[0]),
      // Only the facts: the sealed column is never selected.
      db
        .select({
          handoverItemId: handoverSecrets.handoverItemId,
          issuedAt: handoverSecrets.issuedAt,
          issueCount: handoverSecrets.issueCount,
          clientRevealedAt: handoverSecrets.clientRevealedAt,
        })
        .from(handoverSecrets)
        .where(and(eq(handoverSecrets.orgId, orgId), eq(handoverSecrets.closeoutId, closeoutId))),
      listAuditEvents(db, orgId, { closeoutId, limit: TIMELINE_LIMIT }),
      personalisedDefinitionVersion({
        db,
        orgId,
        key: closeout.definitionKey,
        version: closeout.definitionVersion,
      }),
    ]);
  if (organisation === undefined) throw notFound('The organisation');
  return {
    organisation: { name: organisation.name, personalisation: organisation.personalisation },
    definition,
    reasonLabels: Object.fromEntries(
      organisation.reasonTaxonomy.map((entry) => [entry.key, entry.label]),
    ),
    closeout,
    client: client ?? {
      id: closeout.clientId,
      name: loaded.clientName,
      industry: '',
      clientSince: closeout.noticeReceivedOn,
    },
    contacts: clientContacts,
    owner: owner ?? null,
    handoverSecrets: secrets.map((secret) => ({
      handoverItemId: secret.handoverItemId,
      issuedAt: secret.issuedAt.toISOString(),
      issueCount: secret.issueCount,
      clientRevealedAt: secret.clientRevealedAt?.toISOString() ?? null,
    })),
    timeline: events.reverse().map((event) => ({
      at: event.at,
      action: event.action,
      entityType: event.entityType,
      actorName: event.actor.name,
      detail: timelineDetail(event, definition),
    })),
  };
}
