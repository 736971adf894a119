import type { TProcessDefinition } from '../../../../../../../src/blueprint/schema.js';
import {
  type TCloseoutDetail,
  ZRecordMeetingRequest,
  ZScheduleMeetingRequest,
} from '../../../../../../../src/server/closeouts/schema.js';
import { localInputToMoment, momentToLocalInput } from '../../../../../format.js';
import { zodValidate } from '../../../../../forms/zod-form.js';

/**
 * The meeting forms hold what their inputs hold (local date-times, empty strings for "none") under
 * the API's own field names, so the API's field errors land on them; they become the API's
 * request (ISO moments, nulls) only to be validated and sent.
 */

type TAttendee = TCloseoutDetail['meeting']['attendees'][number];
type TTransitionContact = NonNullable<TCloseoutDetail['meeting']['agreement']>['transitionContact'];

/** The document whose template a new meeting's agenda starts from. */
export const MEETING_AGENDA_DOCUMENT = 'meeting_agenda';

export const agendaTemplate = (definition: TProcessDefinition): string =>
  definition.documents.find((document) => document.key === MEETING_AGENDA_DOCUMENT)?.template ?? '';

/** A local date-time input's value as an ISO moment; left as typed when it is not a date. */
const moment = (value: string): string =>
  value === '' || Number.isNaN(new Date(value).getTime()) ? value : localInputToMoment(value);

const orNull = (value: string): string | null => (value.trim() === '' ? null : value);

const required = (errors: Record<string, string>, fields: [string, string, string][]) => {
  for (const [field, value, message] of fields) {
    if (value === '') errors[field] = message;
  }
  return errors;
};

// ---- scheduling --------------------------------------------------------------------------------

export type ScheduleValues = { scheduledAt: string; location: string; agenda: string };

export const scheduleValues = (
  closeout: TCloseoutDetail,
  definition: TProcessDefinition,
): ScheduleValues => ({
  scheduledAt: momentToLocalInput(closeout.meeting.scheduledAt),
  location: closeout.meeting.location,
  agenda: closeout.meeting.agenda === '' ? agendaTemplate(definition) : closeout.meeting.agenda,
});

export const toScheduleRequest = (values: ScheduleValues) => ({
  ...values,
  scheduledAt: moment(values.scheduledAt),
});

export const validateSchedule = (values: ScheduleValues) =>
  required(zodValidate(ZScheduleMeetingRequest)(toScheduleRequest(values)), [
    ['scheduledAt', values.scheduledAt, 'Choose the date and time.'],
  ]);

// ---- the meeting's record ------------------------------------------------------------------------

export type AttendeeValues = {
  name: string;
  email: string;
  organisation: TAttendee['organisation'];
};

export type RecordValues = {
  heldAt: string;
  attendees: AttendeeValues[];
  minutes: string;
  agreement: {
    terminationDate: string;
    deactivationSessionAt: string;
    ticketHandling: string;
    deliverables: string;
    finalBilling: string;
    transitionContact: {
      kind: TTransitionContact['kind'];
      name: string;
      email: string;
      phone: string;
      organisation: string;
    };
  };
};

export const emptyAttendee = (organisation: AttendeeValues['organisation']): AttendeeValues => ({
  name: '',
  email: '',
  organisation,
});

/** What the form starts from: the record when there is one, else what is already known. */
export function recordValues(
  closeout: TCloseoutDetail,
  self: { name: string; email: string } | null,
): RecordValues {
  const { meeting } = closeout;
  const agreement = meeting.agreement;
  const contact = agreement?.transitionContact;
  return {
    heldAt: momentToLocalInput(meeting.heldAt ?? meeting.scheduledAt),
    attendees:
      meeting.attendees.length > 0
        ? meeting.attendees.map((attendee) => ({ ...attendee, email: attendee.email ?? '' }))
        : [
            emptyAttendee('client'),
            ...(self === null ? [] : [{ ...self, organisation: 'provider' as const }]),
          ],
    minutes: meeting.minutes,
    agreement: {
      terminationDate:
        agreement?.terminationDate ??
        closeout.terminationDate ??
        closeout.earliestTerminationDate ??
        '',
      deactivationSessionAt: momentToLocalInput(agreement?.deactivationSessionAt ?? null),
      ticketHandling: agreement?.ticketHandling ?? '',
      deliverables: agreement?.deliverables ?? '',
      finalBilling: agreement?.finalBilling ?? '',
      transitionContact: {
        kind: contact?.kind ?? 'own_it',
        name: contact?.name ?? '',
        email: contact?.email ?? '',
        phone: contact?.phone ?? '',
        organisation: contact?.organisation ?? '',
      },
    },
  };
}

export const toRecordRequest = (values: RecordValues) => ({
  heldAt: moment(values.heldAt),
  attendees: values.attendees.map((attendee) => ({ ...attendee, email: orNull(attendee.email) })),
  minutes: values.minutes,
  agreement: {
    ...values.agreement,
    deactivationSessionAt: moment(values.agreement.deactivationSessionAt),
    transitionContact: {
      ...values.agreement.transitionContact,
      email: orNull(values.agreement.transitionContact.email),
      phone: orNull(values.agreement.transitionContact.phone),
      organisation: orNull(values.agreement.transitionContact.organisation),
    },
  },
});

export const validateRecord = (values: RecordValues) =>
  required(zodValidate(ZRecordMeetingRequest)(toRecordRequest(values)), [
    ['heldAt', values.heldAt, 'When was the meeting held?'],
    ['agreement.terminationDate', values.agreement.terminationDate, 'Agree the termination date.'],
    [
      'agreement.deactivationSessionAt',
      values.agreement.deactivationSessionAt,
      'Agree when the deactivation session takes place.',
    ],
  ]);
