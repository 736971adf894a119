import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exited, freePort, runCli, spawnCli, waitForOutput } from './run-cli.js';

/** The set-up promise, as a new user meets it: the command line on the embedded database. */

const dataDir = mkdtempSync(join(tmpdir(), 'closeout-cli-'));
const env = { CLOSEOUT_DATA_DIR: dataDir };

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('closeout serve', () => {
  it('creates the first administrator, serves the API, refuses a second process and stops cleanly', async () => {
    const port = await freePort();
    const server = spawnCli(['serve', '--port', String(port)], env);
    const banner = await waitForOutput(server, /This password is shown only once/);
    expect(banner).toContain(`http://localhost:${port}`);
    const password = /with the password (\S+)/.exec(banner)?.[1];
    expect(password).toHaveLength(20);

    const health = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(await health.json()).toMatchObject({ status: 'ok', database: 'pglite' });
    const signIn = await fetch(`http://127.0.0.1:${port}/api/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@closeout.local', password }),
    });
    expect(signIn.status).toBe(200);

    const second = await runCli(['migrate'], env);
    expect(second.code).toBe(3);
    expect(second.stderr).toContain('in use by another Closeout process');

    server.kill('SIGTERM');
    expect(await exited(server)).toBe(0);
    expect(existsSync(join(dataDir, 'closeout.lock'))).toBe(false);
  });

  it('says so when the port is taken, and leaves the data directory free', async () => {
    const blocker = createServer();
    const port = await new Promise<number>((resolve) =>
      blocker.listen(0, '127.0.0.1', () => resolve((blocker.address() as AddressInfo).port)),
    );
    try {
      const refused = await runCli(['serve', '--port', String(port)], env);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain(`Port ${port} is in use`);
      expect(existsSync(join(dataDir, 'closeout.lock'))).toBe(false);
    } finally {
      blocker.close();
    }
  });

  it('prints no new password on a later start', async () => {
    const port = await freePort();
    const server = spawnCli(['serve', '--port', String(port)], env);
    const banner = await waitForOutput(server, /Sign in with your Closeout account/);
    expect(banner).not.toContain('shown only once');
    server.kill('SIGTERM');
    expect(await exited(server)).toBe(0);
  });
});

describe('closeout user', () => {
  it('creates a user with a generated password, and refuses bad input with exit code 2', async () => {
    const created = await runCli(
      [
        'user',
        'create',
        '--email',
        'tech@northwind.example',
        '--name',
        'Tom Tech',
        '--roles',
        'technician',
      ],
      env,
    );
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toMatch(/Created Tom Tech <tech@northwind.example>/);
    expect(created.stdout).toMatch(/Password \(shown once\): \S{20}/);

    const duplicate = await runCli(
      [
        'user',
        'create',
        '--email',
        'tech@northwind.example',
        '--name',
        'Tom Again',
        '--roles',
        'technician',
      ],
      env,
    );
    expect(duplicate.code).toBe(2);
    expect(duplicate.stderr).toContain('email');

    const badRole = await runCli(
      ['user', 'create', '--email', 'x@northwind.example', '--name', 'X', '--roles', 'wizard'],
      env,
    );
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toContain('roles');

    const missing = await runCli(['user', 'create', '--email', 'y@northwind.example'], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("required option '--name <name>'");
  });

  it('resets a password, and says so when the user does not exist', async () => {
    const reset = await runCli(
      ['user', 'reset-password', '--email', 'tech@northwind.example'],
      env,
    );
    expect(reset.code, reset.stderr).toBe(0);
    expect(reset.stdout).toMatch(/Password \(shown once\)/);
    const unknown = await runCli(
      ['user', 'reset-password', '--email', 'nobody@northwind.example'],
      env,
    );
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('No user has the email nobody@northwind.example');
  });
});

describe('closeout kpi', () => {
  it('prints the KPIs as a table and as JSON, and refuses a bad date', async () => {
    const table = await runCli(['kpi', '--from', '2026-01-01', '--to', '2026-12-31'], env);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toContain('Client Retention Rate');
    const json = await runCli(['kpi', '--from', '2026-01-01', '--to', '2026-12-31', '--json'], env);
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toHaveProperty('period');
    const bad = await runCli(['kpi', '--from', 'yesterday'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('from');
  });
});
