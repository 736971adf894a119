import { readFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

/**
 * A local HTTP server standing in for a vendor's API in connector tests: it records every
 * request exactly as sent (method, path, query, headers, body) and answers what the test's
 * handler returns, typically a fixture from `test/fixtures/<vendor>/`.
 */

export type RecordedRequest = {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
  /** The body parsed as JSON, or as a form when it was sent as one. */
  json(): unknown;
};

export type FakeReply = {
  status?: number;
  headers?: Record<string, string>;
  json?: unknown;
  text?: string;
};

export type FakeHandler = (request: RecordedRequest) => FakeReply | Promise<FakeReply>;

export type FakeVendorServer = {
  /** e.g. `http://127.0.0.1:43121` (no trailing slash). */
  url: string;
  requests: RecordedRequest[];
  /** Replaces the handler, e.g. to answer 429 once. */
  handle(handler: FakeHandler): void;
  close(): Promise<void>;
};

export async function startFakeVendorServer(handler: FakeHandler): Promise<FakeVendorServer> {
  let current = handler;
  const requests: RecordedRequest[] = [];
  const server = createServer(async (incoming, outgoing) => {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const url = new URL(incoming.url ?? '/', 'http://fake');
    const recorded: RecordedRequest = {
      method: incoming.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: incoming.headers,
      body,
      json: () =>
        incoming.headers['content-type']?.includes('application/x-www-form-urlencoded')
          ? Object.fromEntries(new URLSearchParams(body))
          : JSON.parse(body),
    };
    requests.push(recorded);
    try {
      const reply = await current(recorded);
      const headers = { ...reply.headers };
      let payload = reply.text ?? '';
      if (reply.json !== undefined) {
        headers['content-type'] ??= 'application/json';
        payload = JSON.stringify(reply.json);
      }
      outgoing.writeHead(reply.status ?? 200, headers);
      outgoing.end(payload);
    } catch (error) {
      outgoing.writeHead(500, { 'content-type': 'text/plain' });
      outgoing.end(`The fake server's handler failed: ${String(error)}`);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    handle: (next) => {
      current = next;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** A JSON fixture from `test/fixtures/<vendor>/<name>.json`. */
export async function vendorFixture(vendor: string, name: string): Promise<unknown> {
  const path = join(import.meta.dirname, '..', 'fixtures', vendor, `${name}.json`);
  return JSON.parse(await readFile(path, 'utf8'));
}
