import { mailMoment } from './dates.js';
import { type MailBrand, type RenderedMail, renderMail } from './layout.js';

export type MeetingInvitationMailInput = {
  organisation: MailBrand;
  recipient: { name: string };
  clientName: string;
  closeoutReference: string;
  startsAt: Date;
  endsAt: Date;
  location: string;
  agenda: string;
  /** Who organises it: the closeout's owner. */
  organizer: string;
  /** A new time or place for a meeting already sent. */
  rescheduled: boolean;
};

/** The invitation to the closeout meeting; the calendar event travels as an `.ics` attachment. */
export function meetingInvitationMail(input: MeetingInvitationMailInput): RenderedMail {
  const { organisation, recipient, clientName, closeoutReference, rescheduled } = input;
  const when = `${mailMoment(input.startsAt)} – ${mailMoment(input.endsAt).replace(/^.* at /, '')}`;
  return renderMail({
    brand: organisation,
    subject: `${rescheduled ? 'Rescheduled: ' : ''}Closeout meeting with ${clientName} (${closeoutReference})`,
    greeting: `Hello ${recipient.name},`,
    blocks: [
      {
        kind: 'paragraph',
        text: rescheduled
          ? `The closeout meeting for ${clientName} has moved. The calendar invitation attached replaces the earlier one.`
          : `You are invited to the closeout meeting for ${clientName}. Add it to your calendar with the invitation attached.`,
      },
      {
        kind: 'facts',
        rows: [
          { label: 'When', value: when },
          { label: 'Where', value: input.location === '' ? 'To be confirmed' : input.location },
          { label: 'Organiser', value: input.organizer },
          ...(input.agenda === '' ? [] : [{ label: 'Agenda', value: input.agenda }]),
        ],
      },
      {
        kind: 'paragraph',
        text: 'The meeting settles the termination date, the open tickets, the deliverables, the final billing and who takes over.',
      },
    ],
    footer: `Closeout ${closeoutReference} of ${clientName}.`,
  });
}

export type MeetingCancellationMailInput = {
  organisation: MailBrand;
  recipient: { name: string };
  clientName: string;
  closeoutReference: string;
  startsAt: Date;
};

/** The meeting will not take place: the closeout ended before it. */
export function meetingCancellationMail(input: MeetingCancellationMailInput): RenderedMail {
  const { organisation, recipient, clientName, closeoutReference } = input;
  return renderMail({
    brand: organisation,
    subject: `Cancelled: Closeout meeting with ${clientName} (${closeoutReference})`,
    greeting: `Hello ${recipient.name},`,
    blocks: [
      {
        kind: 'paragraph',
        text: `The closeout meeting for ${clientName} on ${mailMoment(input.startsAt)} will not take place: the closeout has ended. The calendar update attached removes it from your calendar.`,
      },
    ],
    footer: `Closeout ${closeoutReference} of ${clientName}.`,
  });
}
