import type { TAgreement } from '../../../../../src/server/clients/schema.js';

/** Why an agreement cannot end sooner: its notice period runs out, or its fixed term does. */
export type AgreementEnding = {
  agreement: TAgreement;
  endsOn: string;
  by: 'notice_period' | 'term_end';
};

const addDays = (day: string, days: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The active agreements that hold the client until the earliest termination date the API
 * proposed: each ends after its notice period and not before its fixed term, and the latest of
 * them sets the date. Explains the API's date; never stands in for it.
 */
export function determiningAgreements(
  agreements: TAgreement[],
  noticeReceivedOn: string,
  earliestTerminationDate: string,
): AgreementEnding[] {
  return agreements
    .filter((agreement) => agreement.status === 'active')
    .map((agreement): AgreementEnding => {
      const noticeEnds = addDays(noticeReceivedOn, agreement.noticePeriodDays);
      const termEnds = agreement.termEndDate;
      return termEnds !== null && termEnds > noticeEnds
        ? { agreement, endsOn: termEnds, by: 'term_end' }
        : { agreement, endsOn: noticeEnds, by: 'notice_period' };
    })
    .filter((ending) => ending.endsOn === earliestTerminationDate);
}
