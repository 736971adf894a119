import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { atMeetingStage, readyToClose } from '../../../test/support/closeout-scenarios.js';
import { pdfFlatText, popplerMissing } from '../../../test/support/poppler.js';
import { DEFAULT_DEFINITION } from '../../blueprint/default-definition.js';
import { defaultPersonalisation, personalise } from '../../blueprint/personalise.js';
import type { Closeout } from '../../domain/model.js';
import type { CloseoutDocumentData } from './data.js';
import {
  CLOSEOUT_DOCUMENT_INFO,
  CLOSEOUT_DOCUMENT_KINDS,
  meetingAgendaPdf,
  transferReceiptPdf,
} from './index.js';
import { actionInWords } from './timeline.js';

const GENERATED_AT = new Date('2025-05-02T08:00:00Z');

function documentData(closeout: Closeout): CloseoutDocumentData {
  const personalisation = {
    ...defaultPersonalisation('Northwind IT'),
    roleNames: { client_decision_maker: 'Authorised Signatory' },
  };
  return {
    organisation: { name: 'Northwind IT', personalisation },
    definition: personalise(DEFAULT_DEFINITION, personalisation),
    closeout,
    client: { id: closeout.clientId, name: 'Contoso Ltd', industry: '', clientSince: '2020-01-01' },
    contacts: [],
    owner: null,
    handoverSecrets: [],
    reasonLabels: {},
    timeline: [],
  };
}

describe.skipIf(popplerMissing)('closeout documents from plain data', () => {
  it('gives the portal signature facts on the transfer receipt', async () => {
    const closeout = readyToClose();
    const signed: Closeout = {
      ...closeout,
      responsibilityAcceptance: {
        ...closeout.responsibilityAcceptance!,
        signature: {
          portalUserId: 'portal-1',
          email: 'dana@client.example',
          statement: 'I accept responsibility for the administration of our systems.',
          ip: '203.0.113.7',
          userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0',
        },
      },
    };
    const text = await pdfFlatText(
      await transferReceiptPdf(documentData(signed), { generatedAt: GENERATED_AT }),
    );
    expect(text).toContain('Dana Decider');
    expect(text).toContain('Managing Director');
    expect(text).toContain('Electronically, in the client portal');
    expect(text).toContain('I accept responsibility for the administration of our systems.');
    expect(text).toContain('203.0.113.7');
    expect(text).toContain(
      createHash('sha256')
        .update('I accept responsibility for the administration of our systems.')
        .digest('hex'),
    );
    expect(text).toContain('Firefox/140.0');
    expect(text).toContain('dana@client.example');
    expect(text).toContain('Authorised Signatory');
    expect(text).toContain('Effective from 28 April 2025 at 10:00 UTC');
  });

  it('refuses a receipt before the client accepted', async () => {
    await expect(
      transferReceiptPdf(documentData(readyToClose({ without: ['responsibility_accepted'] }))),
    ).rejects.toThrow(/not accepted responsibility/);
  });

  it("lays out the agenda's headings and points", async () => {
    const closeout = atMeetingStage();
    const scheduled: Closeout = {
      ...closeout,
      meeting: {
        ...closeout.meeting,
        scheduledAt: '2025-03-12T14:00:00.000Z',
        location: 'Video call',
        agenda: '# Dates\n- The termination date\n- The session date\n\n# Billing\nFinal invoice.',
      },
    };
    const bytes = await meetingAgendaPdf(documentData(scheduled), { generatedAt: GENERATED_AT });
    const text = await pdfFlatText(bytes);
    expect(text).toContain('12 March 2025 at 14:00 UTC');
    expect(text).toContain('Video call');
    expect(text).toMatch(/Dates • The termination date • The session date Billing Final invoice\./);
    expect(text).not.toContain('# Dates');
    // Same data, same moment: the same bytes.
    const again = await meetingAgendaPdf(documentData(scheduled), { generatedAt: GENERATED_AT });
    expect(again.equals(bytes)).toBe(true);
  });
});

describe('availability', () => {
  it('holds back what the closeout has not reached', () => {
    const early = atMeetingStage();
    const unavailable = CLOSEOUT_DOCUMENT_KINDS.filter(
      (kind) => CLOSEOUT_DOCUMENT_INFO[kind].unavailableBecause(early) !== null,
    );
    expect(unavailable).toEqual([
      'meeting-agenda',
      'meeting-summary',
      'open-ticket-report',
      'session-agenda',
      'handover-manifest',
      'responsibility-transfer',
      'closeout-report',
    ]);
    const ready = readyToClose();
    expect(CLOSEOUT_DOCUMENT_INFO['responsibility-transfer'].unavailableBecause(ready)).toBeNull();
    expect(CLOSEOUT_DOCUMENT_INFO['closeout-report'].unavailableBecause(ready)).toMatch(/ended/);
  });

  it('words an action it does not know from its name', () => {
    expect(actionInWords({ action: 'close_terminated' })).toBe('Closed the closeout as terminated');
    expect(actionInWords({ action: 'send_final_invoice' })).toBe('Send final invoice');
  });
});
