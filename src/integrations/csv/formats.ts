import { MANAGED_SYSTEM_CATEGORIES } from '../../domain/handover.js';

/**
 * What a CSV import can bring in: for each kind of record the Closeout fields with their type,
 * and for each file format the column names it uses. The generic format's column names are the
 * field keys themselves; the PSA formats know the columns of ConnectWise, Autotask and HaloPSA
 * ticket exports. Pure data and functions, shared with the web app's mapping screen.
 */

export const IMPORT_ENTITIES = [
  'clients',
  'contacts',
  'agreements',
  'managed_systems',
  'tickets',
] as const;
export type ImportEntity = (typeof IMPORT_ENTITIES)[number];

export const IMPORT_FORMATS = ['generic', 'connectwise', 'autotask', 'halopsa'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export type ImportSource = 'csv' | 'connectwise' | 'autotask' | 'halopsa';

export type FieldType =
  | 'text'
  | 'date'
  | 'datetime'
  | 'boolean'
  | 'money'
  | 'integer'
  | 'email'
  | 'uuid'
  | 'choice';

export type ImportField = {
  /** The field's name, and its column name in the generic format. */
  key: string;
  label: string;
  type: FieldType;
  required: boolean;
  /** What a value means and what a blank cell does. */
  description: string;
  /** For a choice: the values Closeout keeps (the words each stands for are in the docs). */
  values?: readonly string[];
};

export type EntityDefinition = {
  entity: ImportEntity;
  label: string;
  fields: readonly ImportField[];
  /** Groups of fields of which at least one must be mapped. */
  requireOneOf: readonly (readonly string[])[];
};

export type FormatDefinition = {
  format: ImportFormat;
  label: string;
  /** The `source` imported records get, so a PSA connection later recognises them. */
  source: ImportSource;
  entities: readonly ImportEntity[];
  /** Per entity and field, the column names this format uses, the preferred one first. */
  columns: Partial<Record<ImportEntity, Readonly<Record<string, readonly string[]>>>>;
  /** Column names only this format's files have; one of them present suggests the format. */
  signature: readonly string[];
};

const externalId = (what: string): ImportField => ({
  key: 'external_id',
  label: 'External id',
  type: 'text',
  required: true,
  description: `The ${what}'s id in the system the file comes from. A row with an id already imported from the same source updates that ${what}.`,
});

const CLIENT_REFERENCE: readonly ImportField[] = [
  {
    key: 'client_external_id',
    label: 'Client external id',
    type: 'text',
    required: false,
    description: 'The external id of a client imported earlier from the same source.',
  },
  {
    key: 'client_id',
    label: 'Client id (Closeout)',
    type: 'uuid',
    required: false,
    description: 'The id Closeout gives the client.',
  },
  {
    key: 'client_name',
    label: 'Client name',
    type: 'text',
    required: false,
    description:
      'The client’s name, ignoring case and surrounding spaces; used when no id is given.',
  },
];

const CLIENT_REFERENCE_KEYS = CLIENT_REFERENCE.map((field) => field.key);

export const ENTITY_DEFINITIONS: Readonly<Record<ImportEntity, EntityDefinition>> = {
  clients: {
    entity: 'clients',
    label: 'Clients',
    requireOneOf: [],
    fields: [
      externalId('client'),
      {
        key: 'name',
        label: 'Name',
        type: 'text',
        required: true,
        description: 'Up to 200 characters.',
      },
      {
        key: 'client_since',
        label: 'Client since',
        type: 'date',
        required: false,
        description: 'When the relationship began. Blank: kept as it is; today for a new client.',
      },
      {
        key: 'industry',
        label: 'Industry',
        type: 'text',
        required: false,
        description: 'Up to 120 characters.',
      },
      {
        key: 'notes',
        label: 'Notes',
        type: 'text',
        required: false,
        description: 'Up to 20,000 characters.',
      },
      {
        key: 'status',
        label: 'Status',
        type: 'choice',
        values: ['active', 'former'],
        required: false,
        description:
          'Blank: active. The status of a client that has a closeout follows its closeouts and is never changed by an import.',
      },
    ],
  },
  contacts: {
    entity: 'contacts',
    label: 'Contacts',
    requireOneOf: [CLIENT_REFERENCE_KEYS],
    fields: [
      externalId('contact'),
      ...CLIENT_REFERENCE,
      {
        key: 'name',
        label: 'Name',
        type: 'text',
        required: true,
        description: 'Up to 200 characters.',
      },
      { key: 'email', label: 'Email', type: 'email', required: false, description: 'Blank: none.' },
      {
        key: 'phone',
        label: 'Phone',
        type: 'text',
        required: false,
        description: 'Up to 40 characters.',
      },
      {
        key: 'title',
        label: 'Job title',
        type: 'text',
        required: false,
        description: 'Up to 200 characters.',
      },
      {
        key: 'is_decision_maker',
        label: 'Decision maker',
        type: 'boolean',
        required: false,
        description: 'Blank: no.',
      },
      {
        key: 'is_technical_contact',
        label: 'Technical contact',
        type: 'boolean',
        required: false,
        description: 'Blank: no.',
      },
    ],
  },
  agreements: {
    entity: 'agreements',
    label: 'Agreements',
    requireOneOf: [CLIENT_REFERENCE_KEYS],
    fields: [
      externalId('agreement'),
      ...CLIENT_REFERENCE,
      {
        key: 'name',
        label: 'Name',
        type: 'text',
        required: true,
        description: 'Up to 200 characters.',
      },
      {
        key: 'monthly_recurring_revenue',
        label: 'Monthly recurring revenue',
        type: 'money',
        required: true,
        description: 'Zero or more, e.g. 2500, 2,500.00 or $2,500.00.',
      },
      {
        key: 'start_date',
        label: 'Start date',
        type: 'date',
        required: true,
        description: 'The first day.',
      },
      {
        key: 'term_end_date',
        label: 'Term end date',
        type: 'date',
        required: false,
        description: 'The end of a fixed term, not before the start. Blank: a rolling agreement.',
      },
      {
        key: 'notice_period_days',
        label: 'Notice period (days)',
        type: 'integer',
        required: false,
        description: 'From 0 to 730. Blank: 30.',
      },
      {
        key: 'status',
        label: 'Status',
        type: 'choice',
        values: ['active', 'ended'],
        required: false,
        description: 'Blank: ended when the agreement has an end day, otherwise active.',
      },
      {
        key: 'ended_on',
        label: 'Ended on',
        type: 'date',
        required: false,
        description: 'The day an ended agreement ended. Blank while it runs.',
      },
    ],
  },
  managed_systems: {
    entity: 'managed_systems',
    label: 'Managed systems',
    requireOneOf: [CLIENT_REFERENCE_KEYS],
    fields: [
      externalId('managed system'),
      ...CLIENT_REFERENCE,
      {
        key: 'name',
        label: 'Name',
        type: 'text',
        required: true,
        description: 'Up to 200 characters.',
      },
      {
        key: 'category',
        label: 'Category',
        type: 'choice',
        values: MANAGED_SYSTEM_CATEGORIES,
        required: false,
        description:
          'Decides which administration credential the hand-over lists. Blank or unknown: other.',
      },
      {
        key: 'description',
        label: 'Description',
        type: 'text',
        required: false,
        description: 'Up to 4,000 characters.',
      },
    ],
  },
  tickets: {
    entity: 'tickets',
    label: 'Tickets',
    requireOneOf: [CLIENT_REFERENCE_KEYS],
    fields: [
      externalId('ticket'),
      ...CLIENT_REFERENCE,
      {
        key: 'number',
        label: 'Number',
        type: 'text',
        required: false,
        description: 'The number staff and the client quote. Blank: the external id.',
      },
      {
        key: 'title',
        label: 'Title',
        type: 'text',
        required: true,
        description: 'Up to 500 characters.',
      },
      {
        key: 'status',
        label: 'Status',
        type: 'choice',
        values: ['open', 'completed', 'cancelled'],
        required: false,
        description:
          'The PSA’s status words are understood (e.g. "Closed", "Resolved", ">Cancelled"). Blank: completed when the ticket has a closing time, otherwise open. A ticket Closeout has completed or cancelled stays so.',
      },
      {
        key: 'priority',
        label: 'Priority',
        type: 'text',
        required: false,
        description: 'As the PSA names it. Blank: normal.',
      },
      {
        key: 'opened_at',
        label: 'Opened at',
        type: 'datetime',
        required: true,
        description: 'When the ticket was opened; without a time zone, UTC.',
      },
      {
        key: 'closed_at',
        label: 'Closed at',
        type: 'datetime',
        required: false,
        description:
          'When a completed or cancelled ticket closed, not before it opened. Blank for a closed ticket: the time of the import.',
      },
      {
        key: 'sla_breached',
        label: 'SLA breached',
        type: 'boolean',
        required: false,
        description: 'Blank: no.',
      },
      {
        key: 'satisfaction',
        label: 'Satisfaction',
        type: 'integer',
        required: false,
        description: 'The client’s rating, 1 to 5. Blank: not rated.',
      },
    ],
  },
};

export const FORMAT_DEFINITIONS: Readonly<Record<ImportFormat, FormatDefinition>> = {
  generic: {
    format: 'generic',
    label: 'Closeout CSV',
    source: 'csv',
    entities: IMPORT_ENTITIES,
    columns: {},
    signature: [],
  },
  connectwise: {
    format: 'connectwise',
    label: 'ConnectWise PSA ticket export',
    source: 'connectwise',
    entities: ['tickets'],
    signature: ['Ticket #', 'Summary Description', 'Date Entered', 'Company RecID'],
    columns: {
      tickets: {
        external_id: ['Ticket #', 'Ticket Number', 'Ticket Nbr', 'Ticket ID'],
        number: ['Ticket #', 'Ticket Number', 'Ticket Nbr', 'Ticket ID'],
        client_external_id: ['Company RecID', 'Company Rec ID'],
        client_name: ['Company', 'Company Name'],
        title: ['Summary Description', 'Summary'],
        status: ['Status', 'Status Description'],
        priority: ['Priority', 'Priority Description'],
        opened_at: ['Date Entered', 'Entered', 'Date Entered UTC', 'Entered Date'],
        closed_at: ['Closed Date', 'Date Closed', 'Closed'],
      },
    },
  },
  autotask: {
    format: 'autotask',
    label: 'Autotask PSA ticket export',
    source: 'autotask',
    entities: ['tickets'],
    signature: ['Ticket Number', 'Account', 'Complete Date', 'Create Date/Time', 'Account Name'],
    columns: {
      tickets: {
        // Autotask's API knows a ticket by its numeric id; only an export that includes it lets
        // a later Autotask connection recognise the imported tickets.
        external_id: ['Ticket ID', 'ID', 'Ticket Number'],
        number: ['Ticket Number'],
        client_external_id: ['Account ID', 'Company ID'],
        client_name: ['Account', 'Account Name', 'Company', 'Company Name'],
        title: ['Title', 'Ticket Title'],
        status: ['Status'],
        priority: ['Priority'],
        opened_at: ['Created', 'Create Date', 'Create Date/Time', 'Created Date'],
        closed_at: ['Complete Date', 'Completed Date', 'Completed', 'Complete Date/Time'],
      },
    },
  },
  halopsa: {
    format: 'halopsa',
    label: 'HaloPSA ticket export',
    source: 'halopsa',
    entities: ['tickets'],
    signature: ['Date Logged', 'Date Occurred'],
    columns: {
      tickets: {
        external_id: ['Ticket ID', 'ID', 'Request ID'],
        number: ['Ticket ID', 'ID', 'Request ID'],
        client_external_id: ['Client ID', 'Customer ID'],
        client_name: ['Client', 'Client Name', 'Customer', 'Customer Name'],
        title: ['Summary', 'Subject'],
        status: ['Status'],
        priority: ['Priority'],
        opened_at: ['Date Logged', 'Date Occurred', 'Date Opened'],
        closed_at: ['Date Closed', 'Closed Date', 'Closure Date'],
      },
    },
  },
};

/** The formats a file of this kind of record can come in. */
export const formatsFor = (entity: ImportEntity): ImportFormat[] =>
  IMPORT_FORMATS.filter((format) => FORMAT_DEFINITIONS[format].entities.includes(entity));

/**
 * A column name as it is compared: case, surrounding spaces and the separators between words
 * (space, `_`, `-`, `/`, `.`) do not matter, so "Create Date/Time" matches "create_date_time".
 */
export const normaliseColumnName = (name: string): string =>
  name
    .toLowerCase()
    .replace(/[\s_\-/.]+/g, ' ')
    .trim();

/** Which field reads which column: field key → column name as the file writes it. */
export type ColumnMapping = Record<string, string>;

/** Field key → column, each field taking the first of its candidate names the file has. */
function mapByNames(
  entity: ImportEntity,
  columns: readonly string[],
  candidatesOf: (field: ImportField) => readonly string[],
): ColumnMapping {
  const byName = new Map<string, string>();
  for (const column of columns) {
    const name = normaliseColumnName(column);
    if (!byName.has(name)) byName.set(name, column);
  }
  const mapping: ColumnMapping = {};
  for (const field of ENTITY_DEFINITIONS[entity].fields) {
    for (const candidate of candidatesOf(field)) {
      const column = byName.get(normaliseColumnName(candidate));
      if (column !== undefined) {
        mapping[field.key] = column;
        break;
      }
    }
  }
  return mapping;
}

const aliasesOf = (entity: ImportEntity, format: ImportFormat) =>
  FORMAT_DEFINITIONS[format].columns[entity] ?? {};

/**
 * The mapping a format suggests for these column names: each field gets the first of the
 * format's names for it that the file has, and otherwise a column named like the field.
 */
export function suggestMapping(
  entity: ImportEntity,
  columns: readonly string[],
  format: ImportFormat,
): ColumnMapping {
  const aliases = aliasesOf(entity, format);
  return mapByNames(entity, columns, (field) => [
    ...(aliases[field.key] ?? []),
    field.key,
    field.label,
  ]);
}

/** A reason a mapping cannot be imported with, naming the field. */
export type MappingProblem = { field: string; message: string };

/** Everything wrong with a mapping for a file with these columns; empty when it can be used. */
export function mappingProblems(
  entity: ImportEntity,
  mapping: ColumnMapping,
  columns: readonly string[],
): MappingProblem[] {
  const definition = ENTITY_DEFINITIONS[entity];
  const known = new Set(definition.fields.map((field) => field.key));
  const present = new Set(columns);
  const problems: MappingProblem[] = [];
  for (const [field, column] of Object.entries(mapping)) {
    if (!known.has(field)) {
      problems.push({ field, message: `${definition.label} have no field "${field}".` });
    } else if (!present.has(column)) {
      problems.push({ field, message: `The file has no column "${column}".` });
    }
  }
  for (const field of definition.fields) {
    if (field.required && mapping[field.key] === undefined) {
      problems.push({
        field: field.key,
        message: `Choose the column that holds the ${field.label.toLowerCase()}: it is required.`,
      });
    }
  }
  for (const group of definition.requireOneOf) {
    if (!group.some((field) => mapping[field] !== undefined)) {
      problems.push({
        field: group[0]!,
        message: `Choose a column for one of ${group.join(', ')}, so each row finds its client.`,
      });
    }
  }
  return problems;
}

/**
 * The PSA format whose export these columns look like: all its required fields found under its
 * own column names and at least one column only its exports have. Otherwise the generic format.
 */
export function detectFormat(entity: ImportEntity, columns: readonly string[]): ImportFormat {
  const names = new Set(columns.map(normaliseColumnName));
  let best: { format: ImportFormat; score: number } = { format: 'generic', score: 0 };
  for (const format of formatsFor(entity)) {
    const definition = FORMAT_DEFINITIONS[format];
    const hits = definition.signature.filter((name) => names.has(normaliseColumnName(name)));
    if (hits.length === 0) continue;
    const aliases = aliasesOf(entity, format);
    const mapping = mapByNames(entity, columns, (field) => aliases[field.key] ?? []);
    if (mappingProblems(entity, mapping, columns).length > 0) continue;
    const score = hits.length * 100 + Object.keys(mapping).length;
    if (score > best.score) best = { format, score };
  }
  return best.format;
}
