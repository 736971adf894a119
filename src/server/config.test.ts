import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { APP_VERSION, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('has working defaults without any environment', () => {
    expect(loadConfig({ env: {} })).toEqual({
      host: '127.0.0.1',
      port: 3000,
      databaseUrl: undefined,
      dataDir: 'data',
      publicUrl: 'http://localhost:3000',
      secureCookies: false,
      trustProxy: false,
      logLevel: 'info',
      version: APP_VERSION,
      webDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
      masterKey: undefined,
      smtpUrl: undefined,
      mailFrom: 'Closeout <closeout@localhost>',
      maxUploadBytes: 25 * 1024 * 1024,
      maxBackupUploadBytes: 50 * 1024 * 1024 * 1024,
    });
  });

  it('serves the web app from CLOSEOUT_WEB_DIR when it is set', () => {
    expect(loadConfig({ env: { CLOSEOUT_WEB_DIR: '/srv/closeout/web' } }).webDir).toBe(
      '/srv/closeout/web',
    );
  });

  it('reads the environment, and marks cookies Secure behind an https address', () => {
    const config = loadConfig({
      env: {
        CLOSEOUT_PORT: '8080',
        DATABASE_URL: 'postgres://closeout@db/closeout',
        CLOSEOUT_PUBLIC_URL: 'https://closeout.northwind.example',
        CLOSEOUT_TRUST_PROXY: 'true',
        LOG_LEVEL: 'warn',
      },
    });
    expect(config).toMatchObject({
      port: 8080,
      databaseUrl: 'postgres://closeout@db/closeout',
      publicUrl: 'https://closeout.northwind.example',
      secureCookies: true,
      trustProxy: true,
      logLevel: 'warn',
    });
    expect(
      loadConfig({
        env: { CLOSEOUT_PUBLIC_URL: 'https://x.example', CLOSEOUT_SECURE_COOKIES: 'false' },
      }).secureCookies,
    ).toBe(false);
  });

  it('lets command-line values win', () => {
    const config = loadConfig({ env: { CLOSEOUT_PORT: '8080' }, overrides: { port: 9000 } });
    expect(config.port).toBe(9000);
    expect(config.publicUrl).toBe('http://localhost:9000');
  });

  it('names the setting that is not valid', () => {
    expect(() => loadConfig({ env: { CLOSEOUT_PORT: 'eighty' } })).toThrow(
      /^The setting CLOSEOUT_PORT is not valid: /,
    );
    expect(() => loadConfig({ env: { LOG_LEVEL: 'loud' } })).toThrow(/LOG_LEVEL/);
  });

  it('knows the version from package.json', () => {
    expect(APP_VERSION).toMatch(/^\d+\.\d+\.\d+/);
  });
});

it('takes a variable set to nothing as not set', () => {
  expect(loadConfig({ env: { DATABASE_URL: '', CLOSEOUT_PORT: ' ' } })).toMatchObject({
    databaseUrl: undefined,
    port: 3000,
  });
});
