import type { agreements, clients, contacts, managedSystems } from '../db/schema.js';
import { addMonthsToDay } from '../domain/kpis/calendar.js';
import type { Agreement, IsoDate } from '../domain/model.js';
import type { Random } from './random.js';
import { calendarDays, weekdayOnOrAfter } from './time.js';
import {
  AGREEMENT_NAMES,
  FIRST_NAMES,
  NAME_PARTS,
  SURNAMES,
  SYSTEMS_BY_CATEGORY,
  TRADES,
  type Trade,
} from './vocabulary.js';

/** A client of the demo MSP with its people, agreements and the systems the MSP manages. */

export type ClientRow = typeof clients.$inferInsert & { id: string };
export type ContactRow = typeof contacts.$inferInsert & { id: string };
export type AgreementRow = typeof agreements.$inferInsert & { id: string };
export type ManagedSystemRow = typeof managedSystems.$inferInsert & {
  id: string;
  category: string;
};

export type DemoClient = {
  row: ClientRow;
  trade: Trade;
  domain: string;
  decisionMaker: ContactRow;
  technicalContact: ContactRow;
  /** The agreements as signed; the closeouts decide later which of them ended. */
  agreements: Agreement[];
  systems: ManagedSystemRow[];
  /** 0 (unhappy) to 1 (delighted): how the client tends to rate its tickets. */
  mood: number;
};

/** An agreement before its dates are known: enough to place a closeout in time. */
export type AgreementDraft = {
  name: string;
  monthlyRecurringRevenue: number;
  noticePeriodDays: number;
  termMonths: number | null;
};

const roundTo5 = (amount: number) => Math.max(50, Math.round(amount / 5) * 5);

export function draftAgreements(random: Random): AgreementDraft[] {
  const count = random.weighted([
    [1, 50],
    [2, 35],
    [3, 15],
  ]);
  // Most clients are small; a few large ones carry much of the revenue.
  const total = 800 + 11_200 * random.next() ** 2;
  const mainShare = count === 1 ? 1 : random.between(0.55, 0.8);
  const [main, ...addOns] = [
    AGREEMENT_NAMES[0],
    ...random.sample(AGREEMENT_NAMES.slice(1), count - 1),
  ];
  return [
    {
      name: main,
      monthlyRecurringRevenue: roundTo5(total * mainShare),
      noticePeriodDays: random.weighted([
        [30, 40],
        [60, 35],
        [90, 25],
      ]),
      termMonths: random.chance(0.35) ? random.pick([12, 24, 36]) : null,
    },
    ...addOns.map((name) => ({
      name,
      monthlyRecurringRevenue: roundTo5((total * (1 - mainShare)) / addOns.length),
      noticePeriodDays: 30,
      termMonths: random.chance(0.2) ? 12 : null,
    })),
  ];
}

/** The end of the fixed term that runs at `reference`: terms renew until then. */
function currentTermEnd(start: IsoDate, termMonths: number, reference: IsoDate): IsoDate {
  let end = addMonthsToDay(start, termMonths);
  for (let terms = 2; end <= reference; terms += 1) end = addMonthsToDay(start, termMonths * terms);
  return end;
}

function signAgreements(options: {
  random: Random;
  clientId: string;
  drafts: AgreementDraft[];
  clientSince: IsoDate;
  latestStart: IsoDate;
  termReference: IsoDate;
}): Agreement[] {
  const { random, clientSince, latestStart } = options;
  const span = Math.max(
    0,
    Math.round((Date.parse(latestStart) - Date.parse(clientSince)) / 86_400_000),
  );
  return options.drafts.map((draft, index) => {
    const startDate =
      index === 0 ? clientSince : weekdayOnOrAfter(calendarDays(clientSince, random.int(0, span)));
    return {
      id: random.uuid(),
      clientId: options.clientId,
      name: draft.name,
      monthlyRecurringRevenue: draft.monthlyRecurringRevenue,
      startDate,
      termEndDate:
        draft.termMonths === null
          ? null
          : currentTermEnd(startDate, draft.termMonths, options.termReference),
      noticePeriodDays: draft.noticePeriodDays,
      status: 'active',
      endedOn: null,
    };
  });
}

function fillPattern(pattern: string, random: Random): string {
  return pattern.replace(/\{(surname2|surname|place|word)\}/g, (_, part: keyof typeof NAME_PARTS) =>
    random.pick(NAME_PARTS[part]),
  );
}

/** A company name no other demo client has. */
function uniqueName(trade: Trade, random: Random, taken: Set<string>): string {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const name = fillPattern(random.pick(trade.names), random);
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
  for (let branch = 2; ; branch += 1) {
    const name = `${fillPattern(random.pick(trade.names), random)} (${random.pick(NAME_PARTS.place)} ${branch})`;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}

export const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .split('-')
    .slice(0, 3)
    .join('-');

/** A phone number in Ofcom's range for drama: 020 7946 0000 to 0999. */
export const dramaPhone = (random: Random) =>
  `+44 20 7946 0${String(random.int(0, 999)).padStart(3, '0')}`;

export function personName(random: Random): { first: string; last: string; full: string } {
  const first = random.pick(FIRST_NAMES);
  const last = random.pick(SURNAMES);
  return { first, last, full: `${first} ${last}` };
}

function contact(options: {
  random: Random;
  orgId: string;
  clientId: string;
  domain: string;
  title: string;
  decisionMaker: boolean;
}): ContactRow {
  const { random } = options;
  const person = personName(random);
  return {
    id: random.uuid(),
    orgId: options.orgId,
    clientId: options.clientId,
    name: person.full,
    email: `${person.first}.${person.last}@${options.domain}`.toLowerCase(),
    phone: dramaPhone(random),
    title: options.title,
    isDecisionMaker: options.decisionMaker,
    isTechnicalContact: !options.decisionMaker,
    source: 'demo',
  };
}

const REQUIRED_CATEGORIES = ['cloud_tenant', 'firewall', 'backup_console', 'registrar_dns'];
const OPTIONAL_CATEGORIES = ['domain_admin', 'network', 'hypervisor', 'vendor_portal', 'other'];

function managedSystemsOf(options: {
  random: Random;
  orgId: string;
  clientId: string;
  trade: Trade;
}): ManagedSystemRow[] {
  const { random, trade } = options;
  const categories = [
    ...REQUIRED_CATEGORIES,
    ...(random.chance(0.8) ? ['lob_app'] : []),
    ...random.sample(OPTIONAL_CATEGORIES, random.int(0, 4)),
  ];
  return categories.map((category) => {
    const [name, description] =
      category === 'lob_app'
        ? [random.pick(trade.businessApps), 'Line-of-business application, vendor-supported']
        : random.pick(SYSTEMS_BY_CATEGORY[category]!);
    return {
      id: random.uuid(),
      orgId: options.orgId,
      clientId: options.clientId,
      name,
      category,
      description,
      source: 'demo',
    };
  });
}

export function buildClient(options: {
  random: Random;
  orgId: string;
  takenNames: Set<string>;
  drafts: AgreementDraft[];
  /** The day the client's story is told from: its notice day, or today without a closeout. */
  reference: IsoDate;
  /** Agreements start at least this many days before the reference. */
  startsBefore: number;
}): DemoClient {
  const { random, orgId, reference } = options;
  const trade = random.pick(TRADES);
  const id = random.uuid();
  const name = uniqueName(trade, random, options.takenNames);
  const domain = `${slug(name)}.example`;
  const clientSince = weekdayOnOrAfter(calendarDays(reference, -random.int(365, 12 * 365)));
  return {
    row: {
      id,
      orgId,
      name,
      status: 'active',
      clientSince,
      industry: trade.industry,
      notes: '',
      source: 'demo',
    },
    trade,
    domain,
    decisionMaker: contact({
      random,
      orgId,
      clientId: id,
      domain,
      title: random.pick(trade.decisionMakerTitles),
      decisionMaker: true,
    }),
    technicalContact: contact({
      random,
      orgId,
      clientId: id,
      domain,
      title: random.pick(trade.technicalTitles),
      decisionMaker: false,
    }),
    agreements: signAgreements({
      random,
      clientId: id,
      drafts: options.drafts,
      clientSince,
      latestStart: calendarDays(reference, -options.startsBefore),
      termReference: reference,
    }),
    systems: managedSystemsOf({ random, orgId, clientId: id, trade }),
    mood: random.between(0.2, 1),
  };
}

export function agreementRow(orgId: string, agreement: Agreement): AgreementRow {
  return { ...agreement, orgId, source: 'demo' };
}
