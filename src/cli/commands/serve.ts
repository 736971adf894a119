import { openDatabase } from '../../db/connection.js';
import { buildApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { ensureOrganisation } from '../../server/setup/ensure-organisation.js';
import { CliError } from '../output.js';

/** Starts the server on one port (the API and its documentation) until stopped. */
export async function serve(options: { port?: number; host?: string }): Promise<void> {
  const config = loadConfig({
    overrides: {
      ...(options.port === undefined ? {} : { port: options.port }),
      ...(options.host === undefined ? {} : { host: options.host }),
    },
  });
  const database = await openDatabase(
    config.databaseUrl === undefined
      ? { dataDir: config.dataDir }
      : { databaseUrl: config.databaseUrl },
  );
  const app = await buildApp({ db: database.db, config });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info(`Received ${signal}; stopping.`);
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  try {
    // Listening first: a port in use must not cost the first administrator's only printed password.
    await app.listen({ port: config.port, host: config.host });
    const firstRun = await ensureOrganisation({ db: database.db });
    app.jobs.start();
    const where =
      database.kind === 'pglite' ? `the embedded database in ${config.dataDir}` : 'PostgreSQL';
    const lines = [
      '',
      `  Closeout ${config.version} is running at ${config.publicUrl} (data: ${where})`,
      `  API reference: ${config.publicUrl}/api/docs`,
    ];
    if (firstRun.created) {
      lines.push(
        '',
        '  First start: an organisation and its administrator were created.',
        `  Sign in as ${firstRun.email} with the password ${firstRun.password}`,
        '  This password is shown only once: keep it, then change it (npm run closeout -- user reset-password).',
      );
    } else {
      lines.push(
        '',
        '  Sign in with your Closeout account. Forgot the password?',
        '  Stop the server and run: npm run closeout -- user reset-password --email <you>',
      );
    }
    process.stdout.write(`${lines.join('\n')}\n\n`);
  } catch (error) {
    await app.close();
    await database.close();
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new CliError(
        `Port ${config.port} is in use by another program: stop it, or choose another port with --port or CLOSEOUT_PORT.`,
      );
    }
    throw error;
  }
}
