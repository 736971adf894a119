import { expect } from 'vitest';
import type { App } from '../../src/server/app.js';
import type { TCloseoutDetail } from '../../src/server/closeouts/schema.js';

/**
 * Drives one closeout through the API the way a client of the API would: every change sends
 * the ETag of the last response in If-Match.
 */
export class CloseoutDriver {
  closeout: TCloseoutDetail;

  constructor(
    private readonly app: App,
    opened: TCloseoutDetail,
  ) {
    this.closeout = opened;
  }

  static async open(
    app: App,
    headers: Record<string, string>,
    body: Record<string, unknown>,
  ): Promise<CloseoutDriver> {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/closeouts',
      headers,
      payload: body,
    });
    expect(response.statusCode, response.body).toBe(201);
    return new CloseoutDriver(app, response.json());
  }

  /** Sends one action; returns the raw response without asserting. */
  async try(headers: Record<string, string>, path: string, body: Record<string, unknown> = {}) {
    const response = await this.app.inject({
      method: 'POST',
      url: `/api/v1/closeouts/${this.closeout.id}/${path}`,
      headers: { ...headers, 'if-match': `"${this.closeout.version}"` },
      payload: body,
    });
    if (response.statusCode === 200) this.closeout = response.json();
    return response;
  }

  /** Sends one action that must succeed. */
  async act(headers: Record<string, string>, path: string, body: Record<string, unknown> = {}) {
    const response = await this.try(headers, path, body);
    expect(response.statusCode, `${path}: ${response.body}`).toBe(200);
    expect(response.headers.etag).toBe(`"${this.closeout.version}"`);
    return this.closeout;
  }

  taskId(taskKey: string): string {
    const task = this.closeout.tasks.find((candidate) => candidate.taskKey === taskKey);
    if (task === undefined) throw new Error(`No task ${taskKey} in ${this.closeout.reference}`);
    return task.id;
  }
}

export const sha256Of = (text: string) =>
  import('node:crypto').then(({ createHash }) => createHash('sha256').update(text).digest('hex'));
