import type { TPersonalisation, TProcessDefinition } from '../../blueprint/schema.js';
import type { Closeout, IsoDate, IsoDateTime } from '../../domain/model.js';

/**
 * Everything a closeout's documents are filled in from, gathered by `loadCloseoutDocumentData`.
 * It is plain data — the documents never query — and it never holds a handed-over secret: of the
 * vault it carries only the facts of when a credential was issued and revealed.
 */
export type CloseoutDocumentData = {
  organisation: { name: string; personalisation: TPersonalisation };
  /** The closeout's pinned definition with the organisation's own role and system names. */
  definition: TProcessDefinition;
  closeout: Closeout;
  client: { id: string; name: string; industry: string; clientSince: IsoDate };
  contacts: DocumentContact[];
  /** The staff member who owns the closeout, if one is assigned. */
  owner: { name: string; email: string } | null;
  /** Vault facts per handover item: never the sealed value. */
  handoverSecrets: HandoverSecretFacts[];
  /** The organisation's words for cancellation reasons, by key. */
  reasonLabels: Record<string, string>;
  /** The audit trail of the closeout, oldest first. */
  timeline: TimelineEntry[];
};

export type DocumentContact = {
  name: string;
  email: string | null;
  phone: string | null;
  title: string;
  isDecisionMaker: boolean;
  isTechnicalContact: boolean;
};

export type HandoverSecretFacts = {
  handoverItemId: string;
  issuedAt: IsoDateTime;
  issueCount: number;
  clientRevealedAt: IsoDateTime | null;
};

export type TimelineEntry = {
  at: IsoDateTime;
  action: string;
  entityType: string;
  actorName: string;
  /** What it changed, in a few words (the stage moved to, the tickets touched), if anything. */
  detail: string | null;
};
