import type { IsoDate } from '../domain/model.js';
import { buildClient, type DemoClient, draftAgreements } from './clients.js';
import type { Random } from './random.js';
import { planStories, type Story } from './stories.js';
import { type ActivityWindow, type DemoTicket, ticketHistory } from './tickets.js';
import { at, calendarDays, later, startOfDay } from './time.js';
import { drawTimeline, placeStory, type Timeline } from './timeline.js';

/**
 * Each client with the story of its closeout, if it has one. The story comes first: where it
 * sits in time decides how long the client has been a client and when it raised tickets.
 */

export type ClientStory = { client: DemoClient; story: Story | null; timeline: Timeline | null };
export type ClosingClient = ClientStory & { story: Story; timeline: Timeline };

export const hasCloseout = (entry: ClientStory): entry is ClosingClient => entry.timeline !== null;

export function tellClientStories(options: {
  random: Random;
  orgId: string;
  clients: number;
  closeouts: number;
  today: IsoDate;
}): ClientStory[] {
  const { random, orgId, today } = options;
  const stories = planStories(options.closeouts, random.fork('stories'));
  const takenNames = new Set<string>();
  return Array.from({ length: options.clients }, (_, index): ClientStory => {
    const clientRandom = random.fork(`client:${index}`);
    const drafts = draftAgreements(clientRandom);
    const story = stories[index] ?? null;
    const timeline =
      story === null
        ? null
        : placeStory({
            story,
            draws: drawTimeline(clientRandom),
            noticePeriodDays: Math.max(...drafts.map((draft) => draft.noticePeriodDays)),
            today,
          });
    const client = buildClient({
      random: clientRandom,
      orgId,
      takenNames,
      drafts,
      reference: timeline?.noticeOn ?? today,
      startsBefore: story === null ? 30 : 90,
    });
    return { client, story, timeline };
  });
}

/** When the client raised tickets: not while a closeout ran, nor while it was gone. */
function activityWindows(entry: ClientStory, today: IsoDate): ActivityWindow[] {
  const { client, story, timeline } = entry;
  const reference = timeline?.noticeOn ?? today;
  const from = later(startOfDay(client.row.clientSince), startOfDay(calendarDays(reference, -730)));
  const cutoff = startOfDay(today);
  if (story === null || timeline === null) return [{ from, to: cutoff }];
  const beforeNotice = { from, to: startOfDay(timeline.noticeOn) };
  if (story.ending === 'retained' || story.ending === 'withdrawn') {
    return [beforeNotice, { from: timeline.endedAt!, to: cutoff }];
  }
  if (timeline.returnOn !== null) {
    return [beforeNotice, { from: at(timeline.returnOn, 12), to: cutoff }];
  }
  return [beforeNotice];
}

/** About `ticketsPerClient` tickets (give or take a quarter), some open when notice came. */
export function clientTickets(options: {
  random: Random;
  entry: ClientStory;
  ticketsPerClient: number;
  today: IsoDate;
}): DemoTicket[] {
  const { random, entry, ticketsPerClient, today } = options;
  const { timeline, story } = entry;
  const openAtNotice = timeline === null ? 0 : random.int(1, 4);
  const usual = random.int(
    Math.round(ticketsPerClient * 0.75),
    Math.round(ticketsPerClient * 1.25),
  );
  const stayed = story?.ending === 'retained' || story?.ending === 'withdrawn';
  return ticketHistory({
    random,
    clientId: entry.client.row.id,
    windows: activityWindows(entry, today),
    count: Math.max(usual, openAtNotice),
    mood: entry.client.mood,
    openAtNotice: {
      count: openAtNotice,
      noticeAt: startOfDay(timeline?.noticeOn ?? today),
      workedFrom: stayed ? timeline!.endedAt : null,
    },
    cutoff: startOfDay(today),
  });
}
