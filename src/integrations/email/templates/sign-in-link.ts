import { type MailBrand, type RenderedMail, renderMail } from './layout.js';

export type SignInLinkMailInput = {
  organisation: MailBrand;
  contact: { name: string; email: string };
  signInUrl: string;
  expiresInMinutes: number;
};

/** The one-time link a portal user asked for to sign in. */
export function signInLinkMail(input: SignInLinkMailInput): RenderedMail {
  const { organisation, contact, signInUrl, expiresInMinutes } = input;
  return renderMail({
    brand: organisation,
    subject: `Your sign-in link for the ${organisation.organisationName} client portal`,
    greeting: `Hello ${contact.name},`,
    blocks: [
      {
        kind: 'paragraph',
        text: `Use this link to sign in to the client portal. It works once and expires in ${expiresInMinutes} minutes.`,
      },
      { kind: 'button', label: 'Sign in to the portal', url: signInUrl },
      {
        kind: 'paragraph',
        text: 'If you did not ask to sign in, ignore this mail: nobody can sign in without the link.',
      },
    ],
    footer: `Sent to ${contact.email} because a sign-in link was requested for this address.`,
  });
}
