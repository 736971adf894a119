import type { tickets } from '../db/schema.js';
import type { IsoDateTime, Ticket } from '../domain/model.js';
import { compareText } from './order.js';
import type { Random } from './random.js';
import { isWeekend } from './time.js';
import { PROJECT_TICKET_TITLES, TICKET_PRIORITIES, TICKET_TITLES } from './vocabulary.js';

/**
 * A client's ticket history as the PSA holds it: opened in working hours over the periods the
 * client was served, mostly closed within hours or days. Numbers are given once every client's
 * tickets exist, in the order they were opened, as a PSA numbers them.
 */

export type DemoTicket = Ticket & { priority: string };
export type TicketRow = typeof tickets.$inferInsert & { id: string };

/** A stretch of time in which the client raised tickets. */
export type ActivityWindow = { from: IsoDateTime; to: IsoDateTime };

const HOUR = 3_600_000;

function openingMoment(random: Random, windows: ActivityWindow[]): number {
  const lengths = windows.map((window) => Date.parse(window.to) - Date.parse(window.from));
  const total = lengths.reduce((sum, length) => sum + length, 0);
  for (let attempt = 0; ; attempt += 1) {
    let offset = random.next() * total;
    const index = Math.max(
      lengths.findIndex((length) => {
        if (offset < length) return true;
        offset -= length;
        return false;
      }),
      0,
    );
    const from = Date.parse(windows[index]!.from);
    const to = Date.parse(windows[index]!.to);
    const day = new Date(from + offset);
    const midnight = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate());
    const moment = midnight + random.between(8, 17.5) * HOUR;
    const inWindow = moment >= from && moment < to;
    if (inWindow && !isWeekend(new Date(midnight).toISOString().slice(0, 10))) return moment;
    // Weekends and moments that slipped out of a short window are drawn again, a few times.
    if (attempt >= 6) return inWindow ? moment : from + random.next() * (to - from);
  }
}

/** How long a ticket takes: most close within two days, some take a week, a few much longer. */
function resolutionHours(random: Random): number {
  return random.weighted<() => number>([
    [() => random.between(0.3, 48), 70],
    [() => random.between(48, 240), 25],
    [() => random.between(240, 960), 5],
  ])();
}

function satisfaction(random: Random, mood: number): number {
  const roll = random.next() * 0.6 + mood * 0.4;
  return roll > 0.62 ? 5 : roll > 0.42 ? 4 : roll > 0.3 ? 3 : roll > 0.22 ? 2 : 1;
}

export function ticketHistory(options: {
  random: Random;
  clientId: string;
  windows: ActivityWindow[];
  count: number;
  mood: number;
  /**
   * Tickets still open when the client gave notice: what its ticket review is about, or, when
   * no review follows, worked after `workedFrom` like any other.
   */
  openAtNotice: { count: number; noticeAt: IsoDateTime; workedFrom: IsoDateTime | null };
  cutoff: IsoDateTime;
}): DemoTicket[] {
  const { random, clientId, cutoff, mood } = options;
  const windows = options.windows.filter((window) => window.from < window.to);
  const usual = windows.length === 0 ? 0 : options.count - options.openAtNotice.count;
  const history = Array.from({ length: Math.max(usual, 0) }, (): DemoTicket => {
    const opened = openingMoment(random, windows);
    const closed = opened + resolutionHours(random) * HOUR;
    const open = closed >= Date.parse(cutoff);
    const cancelled = !open && random.chance(0.04);
    return {
      id: random.uuid(),
      clientId,
      number: '',
      title: random.pick(TICKET_TITLES),
      priority: random.weighted(TICKET_PRIORITIES),
      status: open ? 'open' : cancelled ? 'cancelled' : 'completed',
      openedAt: new Date(opened).toISOString(),
      closedAt: open ? null : new Date(closed).toISOString(),
      slaBreached: random.chance(closed - opened > 240 * HOUR ? 0.3 : 0.07),
      satisfaction: !open && !cancelled && random.chance(0.4) ? satisfaction(random, mood) : null,
    };
  });
  const { noticeAt, workedFrom } = options.openAtNotice;
  const pending = Array.from({ length: options.openAtNotice.count }, (): DemoTicket => {
    const opened = Date.parse(noticeAt) - random.between(1, 20) * 24 * HOUR;
    const worked =
      workedFrom === null ? null : Date.parse(workedFrom) + random.between(1, 15) * 24 * HOUR;
    const closedAt =
      worked === null || worked >= Date.parse(cutoff) ? null : new Date(worked).toISOString();
    return {
      id: random.uuid(),
      clientId,
      number: '',
      title: random.pick(PROJECT_TICKET_TITLES),
      priority: random.weighted(TICKET_PRIORITIES),
      status: closedAt === null ? 'open' : 'completed',
      openedAt: new Date(opened).toISOString(),
      closedAt,
      slaBreached: false,
      satisfaction: null,
    };
  });
  return [...history, ...pending];
}

/** The client's tickets as the PSA showed them at `moment`. */
export function ticketsAt(clientTickets: readonly Ticket[], moment: IsoDateTime): Ticket[] {
  return clientTickets
    .filter((ticket) => ticket.openedAt <= moment)
    .map((ticket) =>
      ticket.closedAt !== null && ticket.closedAt <= moment
        ? ticket
        : { ...ticket, status: 'open' as const, closedAt: null },
    );
}

/** Numbers every ticket of the MSP in the order they were opened. */
export function numberTickets(allTickets: DemoTicket[]): void {
  const ordered = [...allTickets].sort((left, right) =>
    left.openedAt === right.openedAt
      ? compareText(left.id, right.id)
      : compareText(left.openedAt, right.openedAt),
  );
  ordered.forEach((ticket, index) => {
    ticket.number = `T-${100_001 + index}`;
  });
}

export function ticketRow(orgId: string, ticket: DemoTicket): TicketRow {
  return {
    id: ticket.id,
    orgId,
    clientId: ticket.clientId,
    number: ticket.number,
    title: ticket.title,
    status: ticket.status,
    priority: ticket.priority,
    openedAt: new Date(ticket.openedAt),
    closedAt: ticket.closedAt === null ? null : new Date(ticket.closedAt),
    slaBreached: ticket.slaBreached,
    satisfaction: ticket.satisfaction,
    source: 'demo',
  };
}
