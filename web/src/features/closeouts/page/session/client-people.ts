import type { TCloseoutDetail } from '../../../../../../src/server/closeouts/schema.js';

/**
 * The client's people the closeout knows by name (its attendees at the closeout meeting and who
 * takes over), offered when staff record a confirmation on the client's behalf.
 */
export function clientPeople(closeout: TCloseoutDetail): string[] {
  const names = closeout.meeting.attendees
    .filter((attendee) => attendee.organisation !== 'provider')
    .map((attendee) => attendee.name);
  const contact = closeout.meeting.agreement?.transitionContact.name;
  return [...new Set(contact === undefined ? names : [contact, ...names])];
}
