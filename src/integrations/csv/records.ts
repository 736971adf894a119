import { MANAGED_SYSTEM_CATEGORIES } from '../../domain/handover.js';
import type { ClientDirectory } from './clients.js';
import type { ImportEntity } from './formats.js';
import type { RowReader } from './rows.js';
import { readAgreementStatus, readClientStatus, readTicketStatus } from './values.js';

/**
 * How each kind of record is read from a row and stored: its table's columns in the order the
 * row's values come, and the rules a single field cannot state (an agreement's term does not
 * end before it starts; a ticket Closeout has closed stays closed). The writer turns a spec into
 * one upsert statement per batch.
 */

export type PgType = 'text' | 'uuid' | 'date' | 'timestamptz' | 'boolean' | 'numeric' | 'integer';

export type RecordColumn = {
  name: string;
  type: PgType;
  /**
   * The fields that feed the column. An existing record's value is replaced only when one of
   * them is mapped; a column fed by no field is always written.
   */
  from: readonly string[];
  /** The value of a new record, from the row `v` (and `e`, the record if it exists). Default `v.<name>`. */
  insert?: string;
  /** The value an existing record `t` takes, given `excluded`. Default `excluded.<name>`. */
  update?: string;
};

export type ReadContext = {
  clients: ClientDirectory;
  /** When a ticket closed if the file does not say: the start of the import. */
  now: string;
};

export type ReadRecord = { externalId: string; values: unknown[] };

export type RecordSpec = {
  table: string;
  columns: readonly RecordColumn[];
  /** The row's values in `columns` order; null when the row has errors (they are in `row.errors`). */
  read(row: RowReader, context: ReadContext): ReadRecord | null;
  /** The insert reads the existing record as `e` (for values a blank cell leaves as they are). */
  readsExisting?: boolean;
  /** The table has `updated_at`, stamped when an import changes a record. */
  stampsUpdatedAt?: boolean;
};

const externalIdOf = (row: RowReader) => row.text('external_id', 200, { required: true });

const finished = (row: RowReader, externalId: string, values: unknown[]): ReadRecord | null =>
  row.errors.length > 0 ? null : { externalId, values };

const CLIENTS: RecordSpec = {
  table: 'clients',
  readsExisting: true,
  stampsUpdatedAt: true,
  columns: [
    { name: 'name', type: 'text', from: ['name'] },
    {
      name: 'client_since',
      type: 'date',
      from: ['client_since'],
      insert: 'coalesce(v.client_since, e.client_since, current_date)',
    },
    { name: 'industry', type: 'text', from: ['industry'] },
    { name: 'notes', type: 'text', from: ['notes'] },
    {
      name: 'status',
      type: 'text',
      from: ['status'],
      // A client with a closeout is in closeout or former because of it; the file cannot say otherwise.
      update:
        'case when exists (select 1 from closeouts c where c.org_id = t.org_id and c.client_id = t.id) then t.status else excluded.status end',
    },
  ],
  read(row) {
    const externalId = externalIdOf(row);
    const values = [
      row.text('name', 200, { required: true }),
      row.day('client_since'),
      row.text('industry', 120),
      row.text('notes', 20_000),
      row.value('status', readClientStatus) ?? 'active',
    ];
    return finished(row, externalId, values);
  },
};

const CLIENT_ID: RecordColumn = { name: 'client_id', type: 'uuid', from: [] };

const CONTACTS: RecordSpec = {
  table: 'contacts',
  columns: [
    CLIENT_ID,
    { name: 'name', type: 'text', from: ['name'] },
    { name: 'email', type: 'text', from: ['email'] },
    { name: 'phone', type: 'text', from: ['phone'] },
    { name: 'title', type: 'text', from: ['title'] },
    { name: 'is_decision_maker', type: 'boolean', from: ['is_decision_maker'] },
    { name: 'is_technical_contact', type: 'boolean', from: ['is_technical_contact'] },
  ],
  read(row, { clients }) {
    const externalId = externalIdOf(row);
    const values = [
      row.client(clients),
      row.text('name', 200, { required: true }),
      row.email('email'),
      row.text('phone', 40) || null,
      row.text('title', 200),
      row.boolean('is_decision_maker'),
      row.boolean('is_technical_contact'),
    ];
    return finished(row, externalId, values);
  },
};

const AGREEMENTS: RecordSpec = {
  table: 'agreements',
  columns: [
    CLIENT_ID,
    { name: 'name', type: 'text', from: ['name'] },
    { name: 'monthly_recurring_revenue', type: 'numeric', from: ['monthly_recurring_revenue'] },
    { name: 'start_date', type: 'date', from: ['start_date'] },
    { name: 'term_end_date', type: 'date', from: ['term_end_date'] },
    { name: 'notice_period_days', type: 'integer', from: ['notice_period_days'] },
    { name: 'status', type: 'text', from: ['status', 'ended_on'] },
    { name: 'ended_on', type: 'date', from: ['ended_on'] },
  ],
  read(row, { clients }) {
    const externalId = externalIdOf(row);
    const clientId = row.client(clients);
    const name = row.text('name', 200, { required: true });
    const revenue = row.money('monthly_recurring_revenue', { required: true });
    const startDate = row.day('start_date', { required: true });
    const termEndDate = row.day('term_end_date');
    const noticePeriodDays = row.integer('notice_period_days', 0, 730) ?? 30;
    const endedOn = row.day('ended_on');
    const status =
      row.value('status', readAgreementStatus) ?? (endedOn === null ? 'active' : 'ended');
    if (startDate !== null && termEndDate !== null && termEndDate < startDate) {
      row.fail(
        'term_end_date',
        `The term ends (${termEndDate}) before the agreement starts (${startDate}).`,
      );
    }
    if (startDate !== null && endedOn !== null && endedOn < startDate) {
      row.fail('ended_on', `The agreement ends (${endedOn}) before it starts (${startDate}).`);
    }
    if (status === 'active' && endedOn !== null) {
      row.fail(
        'ended_on',
        'An active agreement has not ended: leave this blank, or give the status ended.',
      );
    }
    const values = [
      clientId,
      name,
      revenue,
      startDate,
      termEndDate,
      noticePeriodDays,
      status,
      endedOn,
    ];
    return finished(row, externalId, values);
  },
};

const CATEGORIES = new Set<string>(MANAGED_SYSTEM_CATEGORIES);

/** "Domain admin", "Registrar / DNS" and "lob_app" name categories; other words are `other`. */
const categoryOf = (text: string): string => {
  const key = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
  return CATEGORIES.has(key) ? key : 'other';
};

const MANAGED_SYSTEMS: RecordSpec = {
  table: 'managed_systems',
  columns: [
    CLIENT_ID,
    { name: 'name', type: 'text', from: ['name'] },
    { name: 'category', type: 'text', from: ['category'] },
    { name: 'description', type: 'text', from: ['description'] },
  ],
  read(row, { clients }) {
    const externalId = externalIdOf(row);
    const values = [
      row.client(clients),
      row.text('name', 200, { required: true }),
      categoryOf(row.cell('category')),
      row.text('description', 4000),
    ];
    return finished(row, externalId, values);
  },
};

// A ticket Closeout has completed or cancelled (in its ticket review, say) stays so, as it does
// when a PSA sync brings the ticket again.
const KEEP_CLOSED_STATUS = "case when t.status = 'open' then excluded.status else t.status end";
const KEEP_CLOSED_AT = "case when t.status = 'open' then excluded.closed_at else t.closed_at end";

const TICKETS: RecordSpec = {
  table: 'tickets',
  columns: [
    CLIENT_ID,
    { name: 'number', type: 'text', from: ['number'] },
    { name: 'title', type: 'text', from: ['title'] },
    { name: 'status', type: 'text', from: ['status', 'closed_at'], update: KEEP_CLOSED_STATUS },
    { name: 'priority', type: 'text', from: ['priority'] },
    { name: 'opened_at', type: 'timestamptz', from: ['opened_at'] },
    {
      name: 'closed_at',
      type: 'timestamptz',
      from: ['closed_at', 'status'],
      update: KEEP_CLOSED_AT,
    },
    { name: 'sla_breached', type: 'boolean', from: ['sla_breached'] },
    { name: 'satisfaction', type: 'integer', from: ['satisfaction'] },
  ],
  read(row, { clients, now }) {
    const externalId = externalIdOf(row);
    const clientId = row.client(clients);
    const number = row.text('number', 64) || externalId;
    const title = row.text('title', 500, { required: true });
    const openedAt = row.moment('opened_at', { required: true });
    const closedAt = row.moment('closed_at');
    const statusWord = row.cell('status');
    const status =
      statusWord === '' ? (closedAt === null ? 'open' : 'completed') : readTicketStatus(statusWord);
    if (status !== 'open' && openedAt !== null && closedAt !== null && closedAt < openedAt) {
      row.fail('closed_at', `The ticket closes (${closedAt}) before it was opened (${openedAt}).`);
    }
    const values = [
      clientId,
      number,
      title,
      status,
      row.text('priority', 40) || 'normal',
      openedAt,
      status === 'open' ? null : (closedAt ?? now),
      row.boolean('sla_breached'),
      row.integer('satisfaction', 1, 5),
    ];
    return finished(row, externalId, values);
  },
};

export const RECORD_SPECS: Readonly<Record<ImportEntity, RecordSpec>> = {
  clients: CLIENTS,
  contacts: CONTACTS,
  agreements: AGREEMENTS,
  managed_systems: MANAGED_SYSTEMS,
  tickets: TICKETS,
};
