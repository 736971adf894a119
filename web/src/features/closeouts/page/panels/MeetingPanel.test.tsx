import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { TProcessDefinition } from '../../../../../../src/blueprint/schema.js';
import type { TCloseoutDetail } from '../../../../../../src/server/closeouts/schema.js';
import {
  buildCloseoutDetail,
  buildDefinition,
  CLOSEOUT_ID,
  stageRef,
} from '../../../../../test/fixtures/closeout.js';
import { type ApiHandlers, fakeApi, renderWithApp } from '../../../../../test/render.js';
import { MeetingPanel } from './MeetingPanel.js';

function renderPanel(
  closeout: TCloseoutDetail,
  options: { definition?: TProcessDefinition; handlers?: ApiHandlers } = {},
) {
  const api = fakeApi(options.handlers ?? {});
  const rendered = renderWithApp(
    <MeetingPanel
      closeout={closeout}
      definition={options.definition ?? buildDefinition()}
      stageKey="closeout_meeting"
      editable
    />,
  );
  return { ...rendered, api };
}

const atMeeting = (overrides: Partial<TCloseoutDetail> = {}) =>
  buildCloseoutDetail({ stage: stageRef('closeout_meeting'), ...overrides });

const scheduled = () =>
  atMeeting({
    meeting: {
      ...buildCloseoutDetail().meeting,
      scheduledAt: '2026-11-12T14:00:00.000Z',
      location: 'Acme Dental, Harbour Street',
      agenda: 'Our own agenda',
    },
  });

/** Date and time inputs are set as the browser would after picking a value. */
const pick = (input: HTMLElement, value: string) => fireEvent.change(input, { target: { value } });

type User = ReturnType<typeof renderPanel>['user'];

/** Text is pasted rather than typed: the record form is long and typing it key by key is slow. */
const fill = async (user: User, input: HTMLElement, text: string) => {
  await user.click(input);
  await user.paste(text);
};

describe('MeetingPanel', () => {
  it("prefills a new meeting's agenda from the pinned definition's agenda template", async () => {
    const definition = buildDefinition();
    const agenda = definition.documents.find((document) => document.key === 'meeting_agenda')!;
    agenda.template = '1. Dates\n2. Open tickets\n3. Who takes over';
    const { user, api } = renderPanel(atMeeting(), {
      definition,
      handlers: { [`POST /closeouts/${CLOSEOUT_ID}/schedule-meeting`]: () => atMeeting() },
    });

    const form = screen.getByRole('form', { name: 'Schedule the meeting' });
    expect(within(form).getByLabelText(/^Agenda/)).toHaveValue(agenda.template);

    pick(within(form).getByLabelText(/Date and time/), '2026-11-12T15:00');
    await fill(user, within(form).getByLabelText('Location'), 'Video call');
    await user.type(within(form).getByLabelText(/^Agenda/), '\n4. Billing');
    await user.click(within(form).getByRole('button', { name: 'Schedule the meeting' }));

    await waitFor(() => expect(api.requests).toHaveLength(1));
    expect(api.requests[0]!.body).toEqual({
      scheduledAt: new Date('2026-11-12T15:00').toISOString(),
      location: 'Video call',
      agenda: `${agenda.template}\n4. Billing`,
    });
  });

  it('keeps the agenda a scheduled meeting already has', async () => {
    const { user } = renderPanel(scheduled());
    await user.click(screen.getByRole('button', { name: 'Reschedule or edit the agenda' }));
    expect(screen.getByLabelText(/^Agenda/)).toHaveValue('Our own agenda');
    expect(screen.getByRole('button', { name: 'Start again from the template' })).toBeVisible();
  });

  it('records the meeting as held with its attendees and what was agreed', async () => {
    const { user, api } = renderPanel(scheduled(), {
      handlers: { [`POST /closeouts/${CLOSEOUT_ID}/record-meeting`]: () => scheduled() },
    });
    const form = screen.getByRole('form', { name: 'Record the meeting' });

    pick(within(form).getByLabelText(/Held at/), '2026-11-12T15:00');
    await fill(user, within(form).getByLabelText('Attendee 1: name'), 'Dana Decider');
    await fill(user, within(form).getByLabelText('Attendee 1: email'), 'dana@acme.test');
    await user.click(within(form).getByRole('button', { name: 'Add an attendee' }));
    await fill(user, within(form).getByLabelText('Attendee 3: name'), 'Ivo Incoming');
    await user.selectOptions(
      within(form).getByLabelText('Attendee 3: organisation'),
      'Incoming provider',
    );
    await fill(user, within(form).getByLabelText('Minutes'), 'Friendly; dates agreed.');
    pick(within(form).getByLabelText(/Termination date/), '2027-01-31');
    pick(within(form).getByLabelText(/Deactivation session/), '2027-01-28T10:00');
    await fill(user, within(form).getByLabelText(/How open tickets are handled/), 'Complete all.');
    await fill(user, within(form).getByLabelText(/What the client receives/), 'Credentials.');
    await fill(user, within(form).getByLabelText(/Final billing/), 'Stops on the 31st.');
    await user.click(within(form).getByRole('radio', { name: 'An incoming provider' }));
    await fill(user, within(form).getByLabelText(/Transition contact/), 'Ivo Incoming');
    await fill(user, within(form).getByLabelText('Provider'), 'Next IT');
    await user.click(within(form).getByRole('button', { name: 'Record the meeting' }));

    await waitFor(() => expect(api.requests).toHaveLength(1));
    expect(api.requests[0]).toMatchObject({
      method: 'POST',
      path: `/closeouts/${CLOSEOUT_ID}/record-meeting`,
      headers: { 'if-match': '"7"' },
    });
    expect(api.requests[0]!.body).toEqual({
      heldAt: new Date('2026-11-12T15:00').toISOString(),
      attendees: [
        { name: 'Dana Decider', email: 'dana@acme.test', organisation: 'client' },
        { name: 'Sam Service', email: 'sam@msp.test', organisation: 'provider' },
        { name: 'Ivo Incoming', email: null, organisation: 'incoming_provider' },
      ],
      minutes: 'Friendly; dates agreed.',
      agreement: {
        terminationDate: '2027-01-31',
        deactivationSessionAt: new Date('2027-01-28T10:00').toISOString(),
        ticketHandling: 'Complete all.',
        deliverables: 'Credentials.',
        finalBilling: 'Stops on the 31st.',
        transitionContact: {
          kind: 'incoming_provider',
          name: 'Ivo Incoming',
          email: null,
          phone: null,
          organisation: 'Next IT',
        },
      },
    });
  });

  it("shows the API's refusal beside the field it names", async () => {
    const { user } = renderPanel(
      atMeeting({
        meeting: {
          ...scheduled().meeting,
          attendees: [{ name: 'Dana Decider', email: null, organisation: 'client' }],
          minutes: '',
        },
      }),
      {
        handlers: {
          [`POST /closeouts/${CLOSEOUT_ID}/record-meeting`]: () => ({
            status: 400,
            body: {
              type: 'about:blank',
              title: 'Invalid request',
              status: 400,
              code: 'validation',
              field: 'agreement.deactivationSessionAt',
              detail: 'The deactivation session must take place on or before the termination date.',
            },
          }),
        },
      },
    );
    const form = screen.getByRole('form', { name: 'Record the meeting' });
    pick(within(form).getByLabelText(/Held at/), '2026-11-12T15:00');
    pick(within(form).getByLabelText(/Deactivation session/), '2027-02-10T10:00');
    await fill(user, within(form).getByLabelText(/How open tickets are handled/), 'Complete all.');
    await fill(user, within(form).getByLabelText(/What the client receives/), 'Credentials.');
    await fill(user, within(form).getByLabelText(/Final billing/), 'Stops on the 31st.');
    await fill(user, within(form).getByLabelText(/Transition contact/), 'Own IT lead');
    await user.click(within(form).getByRole('button', { name: 'Record the meeting' }));

    const session = within(form).getByLabelText(/Deactivation session/);
    await waitFor(() => expect(session).toHaveAttribute('aria-invalid', 'true'));
    expect(session).toHaveAccessibleDescription(
      expect.stringContaining('on or before the termination date'),
    );
    expect(within(form).queryByRole('alert')).not.toBeInTheDocument();
  });

  it('checks the record with the API schema before sending it', async () => {
    const { user, api } = renderPanel(scheduled());
    const form = screen.getByRole('form', { name: 'Record the meeting' });
    await fill(user, within(form).getByLabelText('Attendee 1: email'), 'not-an-email');
    await user.click(within(form).getByRole('button', { name: 'Record the meeting' }));

    expect(
      await within(form).findByText('Agree when the deactivation session takes place.'),
    ).toBeVisible();
    expect(within(form).getByLabelText('Attendee 1: name')).toHaveAttribute('aria-invalid', 'true');
    expect(within(form).getByLabelText('Attendee 1: email')).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    expect(api.requests).toEqual([]);
  });

  it('marks the summary sent once the meeting is held', async () => {
    const held = atMeeting({
      meeting: { ...scheduled().meeting, heldAt: '2026-11-12T15:00:00.000Z' },
    });
    const { user, api } = renderPanel(held, {
      handlers: { [`POST /closeouts/${CLOSEOUT_ID}/record-meeting-summary-sent`]: () => held },
    });
    await user.click(screen.getByRole('button', { name: 'Mark the summary sent' }));
    await waitFor(() =>
      expect(api.requests[0]?.path).toBe(`/closeouts/${CLOSEOUT_ID}/record-meeting-summary-sent`),
    );
  });
});
