import { describe, expect, it } from 'vitest';
import { LOGO_CID, showLogo, withoutLogo } from '../logo.js';
import { REDACTED_LINK, redactLinks } from '../redact.js';
import { contrastRatio, DARK_TEXT, LIGHT_TEXT, textColourOn } from './colour.js';
import {
  closeoutClosedMail,
  portalInvitationMail,
  signInLinkMail,
  taskDigestMail,
} from './index.js';

const LOGO = 'data:image/png;base64,iVBORw0KGgo=';
const brand = { organisationName: 'Northwind <IT> & Co', logo: LOGO, primaryColor: '#0b5394' };

const invitation = () =>
  portalInvitationMail({
    organisation: brand,
    contact: { name: '<script>alert(1)</script>', email: 'grace@fabrikam.example' },
    clientName: 'Fabrikam "Ltd"',
    closeoutReference: 'CO-0007',
    signInUrl: 'https://co.example/portal/sign-in?token=abc&next=%2F',
    invitedBy: 'Sam Manager',
  });

describe('the mail layout', () => {
  it('escapes every value in the HTML and keeps the plain text as typed', () => {
    const mail = invitation();
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail.html).toContain('Fabrikam &quot;Ltd&quot;');
    expect(mail.html).toContain('Northwind &lt;IT&gt; &amp; Co');
    expect(mail.html).toContain('href="https://co.example/portal/sign-in?token=abc&amp;next=%2F"');
    expect(mail.text).toContain('Hello <script>alert(1)</script>,');
    expect(mail.text).toContain('https://co.example/portal/sign-in?token=abc&next=%2F');
    expect(mail.subject).toBe('Northwind <IT> & Co invites you to the client portal (CO-0007)');
  });

  it('carries the organisation’s logo and colour, with legible text on the colour', () => {
    const mail = invitation();
    expect(mail.html).toContain(`src="cid:${LOGO_CID}"`);
    expect(mail.html).toContain('background:#0b5394;color:#ffffff');
    const pale = signInLinkMail({
      organisation: { ...brand, logo: null, primaryColor: '#f4d35e' },
      contact: { name: 'Grace', email: 'grace@fabrikam.example' },
      signInUrl: 'https://co.example/s',
      expiresInMinutes: 15,
    });
    expect(pale.html).not.toContain('cid:');
    expect(pale.html).toContain(`background:#f4d35e;color:${DARK_TEXT}`);
    expect(pale.text).toContain('expires in 15 minutes');
    for (const colour of ['#0b5394', '#f4d35e', '#1f6feb', '#777777', '#ffffff', '#000000']) {
      expect(contrastRatio(colour, textColourOn(colour))).toBeGreaterThanOrEqual(4.5 - 0.1);
    }
    expect(textColourOn('#000000')).toBe(LIGHT_TEXT);
  });

  it('shows the logo inline for the outbox, or takes the image out when there is none', () => {
    const { html } = invitation();
    expect(showLogo(html, 'data:image/png;base64,AAAA')).toContain(
      'src="data:image/png;base64,AAAA"',
    );
    expect(withoutLogo(html)).not.toContain('<img');
    expect(showLogo(html, null)).not.toContain('<img');
  });

  it('uses the names it is given for roles, as the organisation renamed them', () => {
    const digest = taskDigestMail({
      organisation: brand,
      recipient: { name: 'Ada' },
      today: '2026-12-01',
      overdue: [
        {
          name: 'Acknowledge the notice in writing',
          closeoutReference: 'CO-0007',
          clientName: 'Fabrikam',
          dueOn: '2026-11-28',
          roleNames: ['Client Success Lead'],
          assignedToReader: false,
          url: 'https://co.example/closeouts/1?tab=tasks',
        },
      ],
      dueToday: [],
      dueTomorrow: [],
      tasksUrl: 'https://co.example/',
    });
    expect(digest.subject).toBe('Your closeout tasks for Tue 1 Dec 2026: 1 overdue');
    expect(digest.text).toContain('due Sat 28 Nov 2026 · unassigned, for Client Success Lead');
    expect(digest.html).toContain('unassigned, for Client Success Lead');

    const closed = closeoutClosedMail({
      organisation: brand,
      recipient: { name: 'Sam' },
      clientName: 'Fabrikam',
      closeoutReference: 'CO-0007',
      outcome: 'terminated',
      endedAt: '2026-12-01T10:00:00Z',
      endedBy: 'Sam Manager',
      endNote: '',
      openTasks: [
        { name: 'Destroy the backup copy', roleNames: ['Engineer'], dueOn: '2027-03-01' },
      ],
    });
    expect(closed.text).toContain('- Destroy the backup copy (Engineer · due Mon 1 Mar 2027)');
    expect(closed.text).toContain('Ended: Tuesday 1 December 2026 at 10:00 UTC');
  });

  it('redacts sign-in links from the stored copy', () => {
    const redacted = redactLinks(invitation());
    expect(redacted.text).not.toContain('token=abc');
    expect(redacted.html).not.toContain('token=abc');
    expect(redacted.text).toContain(REDACTED_LINK);
    expect(redacted.html).toContain('href="#"');
  });
});
