import type { CloseoutStatus } from '../../../domain/model.js';
import { mailDay, mailMoment } from './dates.js';
import { type MailBrand, type RenderedMail, renderMail } from './layout.js';

export type CloseoutOutcome = Exclude<CloseoutStatus, 'open'>;

export type CloseoutClosedMailInput = {
  organisation: MailBrand;
  recipient: { name: string };
  clientName: string;
  closeoutReference: string;
  outcome: CloseoutOutcome;
  endedAt: string;
  endedBy: string;
  endNote: string;
  /** Work that goes on after closing (destroying the backup after its retention period, …). */
  openTasks: { name: string; roleNames: string[]; dueOn: string | null }[];
};

const OUTCOME_WORDS: Record<CloseoutOutcome, { title: string; sentence: string }> = {
  terminated: {
    title: 'closed: services terminated',
    sentence: 'was closed: the services have ended and responsibility has passed to the client.',
  },
  retained: {
    title: 'ended: client retained',
    sentence: 'ended with the client retained: the services go on.',
  },
  withdrawn: {
    title: 'withdrawn',
    sentence: 'was withdrawn: the notice no longer stands and the services go on.',
  },
};

/** Tells the owner and the service managers that a closeout has ended, and how. */
export function closeoutClosedMail(input: CloseoutClosedMailInput): RenderedMail {
  const words = OUTCOME_WORDS[input.outcome];
  return renderMail({
    brand: input.organisation,
    subject: `${input.closeoutReference} ${input.clientName}: ${words.title}`,
    greeting: `Hello ${input.recipient.name},`,
    blocks: [
      {
        kind: 'paragraph',
        text: `The closeout of ${input.clientName} (${input.closeoutReference}) ${words.sentence}`,
      },
      {
        kind: 'facts',
        rows: [
          { label: 'Ended', value: mailMoment(input.endedAt) },
          { label: 'By', value: input.endedBy },
          ...(input.endNote === '' ? [] : [{ label: 'Note', value: input.endNote }]),
        ],
      },
      ...(input.openTasks.length === 0
        ? []
        : [
            {
              kind: 'list' as const,
              heading: 'Still to do after closing',
              items: input.openTasks.map((task) => ({
                text: task.name,
                detail: [
                  task.roleNames.join(', '),
                  task.dueOn === null ? null : `due ${mailDay(task.dueOn)}`,
                ]
                  .filter((part) => part !== null && part !== '')
                  .join(' · '),
              })),
            },
          ]),
      {
        kind: 'paragraph',
        text: `Find it in Closeout under Closeouts → ${input.closeoutReference}.`,
      },
    ],
    footer: 'You receive this as the closeout’s owner or as a service manager.',
  });
}
