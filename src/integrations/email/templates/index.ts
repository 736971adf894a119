/** The mails Closeout writes; each builder returns `{ subject, text, html }` for `queueMail`. */
export { type CloseoutClosedMailInput, closeoutClosedMail } from './closeout-closed.js';
export type { MailBlock, MailBrand, RenderedMail } from './layout.js';
export {
  type MeetingCancellationMailInput,
  type MeetingInvitationMailInput,
  meetingCancellationMail,
  meetingInvitationMail,
} from './meeting-invitation.js';
export { type PortalInvitationMailInput, portalInvitationMail } from './portal-invitation.js';
export { type SignInLinkMailInput, signInLinkMail } from './sign-in-link.js';
export { type DigestTask, type TaskDigestMailInput, taskDigestMail } from './task-digest.js';
