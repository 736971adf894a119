import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createStaff,
  createTeam,
  createTestApp,
  type Staff,
  type TestApp,
} from '../../../test/support/app.js';
import {
  CloseoutDriver,
  driveThroughMeeting,
  sha256Of,
} from '../../../test/support/closeout-api.js';
import {
  insertAgreement,
  insertClient,
  insertManagedSystem,
  insertTicket,
} from '../../../test/support/factories.js';
import {
  pdfFlatText,
  pdfImages,
  pdfInfo,
  popplerMissing,
  solidPngDataUrl,
} from '../../../test/support/poppler.js';
import { DEFAULT_DEFINITION } from '../../blueprint/default-definition.js';
import { defaultPersonalisation } from '../../blueprint/personalise.js';
import { contacts, organisations } from '../../db/schema.js';
import {
  CLOSEOUT_DOCUMENT_INFO,
  CLOSEOUT_DOCUMENT_KINDS,
  type CloseoutDocumentKind,
} from '../../documents/closeout/kinds.js';
import type { TCloseoutDocument } from './schema.js';

/**
 * A closeout's documents through the API, read back with poppler: each PDF holds its key facts,
 * the organisation's logo and renamed roles, the process version — and never a stored secret.
 */

const PLANTED_SECRET = 'Planted-S3cret-never-printed';
const PLANTED_USERNAME = 'planted.admin@fabrikam.example';
const RENAMED_ROLES: Record<string, string> = {
  account_manager: 'Client Success Lead',
  service_manager: 'Delivery Chief',
  technician: 'Field Engineer',
  client_decision_maker: 'Client Signatory',
  client_technical_contact: 'Client Systems Owner',
};

const RENAMED_SYSTEMS: Record<string, string> = {
  psa: 'HaloPSA Cloud',
  password_manager: 'Hudu Vault',
  email: 'Outlook Online',
  calendar: 'Team Calendar',
  documentation: 'IT Glue',
  backup: 'Datto BCDR',
  portal: 'Northwind Portal',
  closeout: 'Offboarding Desk',
  rmm: 'NinjaOne',
};

let testApp: TestApp;
let manager: Staff;
let technician: Staff;
let accountManager: Staff;
let outsider: Staff;

beforeAll(async () => {
  testApp = await createTestApp();
  ({ manager, technician, accountManager } = await createTeam({
    app: testApp.app,
    roles: {
      manager: 'service_manager',
      technician: 'technician',
      accountManager: 'account_manager',
    },
  }));
  outsider = await createStaff({ app: testApp.app, roles: ['service_manager'] });
  await testApp.db
    .update(organisations)
    .set({
      personalisation: {
        ...defaultPersonalisation('Northwind IT'),
        logo: solidPngDataUrl(48, 24, [200, 30, 30]),
        primaryColor: '#0b7a4b',
        roleNames: RENAMED_ROLES,
        systemNames: RENAMED_SYSTEMS,
      },
    })
    .where(eq(organisations.id, manager.orgId));
});

afterAll(async () => {
  await testApp.close();
});

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

async function listDocuments(closeoutId: string, staff: Staff = manager) {
  const response = await testApp.app.inject({
    method: 'GET',
    url: `/api/v1/closeouts/${closeoutId}/documents`,
    headers: staff.headers,
  });
  return response;
}

function availability(documents: TCloseoutDocument[]) {
  return Object.fromEntries(documents.map((document) => [document.kind, document.available]));
}

function download(closeoutId: string, kind: CloseoutDocumentKind, paper?: string) {
  return testApp.app.inject({
    method: 'GET',
    url: `/api/v1/closeouts/${closeoutId}/documents/${kind}.pdf${paper ? `?paper=${paper}` : ''}`,
    headers: manager.headers,
  });
}

async function pdfOf(closeoutId: string, kind: CloseoutDocumentKind): Promise<Buffer> {
  const response = await download(closeoutId, kind);
  expect(response.statusCode, response.body).toBe(200);
  expect(response.headers['content-type']).toBe('application/pdf');
  expect(response.headers['content-disposition']).toMatch(/^attachment; filename=".*\.pdf"$/);
  return response.rawPayload;
}

/** The renamed roles the definition has work on a document: each must appear in it. */
function renamedRolesOf(kind: CloseoutDocumentKind): string[] {
  const documentKey = CLOSEOUT_DOCUMENT_INFO[kind].definitionKey;
  const keys = DEFAULT_DEFINITION.tasks
    .filter((task) => task.documents.includes(documentKey))
    .flatMap((task) => task.roles);
  return [...new Set(keys)].flatMap((key) => (RENAMED_ROLES[key] ? [RENAMED_ROLES[key]] : []));
}

/** The renamed systems the definition's tasks for a document work in: each must appear in it. */
function renamedSystemsOf(kind: CloseoutDocumentKind): string[] {
  const documentKey = CLOSEOUT_DOCUMENT_INFO[kind].definitionKey;
  const keys = DEFAULT_DEFINITION.tasks
    .filter((task) => task.documents.includes(documentKey))
    .flatMap((task) => task.systems);
  return [...new Set(keys)].flatMap((key) => (RENAMED_SYSTEMS[key] ? [RENAMED_SYSTEMS[key]] : []));
}

describe.skipIf(popplerMissing)('the documents of a closeout', () => {
  let driver: CloseoutDriver;
  let clientName: string;
  let ticketNumbers: string[];
  const texts = new Map<CloseoutDocumentKind, string>();
  const pdfs = new Map<CloseoutDocumentKind, Buffer>();

  beforeAll(async () => {
    const { db } = testApp;
    const client = await insertClient(db, manager.orgId, {
      name: `Fabrikam Dental ${randomUUID().slice(0, 4)}`,
    });
    clientName = client.name;
    await db.insert(contacts).values([
      {
        orgId: manager.orgId,
        clientId: client.id,
        name: 'Dr Grace Hopper',
        email: 'grace@fabrikam.example',
        title: 'Managing Partner',
        isDecisionMaker: true,
      },
      {
        orgId: manager.orgId,
        clientId: client.id,
        name: 'Linus Local',
        email: 'linus@fabrikam.example',
        title: 'Office IT',
        isTechnicalContact: true,
      },
    ]);
    await insertAgreement(db, manager.orgId, client.id, {
      monthlyRecurringRevenue: 3200,
      noticePeriodDays: 30,
    });
    const openTickets = [
      await insertTicket(db, manager.orgId, client.id, {
        openedAt: daysAgo(10),
        title: 'Migrate the mailboxes',
      }),
      await insertTicket(db, manager.orgId, client.id, {
        openedAt: daysAgo(11),
        title: 'Rewire the server room',
      }),
    ];
    ticketNumbers = openTickets.map((ticket) => ticket.number);
    await insertManagedSystem(db, manager.orgId, client.id, {
      name: 'FortiGate 60F',
      category: 'firewall',
    });
    await insertManagedSystem(db, manager.orgId, client.id, {
      name: 'Microsoft 365',
      category: 'cloud_tenant',
    });

    driver = await CloseoutDriver.open(testApp.app, manager.headers, {
      clientId: client.id,
      trigger: 'client_notice',
      noticeReceivedOn: isoDay(daysAgo(20)),
      noticeEvidence: 'Email from the managing partner.',
    });
  });

  it('offers the acknowledgment at once, and refuses the rest with why they are not ready', async () => {
    const response = await listDocuments(driver.closeout.id);
    expect(response.statusCode).toBe(200);
    const { documents } = response.json() as { documents: TCloseoutDocument[] };
    expect(documents.map((document) => document.kind)).toEqual([...CLOSEOUT_DOCUMENT_KINDS]);
    expect(documents.find((document) => document.kind === 'closeout-report')).toMatchObject({
      title: 'Closeout report',
      available: false,
    });
    expect(availability(documents)).toMatchObject({
      'notice-acknowledgment': true,
      'meeting-agenda': false,
      'meeting-summary': false,
      'responsibility-transfer': false,
    });

    const early = await download(driver.closeout.id, 'meeting-summary');
    expect(early.statusCode).toBe(409);
    expect(early.headers['content-type']).toContain('application/problem+json');
    expect(early.json().detail).toBe(
      'Meeting summary is not available yet. The closeout meeting has not been recorded as held yet.',
    );

    const text = await pdfFlatText(await pdfOf(driver.closeout.id, 'notice-acknowledgment'));
    expect(text).toContain('Dear Dr Grace Hopper');
    expect(text).toContain(driver.closeout.reference);
  });

  it('follows the closeout to its end', async () => {
    await driveThroughMeeting(driver, { manager, accountManager });
    await driver.act(technician.headers, 'pull-tickets');
    const [first, second] = driver.closeout.ticketReviews;
    await driver.act(manager.headers, 'ticket-dispositions', {
      dispositions: [
        { ticketId: first!.ticketId, disposition: 'complete', clientAgreed: true },
        {
          ticketId: second!.ticketId,
          disposition: 'cancel',
          reason: 'Project out of scope',
          handoverNote: 'Cabling plan attached for the incoming provider',
          clientAgreed: true,
        },
      ],
    });
    await driver.act(manager.headers, 'advance-stage');
    await driver.act(technician.headers, 'handover-items/from-managed-systems');
    for (const item of driver.closeout.handoverItems) {
      await driver.act(technician.headers, `handover-items/${item.id}/hand-over`);
    }
    const stored = await testApp.app.inject({
      method: 'PUT',
      url: `/api/v1/closeouts/${driver.closeout.id}/handover-items/${driver.closeout.handoverItems[0]!.id}/secret`,
      headers: technician.headers,
      payload: { username: PLANTED_USERNAME, password: PLANTED_SECRET, notes: PLANTED_SECRET },
    });
    expect(stored.statusCode, stored.body).toBe(200);
    const checksum = await sha256Of('fabrikam-backup');
    await driver.act(technician.headers, 'backup-copies', {
      description: 'Full image of FS01',
      systemsCovered: ['FS01'],
      sizeBytes: 412_000_000_000,
      sha256: checksum,
      medium: 'encrypted_drive',
    });
    const copyId = driver.closeout.backupCopies[0]!.id;
    await driver.act(technician.headers, `backup-copies/${copyId}/deliver`);
    await driver.act(technician.headers, 'record-session-held', {
      heldAt: new Date().toISOString(),
    });
    await driver.act(manager.headers, 'advance-stage');
    await driver.act(technician.headers, `ticket-reviews/${first!.ticketId}/outcome`, {
      outcome: 'completed',
    });
    await driver.act(technician.headers, `ticket-reviews/${second!.ticketId}/outcome`, {
      outcome: 'cancelled',
    });
    for (const item of driver.closeout.handoverItems) {
      await driver.act(technician.headers, `handover-items/${item.id}/confirm`, {
        confirmedBy: 'Linus Local',
      });
    }
    await driver.act(technician.headers, `backup-copies/${copyId}/confirm-receipt`, {
      receivedBy: 'Linus Local',
      sha256: checksum,
    });
    await driver.act(manager.headers, 'accept-responsibility', {
      acceptedByName: 'Dr Grace Hopper',
      acceptedByTitle: 'Managing Partner',
      effectiveFrom: new Date().toISOString(),
    });
    await driver.act(manager.headers, 'close', { note: 'Left on good terms.' });
    await driver.act(technician.headers, 'deactivation-issues', {
      summary: 'Firewall admin password rejected',
      systemName: 'FortiGate 60F',
    });

    const { documents } = (await listDocuments(driver.closeout.id)).json() as {
      documents: TCloseoutDocument[];
    };
    expect(documents.every((document) => document.available)).toBe(true);
    for (const kind of CLOSEOUT_DOCUMENT_KINDS) {
      const pdf = await pdfOf(driver.closeout.id, kind);
      pdfs.set(kind, pdf);
      texts.set(kind, await pdfFlatText(pdf));
    }
  });

  const text = (kind: CloseoutDocumentKind) => {
    const found = texts.get(kind);
    if (found === undefined) throw new Error(`${kind} was not downloaded`);
    return found;
  };

  it('fills each document with its key facts', () => {
    for (const kind of CLOSEOUT_DOCUMENT_KINDS) {
      expect(text(kind), kind).toContain(clientName);
      expect(text(kind), kind).toContain(driver.closeout.reference);
    }
    expect(text('notice-acknowledgment')).toContain(
      'This letter confirms that the client gave notice',
    );
    expect(text('notice-acknowledgment')).toContain('11a.04 Service Deactivation Session');
    expect(text('meeting-agenda')).toContain('Client office, boardroom');
    expect(text('meeting-agenda')).toContain(
      'Dates, open tickets, deliverables, billing, transition',
    );
    expect(text('meeting-summary')).toContain('Pro rata to the termination date.');
    expect(text('meeting-summary')).toContain('Contoso IT (the incoming provider)');
    expect(text('meeting-summary')).toContain('Agreed the dates; tickets reviewed next week.');
    for (const number of ticketNumbers) {
      expect(text('open-ticket-report')).toContain(number);
      expect(text('closeout-report')).toContain(number);
    }
    expect(text('open-ticket-report')).toContain('Project out of scope');
    expect(text('open-ticket-report')).toContain('Cabling plan attached for the incoming provider');
    for (const system of ['FortiGate 60F', 'Microsoft 365']) {
      expect(text('session-agenda')).toContain(system);
      expect(text('handover-manifest')).toContain(system);
      expect(text('closeout-report')).toContain(system);
    }
    expect(text('handover-manifest')).toContain(driver.closeout.backupCopies[0]!.sha256);
    expect(text('handover-manifest')).toContain('Linus Local');
    expect(text('responsibility-transfer')).toContain('Dr Grace Hopper');
    expect(text('responsibility-transfer')).toContain('Managing Partner');
    expect(text('responsibility-transfer')).toContain('On paper; recorded by Sam Manager');
    expect(text('closeout-report')).toContain('Closed the closeout as terminated');
    expect(text('closeout-report')).toContain(
      'Moved to the next stage: 11a.04 Service Deactivation Session',
    );
    expect(text('closeout-report')).toContain(
      `Recorded a ticket outcome: ${driver.closeout.ticketReviews.find((review) => review.outcome === 'cancelled')!.ticketNumber} cancelled`,
    );
    expect(text('closeout-report')).toContain(
      'The client confirmed a credential: FortiGate 60F: Firewall administrator login',
    );
    expect(text('closeout-report')).toContain('Firewall admin password rejected');
    expect(text('closeout-report')).toContain('Deactivation Issues 1 logged, 1 unresolved');
    expect(text('closeout-report')).toContain('Left on good terms.');
  });

  it('never prints a stored secret', () => {
    for (const kind of CLOSEOUT_DOCUMENT_KINDS) {
      expect(text(kind), kind).not.toContain(PLANTED_SECRET);
      expect(text(kind), kind).not.toContain(PLANTED_USERNAME);
    }
    expect(text('handover-manifest')).toMatch(/Issued .* not revealed yet/);
  });

  it("shows the organisation's logo, its role and system names and the process version", async () => {
    for (const kind of CLOSEOUT_DOCUMENT_KINDS) {
      const images = await pdfImages(pdfs.get(kind)!);
      expect(images[0], kind).toMatchObject({ page: 1, width: 48, height: 24 });
      const roles = renamedRolesOf(kind);
      expect(roles.length, kind).toBeGreaterThan(0);
      for (const role of roles) expect(text(kind), `${kind}: ${role}`).toContain(role);
      const systems = renamedSystemsOf(kind);
      for (const system of systems) expect(text(kind), `${kind}: ${system}`).toContain(system);
      expect(text(kind), kind).toContain('Process msp-11a v1');
      expect(text(kind), kind).toContain('Northwind IT');
    }
  });

  it('has renamed systems to check in nearly every document', () => {
    expect(
      CLOSEOUT_DOCUMENT_KINDS.filter((kind) => renamedSystemsOf(kind).length > 0),
    ).toHaveLength(CLOSEOUT_DOCUMENT_KINDS.length - 1);
  });

  it('prints on US Letter when asked, and refuses another paper', async () => {
    const letter = await download(driver.closeout.id, 'closeout-report', 'letter');
    expect(letter.statusCode).toBe(200);
    expect(Math.round((await pdfInfo(letter.rawPayload)).width)).toBe(612);
    const bad = await download(driver.closeout.id, 'closeout-report', 'a0');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe('paper');
  });

  it("keeps another organisation's closeout out of reach", async () => {
    expect((await listDocuments(driver.closeout.id, outsider)).statusCode).toBe(404);
    const response = await testApp.app.inject({
      method: 'GET',
      url: `/api/v1/closeouts/${driver.closeout.id}/documents/notice-acknowledgment.pdf`,
      headers: outsider.headers,
    });
    expect(response.statusCode).toBe(404);
  });

  it('refuses an unknown document', async () => {
    const response = await testApp.app.inject({
      method: 'GET',
      url: `/api/v1/closeouts/${driver.closeout.id}/documents/passwords.pdf`,
      headers: manager.headers,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().field).toBe('document');
  });
});
