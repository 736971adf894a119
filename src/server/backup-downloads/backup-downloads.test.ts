import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createStaff,
  createTeam,
  createTestApp,
  type Staff,
  type TestApp,
} from '../../../test/support/app.js';
import { type CloseoutDriver, openThroughMeeting } from '../../../test/support/closeout-api.js';
import { insertAgreement, insertClient } from '../../../test/support/factories.js';
import { createBackupDownloadLink, recordedDownloadsOf } from './service.js';

let testApp: TestApp;
let manager: Staff;
let technician: Staff;
let finance: Staff;
let outsider: Staff;
let driver: CloseoutDriver;

const ARCHIVE = gzipSync(Buffer.from('FS01 backup '.repeat(20_000)));
const OTHER_ARCHIVE = gzipSync(Buffer.from('not the recorded backup '.repeat(10_000)));
const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

/** A Windows program padded to the archive's size, named like an archive. */
const PROGRAM = Buffer.concat([
  Buffer.from([0x4d, 0x5a, 0x90, 0x00]),
  Buffer.alloc(ARCHIVE.length - 4, 0x00),
]);

beforeAll(async () => {
  testApp = await createTestApp();
  const { app, db } = testApp;
  const team = await createTeam({
    app,
    roles: {
      manager: 'service_manager',
      technician: 'technician',
      finance: 'finance',
      accountManager: 'account_manager',
    },
  });
  ({ manager, technician, finance } = team);
  const orgId = manager.orgId;
  outsider = await createStaff({ app, roles: ['service_manager'], name: 'Other MSP' });
  const client = await insertClient(db, orgId, { name: 'Fabrikam Dental' });
  await insertAgreement(db, orgId, client.id, { monthlyRecurringRevenue: 1200 });
  driver = await openThroughMeeting(app, client.id, team);
  await driver.act(technician.headers, 'backup-copies', {
    description: 'FS01 file shares',
    systemsCovered: ['FS01'],
    sizeBytes: ARCHIVE.length,
    sha256: sha256(ARCHIVE),
    medium: 'download_link',
  });
  await driver.act(technician.headers, 'backup-copies', {
    description: 'Mailbox export',
    systemsCovered: ['Microsoft 365'],
    sizeBytes: 1000,
    sha256: '0'.repeat(64),
    medium: 'encrypted_drive',
  });
});

afterAll(async () => {
  await testApp.close();
});

afterEach(() => {
  vi.useRealTimers();
});

const copyUrl = (index = 0) =>
  `/api/v1/closeouts/${driver.closeout.id}/backup-copies/${driver.closeout.backupCopies[index]!.id}`;

const uploadArchive = (
  content: Buffer,
  fileName = 'fs01.tar.gz',
  headers = technician.headers,
  index = 0,
) =>
  testApp.app.inject({
    method: 'PUT',
    url: `${copyUrl(index)}/archive?fileName=${encodeURIComponent(fileName)}`,
    headers: { ...headers, 'content-type': 'application/octet-stream' },
    payload: content,
  });

const createLink = (body: Record<string, unknown> = {}, headers = technician.headers) =>
  testApp.app.inject({
    method: 'POST',
    url: `${copyUrl()}/download-links`,
    headers,
    payload: body,
  });

const publicDownload = (token: string) =>
  testApp.app.inject({
    method: 'GET',
    url: `/api/v1/backup-downloads/${token}`,
    headers: { 'user-agent': 'curl/8.5' },
  });

const state = (headers = technician.headers) =>
  testApp.app.inject({ method: 'GET', url: `${copyUrl()}/download`, headers });

describe('the archive of a backup copy', () => {
  it('refuses a link before the archive is uploaded', async () => {
    const refused = await createLink();
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toContain('Upload the archive');
  });

  it('is refused for a copy handed over on another medium', async () => {
    const refused = await uploadArchive(ARCHIVE, 'fs01.tar.gz', technician.headers, 1);
    expect(refused.statusCode).toBe(409);
  });

  it('must be the file the copy was recorded from', async () => {
    const other = await uploadArchive(OTHER_ARCHIVE);
    expect(other.statusCode).toBe(400);
    expect(other.json()).toMatchObject({ code: 'validation', field: 'file' });
    expect(other.json().detail).toContain('bytes');
    const sameSize = Buffer.from(ARCHIVE);
    sameSize[sameSize.length - 1] = sameSize.at(-1)! ^ 0xff;
    const changed = await uploadArchive(sameSize);
    expect(changed.statusCode).toBe(400);
    expect(changed.json().detail).toContain('SHA-256');
  });

  it('refuses a renamed program, and a role that does not hand over', async () => {
    const program = await uploadArchive(PROGRAM, 'fs01.tar.gz');
    expect(program.statusCode).toBe(415);
    expect(program.json()).toMatchObject({ code: 'unsupported_type', field: 'file' });
    expect((await uploadArchive(ARCHIVE, 'fs01.tar.gz', finance.headers)).statusCode).toBe(403);
  });

  it('is stored with the recorded SHA-256 and survives the copy being delivered', async () => {
    const uploaded = await uploadArchive(ARCHIVE);
    expect(uploaded.statusCode, uploaded.body).toBe(200);
    expect(uploaded.json().archive).toMatchObject({
      purpose: 'backup_copy',
      fileName: 'fs01.tar.gz',
      contentType: 'application/gzip',
      sizeBytes: ARCHIVE.length,
      sha256: sha256(ARCHIVE),
    });
    await driver.act(
      technician.headers,
      `backup-copies/${driver.closeout.backupCopies[0]!.id}/deliver`,
    );
    const after = await state(finance.headers);
    expect(after.json().archive.sha256).toBe(sha256(ARCHIVE));
  });

  it('is downloaded by staff who hand over, and the download is recorded', async () => {
    expect(
      (
        await testApp.app.inject({
          method: 'GET',
          url: `${copyUrl()}/archive`,
          headers: finance.headers,
        })
      ).statusCode,
    ).toBe(403);
    const download = await testApp.app.inject({
      method: 'GET',
      url: `${copyUrl()}/archive`,
      headers: { ...manager.headers, 'user-agent': 'Firefox' },
    });
    expect(download.statusCode).toBe(200);
    expect(sha256(download.rawPayload)).toBe(sha256(ARCHIVE));
    expect(download.headers['content-disposition']).toContain('attachment; filename="fs01.tar.gz"');
    await vi.waitFor(async () => {
      const { downloads } = (await state()).json();
      expect(downloads[0]).toMatchObject({
        linkId: null,
        downloadedBy: 'Sam Manager',
        actorKind: 'user',
        userAgent: 'Firefox',
        completed: true,
      });
    });
  });
});

describe('download links', () => {
  it('downloads the same bytes through a week-long link, recording the download', async () => {
    const created = await createLink();
    expect(created.statusCode, created.body).toBe(201);
    const link = created.json();
    expect(link.status).toBe('active');
    expect(link.url).toBe(`${testApp.app.config.publicUrl}/api/v1/backup-downloads/${link.token}`);
    const hours = (Date.parse(link.expiresAt) - Date.parse(link.createdAt)) / 3_600_000;
    expect(hours).toBe(168);

    const download = await publicDownload(link.token);
    expect(download.statusCode).toBe(200);
    expect(sha256(download.rawPayload)).toBe(sha256(ARCHIVE));
    expect(download.headers['x-content-type-options']).toBe('nosniff');

    await vi.waitFor(async () => {
      const { links, downloads } = (await state()).json();
      expect(links.map((entry: { id: string }) => entry.id)).toContain(link.id);
      expect(JSON.stringify(links)).not.toContain(link.token);
      expect(downloads[0]).toMatchObject({
        linkId: link.id,
        actorKind: 'client_contact',
        userAgent: 'curl/8.5',
        ip: '127.0.0.1',
        completed: true,
      });
    });
  });

  it('limits a link to 30 days', async () => {
    const refused = await createLink({ ttlHours: 721 });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().field).toBe('ttlHours');
    expect((await createLink({ ttlHours: 720 })).statusCode).toBe(201);
  });

  it('refuses a revoked link with 410', async () => {
    const link = (await createLink()).json();
    const revoked = await testApp.app.inject({
      method: 'POST',
      url: `${copyUrl()}/download-links/${link.id}/revoke`,
      headers: technician.headers,
    });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().status).toBe('revoked');
    const refused = await publicDownload(link.token);
    expect(refused.statusCode).toBe(410);
    expect(refused.json()).toMatchObject({ code: 'gone' });
    expect(refused.json().detail).toContain('revoked');
  });

  it('refuses an expired link with 410 once the clock passes its expiry', async () => {
    const link = (await createLink({ ttlHours: 1 })).json();
    expect((await publicDownload(link.token)).statusCode).toBe(200);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.parse(link.expiresAt) + 1000);
    const refused = await publicDownload(link.token);
    expect(refused.statusCode).toBe(410);
    expect(refused.json().detail).toContain('expired');
    const listed = (await state())
      .json()
      .links.find((entry: { id: string }) => entry.id === link.id);
    expect(listed.status).toBe('expired');
  });

  it('knows no token it did not issue', async () => {
    expect((await publicDownload('x'.repeat(43))).statusCode).toBe(404);
  });

  it('serves the portal through the exported service functions', async () => {
    const { token, path, link } = await createBackupDownloadLink({
      db: testApp.db,
      orgId: manager.orgId,
      closeoutId: driver.closeout.id,
      backupCopyId: driver.closeout.backupCopies[0]!.id,
      createdBy: { kind: 'client_contact', contactId: manager.userId, name: 'Grace Hopper' },
      ttlHours: 24,
    });
    expect(link.createdBy).toBe('Grace Hopper');
    expect(path).toBe(`/api/v1/backup-downloads/${token}`);
    const response = await testApp.app.inject({ method: 'GET', url: path });
    expect(response.statusCode).toBe(200);
    await vi.waitFor(async () => {
      const downloads = await recordedDownloadsOf({
        db: testApp.db,
        orgId: manager.orgId,
        closeoutId: driver.closeout.id,
        backupCopyId: driver.closeout.backupCopies[0]!.id,
      });
      expect(downloads.find((entry) => entry.linkId === link.id)?.completed).toBe(true);
    });
  });

  it("keeps another organisation's copies not found", async () => {
    const link = (await createLink()).json();
    for (const request of [
      { method: 'GET' as const, url: `${copyUrl()}/download` },
      { method: 'GET' as const, url: `${copyUrl()}/archive` },
      { method: 'POST' as const, url: `${copyUrl()}/download-links`, payload: {} },
      { method: 'POST' as const, url: `${copyUrl()}/download-links/${link.id}/revoke` },
    ]) {
      const response = await testApp.app.inject({ ...request, headers: outsider.headers });
      expect(response.statusCode, `${request.method} ${request.url}`).toBe(404);
    }
    expect((await uploadArchive(ARCHIVE, 'fs01.tar.gz', outsider.headers)).statusCode).toBe(404);
  });
});
