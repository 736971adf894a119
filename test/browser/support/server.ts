import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../../src/db/connection.js';
import { type DemoLoadResult, loadDemo } from '../../../src/demo/load.js';
import { SecretVault } from '../../../src/security/envelope.js';
import { loadMasterKey } from '../../../src/security/master-key.js';

/**
 * The product as a user gets it: the built server (`dist/`, with the built web app) started as
 * its own process on a fresh embedded database that holds the demo MSP.
 */

const ROOT = new URL('../../../', import.meta.url).pathname;
const CLI = join(ROOT, 'dist', 'cli', 'main.js');

export type RunningServer = {
  url: string;
  /** The demo MSP, unless the server was started empty. */
  demo: DemoLoadResult;
  /** What the server printed at its start (the first administrator's sign-in on a first run). */
  output(): string;
  /** The demo user with this role, to sign in as. */
  userWithRole(role: string): { email: string; password: string; name: string };
  stop(): Promise<void>;
};

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address !== null ? resolve(address.port) : reject(),
      );
    });
  });
}

async function waitForHealth(url: string, server: ChildProcess, output: () => string) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) {
      throw new Error(`The server stopped (exit ${server.exitCode}):\n${output()}`);
    }
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The server did not become healthy:\n${output()}`);
}

/** The demo's secrets are sealed with the key file the server then finds in the same data dir. */
async function loadDemoInto(dataDir: string): Promise<DemoLoadResult> {
  const database = await openDatabase({ dataDir });
  const vault = new SecretVault(
    loadMasterKey({ masterKey: process.env.CLOSEOUT_MASTER_KEY, dataDir }),
  );
  try {
    return await loadDemo({ db: database.db, vault });
  } finally {
    await database.close();
  }
}

/** With `empty`, a first start on a new database: no demo, only what the server creates. */
export async function startServer(options: { empty?: boolean } = {}): Promise<RunningServer> {
  if (!existsSync(join(ROOT, 'dist', 'web', 'index.html'))) {
    throw new Error('Build first: `npm run build` (npm run test:browser does).');
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'closeout-browser-'));
  const demo = options.empty === true ? null : await loadDemoInto(dataDir);

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let output = '';
  const server = spawn(process.execPath, [CLI, 'serve', '--port', String(port)], {
    env: { ...process.env, CLOSEOUT_DATA_DIR: dataDir, LOG_LEVEL: 'warn', DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  server.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  await waitForHealth(url, server, () => output);

  return {
    url,
    get demo() {
      if (demo === null) throw new Error('This server was started empty, without the demo.');
      return demo;
    },
    output: () => output,
    userWithRole(role) {
      if (demo === null) throw new Error('This server was started empty, without the demo.');
      const user = demo.signIns.find((signIn) => signIn.roles.includes(role as never));
      if (user === undefined) throw new Error(`The demo has no user with the role ${role}.`);
      return { email: user.email, name: user.name, password: demo.password };
    },
    async stop() {
      if (server.exitCode === null) {
        const exited = new Promise((resolve) => server.once('exit', resolve));
        server.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
