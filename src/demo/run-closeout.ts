import { DEFAULT_DEFINITION } from '../blueprint/default-definition.js';
import type { Closeout, IsoDate, TransitionContact } from '../domain/model.js';
import type { ClosingClient } from './client-stories.js';
import { type DemoClient, dramaPhone, personName, slug } from './clients.js';
import type { Random } from './random.js';
import { closeoutSteps } from './script/index.js';
import { type DemoAuditEvent, simulateCloseout } from './simulate.js';
import type { DemoStaff } from './staff.js';
import type { Story } from './stories.js';
import type { DemoTicket } from './tickets.js';
import { startOfDay } from './time.js';
import { INCOMING_PROVIDERS } from './vocabulary.js';

/** One client's closeout, opened and run through its story by the demo's staff. */

function transitionContact(random: Random, client: DemoClient): TransitionContact {
  if (random.chance(0.55)) {
    const provider = random.pick(INCOMING_PROVIDERS);
    const person = personName(random);
    return {
      kind: 'incoming_provider',
      name: person.full,
      email: `${person.first}.${person.last}@${slug(provider)}.example`.toLowerCase(),
      phone: dramaPhone(random),
      organisation: provider,
    };
  }
  const { technicalContact } = client;
  return {
    kind: 'own_it',
    name: technicalContact.name,
    email: technicalContact.email ?? null,
    phone: technicalContact.phone ?? null,
    organisation: client.row.name,
  };
}

function noticeEvidence(story: Story, client: DemoClient, staff: DemoStaff, on: IsoDate): string {
  switch (story.trigger) {
    case 'client_notice':
      return `Email from ${client.decisionMaker.name} (${client.decisionMaker.title}) on ${on}, filed in the PSA.`;
    case 'provider_termination':
      return `Termination letter from ${staff.executive.name} sent by recorded delivery on ${on}.`;
    case 'mutual':
      return `Minutes of the account review on ${on}, signed by both sides.`;
  }
}

export function runCloseout(options: {
  random: Random;
  entry: ClosingClient;
  reference: string;
  orgId: string;
  staff: DemoStaff;
  tickets: DemoTicket[];
  today: IsoDate;
}): { closeout: Closeout; events: DemoAuditEvent[] } {
  const { random, entry, staff } = options;
  const { client, story, timeline } = entry;
  const scriptRandom = random.fork('script');
  const engineRandom = random.fork('engine');
  return simulateCloseout({
    opening: {
      input: {
        id: engineRandom.uuid(),
        orgId: options.orgId,
        reference: options.reference,
        clientId: client.row.id,
        trigger: story.trigger,
        noticeReceivedOn: timeline.noticeOn,
        noticeEvidence: noticeEvidence(story, client, staff, timeline.noticeOn),
        ownerUserId: staff.accountManager.userId,
      },
      agreements: client.agreements,
      actor: story.trigger === 'provider_termination' ? staff.serviceManager : staff.accountManager,
      at: timeline.openedAt,
    },
    steps: closeoutSteps({
      story,
      timeline,
      staff,
      client,
      tickets: options.tickets,
      transition: transitionContact(scriptRandom, client),
      definition: DEFAULT_DEFINITION,
      random: scriptRandom,
    }),
    definition: DEFAULT_DEFINITION,
    cutoff: startOfDay(options.today),
    random: engineRandom,
  });
}

/** A review decides what became of the tickets it holds; the PSA follows the review. */
export function followReviews(closeout: Closeout, ticketsById: Map<string, DemoTicket>): void {
  for (const review of closeout.ticketReviews) {
    const ticket = ticketsById.get(review.ticketId)!;
    ticket.status = review.outcome ?? 'open';
    ticket.closedAt = review.outcomeAt;
  }
}
