import { type MailBrand, type RenderedMail, renderMail } from './layout.js';

export type PortalInvitationMailInput = {
  organisation: MailBrand;
  contact: { name: string; email: string };
  clientName: string;
  closeoutReference: string;
  signInUrl: string;
  /** The staff member who sent the invitation. */
  invitedBy: string;
};

/** A client's contact is invited to the portal to do the client's part of the closeout. */
export function portalInvitationMail(input: PortalInvitationMailInput): RenderedMail {
  const { organisation, contact, clientName, closeoutReference, signInUrl, invitedBy } = input;
  return renderMail({
    brand: organisation,
    subject: `${organisation.organisationName} invites you to the client portal (${closeoutReference})`,
    greeting: `Hello ${contact.name},`,
    blocks: [
      {
        kind: 'paragraph',
        text: `${invitedBy} of ${organisation.organisationName} has invited you to the client portal for the closeout of ${clientName}'s services (${closeoutReference}).`,
      },
      {
        kind: 'paragraph',
        text: 'In the portal you can follow the closeout, agree how open tickets are handled, receive the handed-over credentials and backup, and sign the transfer of responsibility.',
      },
      { kind: 'button', label: 'Open the client portal', url: signInUrl },
      {
        kind: 'paragraph',
        text: `You sign in with this email address (${contact.email}); no password is needed.`,
      },
    ],
    footer: `You receive this because ${invitedBy} invited you on behalf of ${clientName}.`,
  });
}
