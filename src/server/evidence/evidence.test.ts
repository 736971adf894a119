import { createHash, randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createStaff,
  createTeam,
  createTestApp,
  type Staff,
  type TestApp,
} from '../../../test/support/app.js';
import { type CloseoutDriver, openThroughMeeting } from '../../../test/support/closeout-api.js';
import { insertAgreement, insertClient } from '../../../test/support/factories.js';
import { auditEvents } from '../../db/schema.js';

let testApp: TestApp;
let manager: Staff;
let technician: Staff;
let finance: Staff;
let accountManager: Staff;
let outsider: Staff;
let driver: CloseoutDriver;

const MAX_UPLOAD_BYTES = 64 * 1024;

const PDF = Buffer.concat([
  Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n'),
  Buffer.alloc(10_000, 0x20),
  Buffer.from('%%EOF\n'),
]);
const EXE = Buffer.concat([Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03]), Buffer.alloc(9000, 0x90)]);
const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

beforeAll(async () => {
  testApp = await createTestApp({ config: { maxUploadBytes: MAX_UPLOAD_BYTES } });
  const { app, db } = testApp;
  ({ manager, technician, finance, accountManager } = await createTeam({
    app,
    roles: {
      manager: 'service_manager',
      technician: 'technician',
      finance: 'finance',
      accountManager: { roles: ['account_manager'], name: 'Ada' },
    },
  }));
  const orgId = manager.orgId;
  outsider = await createStaff({ app, roles: ['service_manager'], name: 'Other MSP' });
  const client = await insertClient(db, orgId, { name: 'Fabrikam Dental' });
  await insertAgreement(db, orgId, client.id, { monthlyRecurringRevenue: 1200 });
  driver = await openThroughMeeting(app, client.id, { manager, accountManager });
  await driver.act(technician.headers, 'handover-items', {
    items: [
      {
        managedSystemId: null,
        systemName: 'FortiGate 60F',
        credentialLabel: 'admin',
        notes: '',
      },
    ],
  });
});

afterAll(async () => {
  await testApp.close();
});

const taskPath = () => {
  const task = driver.closeout.tasks.find((candidate) => candidate.roles.includes('finance'));
  const other = driver.closeout.tasks.find((candidate) => !candidate.roles.includes('finance'));
  if (task === undefined || other === undefined) throw new Error('No tasks to attach to.');
  return {
    financeTask: `/api/v1/closeouts/${driver.closeout.id}/tasks/${task.id}/evidence`,
    otherTask: `/api/v1/closeouts/${driver.closeout.id}/tasks/${other.id}/evidence`,
  };
};

const itemPath = () =>
  `/api/v1/closeouts/${driver.closeout.id}/handover-items/${driver.closeout.handoverItems[0]!.id}/evidence`;

const upload = (
  path: string,
  headers: Record<string, string>,
  content: Buffer,
  fileName: string,
  contentType = 'application/octet-stream',
) =>
  testApp.app.inject({
    method: 'POST',
    url: `${path}?fileName=${encodeURIComponent(fileName)}`,
    headers: { ...headers, 'content-type': contentType },
    payload: content,
  });

describe('evidence of a task', () => {
  it('round-trips a file with the same SHA-256, listed, downloaded as an attachment and audited', async () => {
    const { otherTask } = taskPath();
    const created = await upload(otherTask, technician.headers, PDF, 'Agent removal – FS01.pdf');
    expect(created.statusCode, created.body).toBe(201);
    const file = created.json();
    expect(file).toMatchObject({
      purpose: 'task_evidence',
      fileName: 'Agent removal – FS01.pdf',
      contentType: 'application/pdf',
      sizeBytes: PDF.length,
      sha256: sha256(PDF),
      uploadedBy: 'Tom Technician',
    });

    const listed = await testApp.app.inject({
      method: 'GET',
      url: otherTask,
      headers: finance.headers,
    });
    expect(listed.json().items.map((item: { id: string }) => item.id)).toEqual([file.id]);
    const all = await testApp.app.inject({
      method: 'GET',
      url: `/api/v1/closeouts/${driver.closeout.id}/evidence`,
      headers: finance.headers,
    });
    expect(all.json().items.map((item: { id: string }) => item.id)).toContain(file.id);

    const download = await testApp.app.inject({
      method: 'GET',
      url: `${otherTask}/${file.id}`,
      headers: accountManager.headers,
    });
    expect(download.statusCode).toBe(200);
    expect(sha256(download.rawPayload)).toBe(sha256(PDF));
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="Agent removal _ FS01.pdf"; filename*=UTF-8''Agent%20removal%20%E2%80%93%20FS01.pdf`,
    );

    const [event] = await testApp.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.entityId, file.subjectId),
          eq(auditEvents.action, 'attach_task_evidence'),
        ),
      );
    expect(event?.after).toMatchObject({ file: { fileId: file.id, sha256: sha256(PDF) } });
    expect(JSON.stringify(event?.after)).not.toContain('%PDF');
  });

  it('stores text and CSV sent with their own content types, not parsed', async () => {
    const { otherTask } = taskPath();
    const csv = Buffer.from('device,agent removed\nFS01,yes\n');
    const created = await upload(otherTask, technician.headers, csv, 'agents.csv', 'text/csv');
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      contentType: 'text/csv; charset=utf-8',
      sha256: sha256(csv),
    });
    const json = await upload(
      otherTask,
      technician.headers,
      Buffer.from('{"a":1}'),
      'a.txt',
      'application/json',
    );
    expect(json.statusCode, json.body).toBe(201);
  });

  it('refuses a file past the upload limit with 413 naming the file', async () => {
    const { otherTask } = taskPath();
    const big = Buffer.concat([PDF, Buffer.alloc(MAX_UPLOAD_BYTES, 0x20)]);
    const refused = await upload(otherTask, technician.headers, big, 'big.pdf');
    expect(refused.statusCode).toBe(413);
    expect(refused.json()).toMatchObject({ code: 'too_large', field: 'file' });
  });

  it('refuses a renamed program with 415, and a name that does not fit the content', async () => {
    const { otherTask } = taskPath();
    const program = await upload(otherTask, technician.headers, EXE, 'invoice.pdf');
    expect(program.statusCode).toBe(415);
    expect(program.json()).toMatchObject({ code: 'unsupported_type', field: 'file' });
    const renamed = await upload(otherTask, technician.headers, PDF, 'invoice.exe');
    expect(renamed.statusCode).toBe(415);
    expect(renamed.json().field).toBe('fileName');
    const unnamed = await testApp.app.inject({
      method: 'POST',
      url: otherTask,
      headers: { ...technician.headers, 'content-type': 'application/octet-stream' },
      payload: PDF,
    });
    expect(unnamed.statusCode).toBe(400);
    expect(unnamed.json().field).toBe('fileName');
  });

  it('lets Finance attach only to the tasks of its role', async () => {
    const { financeTask, otherTask } = taskPath();
    expect((await upload(financeTask, finance.headers, PDF, 'final-invoice.pdf')).statusCode).toBe(
      201,
    );
    const refused = await upload(otherTask, finance.headers, PDF, 'x.pdf');
    expect(refused.statusCode).toBe(403);
  });

  it('removes a file with an audit event; it is then gone', async () => {
    const { otherTask } = taskPath();
    const file = (await upload(otherTask, technician.headers, PDF, 'remove-me.pdf')).json();
    const removed = await testApp.app.inject({
      method: 'DELETE',
      url: `${otherTask}/${file.id}`,
      headers: manager.headers,
    });
    expect(removed.statusCode).toBe(204);
    const gone = await testApp.app.inject({
      method: 'GET',
      url: `${otherTask}/${file.id}`,
      headers: manager.headers,
    });
    expect(gone.statusCode).toBe(404);
    const events = await testApp.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'remove_task_evidence'));
    expect(events.some((event) => JSON.stringify(event.before).includes(file.id))).toBe(true);
  });
});

describe('refusals over a real connection', () => {
  it('reach the client, streamed or declared, and the connection goes on', async () => {
    const address = await testApp.app.listen({ port: 0, host: '127.0.0.1' });
    const url = `${address}${taskPath().otherTask}?fileName=a.pdf`;
    const headers = { ...technician.headers, 'content-type': 'application/octet-stream' };
    const program = await fetch(url, { method: 'POST', headers, body: EXE });
    expect(program.status).toBe(415);
    const chunks = [
      Buffer.from('%PDF-'),
      ...Array.from({ length: 4 }, () => Buffer.alloc(32_768, 0x20)),
    ];
    const chunked = await fetch(url, {
      method: 'POST',
      headers,
      body: new ReadableStream({
        start(controller) {
          for (const chunk of chunks) controller.enqueue(new Uint8Array(chunk));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
    expect((await chunked.json()).field).toBe('file');
    expect((await fetch(url, { method: 'POST', headers, body: PDF })).status).toBe(201);
  });
});

describe('evidence of a handover item', () => {
  it('needs the handover permission to upload, read to download', async () => {
    const refused = await upload(itemPath(), accountManager.headers, PDF, 'fw.pdf');
    expect(refused.statusCode).toBe(403);
    const created = await upload(itemPath(), technician.headers, PDF, 'fw-admin-handover.pdf');
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().purpose).toBe('handover_evidence');
    const download = await testApp.app.inject({
      method: 'GET',
      url: `${itemPath()}/${created.json().id}`,
      headers: finance.headers,
    });
    expect(download.statusCode).toBe(200);
    const wrongSubject = await testApp.app.inject({
      method: 'GET',
      url: `${taskPath().otherTask}/${created.json().id}`,
      headers: finance.headers,
    });
    expect(wrongSubject.statusCode).toBe(404);
  });

  it("keeps another organisation's ids not found", async () => {
    const created = await upload(itemPath(), technician.headers, PDF, 'fw.pdf');
    const fileId = created.json().id;
    for (const request of [
      { method: 'GET' as const, url: itemPath() },
      { method: 'GET' as const, url: `${itemPath()}/${fileId}` },
      { method: 'DELETE' as const, url: `${itemPath()}/${fileId}` },
      { method: 'GET' as const, url: `/api/v1/closeouts/${driver.closeout.id}/evidence` },
    ]) {
      const response = await testApp.app.inject({ ...request, headers: outsider.headers });
      expect(response.statusCode, `${request.method} ${request.url}`).toBe(404);
    }
    const theirs = await upload(itemPath(), outsider.headers, PDF, 'x.pdf');
    expect(theirs.statusCode).toBe(404);
    const unknown = await upload(
      `/api/v1/closeouts/${driver.closeout.id}/handover-items/${randomUUID()}/evidence`,
      technician.headers,
      PDF,
      'x.pdf',
    );
    expect(unknown.statusCode).toBe(404);
  });
});
