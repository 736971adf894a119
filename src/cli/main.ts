#!/usr/bin/env node
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { APP_VERSION } from '../server/config.js';
import { EXIT, exitCodeFor, messageFor } from './output.js';

function port(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65_535) {
    throw new InvalidArgumentError('a port is a whole number from 0 to 65535.');
  }
  return parsed;
}

/** Commander's collector for a repeated `--map column=field`. */
const collectMappings = (value: string, previous: string[]): string[] => [...previous, value];

/**
 * Runs a command that prints its result, so every command reports errors the same way. The
 * command's module loads only when it runs: `closeout import` does not carry the web server.
 */
const printing =
  <T extends unknown[]>(load: () => Promise<(...args: T) => Promise<string>>) =>
  async (...args: T) => {
    const command = await load();
    process.stdout.write(`${await command(...args)}\n`);
  };

const program = new Command()
  .name('closeout')
  .description('Closeout runs the end of a managed-service client relationship.')
  .version(APP_VERSION)
  .showHelpAfterError()
  .exitOverride();

program
  .command('serve')
  .description('start the server: the API and its documentation on one port')
  .option('-p, --port <port>', 'port to listen on (default CLOSEOUT_PORT or 3000)', port)
  .option('--host <host>', 'address to listen on (default CLOSEOUT_HOST or 127.0.0.1)')
  .action(async (options: { port?: number; host?: string }) => {
    const { serve } = await import('./commands/serve.js');
    await serve(options);
  });

program
  .command('migrate')
  .description('bring the database schema up to date (serve does this too)')
  .action(printing(async () => (await import('./commands/migrate.js')).migrateCommand));

const user = program.command('user').description('manage staff users');
user
  .command('create')
  .description('add a staff user')
  .requiredOption('--email <email>', 'sign-in email')
  .requiredOption('--name <name>', 'full name')
  .requiredOption(
    '--roles <roles>',
    'comma-separated: admin, service_manager, account_manager, technician, executive, finance',
  )
  .option(
    '--password <password>',
    'at least 12 characters (default: a generated one, printed once)',
  )
  .option('--org <organisation>', 'organisation name or id (needed when there are several)')
  .action(printing(async () => (await import('./commands/user.js')).createUserCommand));
user
  .command('reset-password')
  .description("set a new password for a user and sign out the user's sessions")
  .requiredOption('--email <email>', 'sign-in email')
  .option(
    '--password <password>',
    'at least 12 characters (default: a generated one, printed once)',
  )
  .action(printing(async () => (await import('./commands/user.js')).resetPasswordCommand));

program
  .command('demo')
  .description('load a realistic demo MSP: clients, tickets, closeouts in every stage and outcome')
  .action(printing(async () => (await import('./commands/demo.js')).demoCommand));

program
  .command('import')
  .description('import clients, contacts, agreements, managed systems or tickets from a CSV file')
  .argument('<entity>', 'clients, contacts, agreements, managed_systems or tickets')
  .argument('<file>', 'the CSV file; its first line names the columns')
  .option(
    '--format <format>',
    'generic, connectwise, autotask or halopsa (default: told from the columns)',
  )
  .option(
    '--map <column=field>',
    'read a field from this column; repeat for several',
    collectMappings,
    [],
  )
  .option('--org <organisation>', 'organisation name or id (needed when there are several)')
  .option('--errors <file>', 'write the refused rows (line, column, message) to this CSV file')
  .option('--json', 'print the summary as JSON')
  .action(printing(async () => (await import('./commands/import.js')).importCommand));

program
  .command('kpi')
  .description('print the KPIs for a period')
  .option('--from <date>', 'first day, YYYY-MM-DD (default: 12 months ago)')
  .option('--to <date>', 'last day, YYYY-MM-DD (default: today)')
  .option('--org <organisation>', 'organisation name or id (needed when there are several)')
  .option('--json', 'print JSON instead of a table')
  .action(printing(async () => (await import('./commands/kpi.js')).kpiCommand));

const keys = program.command('keys').description('manage the master key that seals stored secrets');
keys
  .command('rotate')
  .description(
    'wrap every stored secret under a new master key (the key file, or CLOSEOUT_MASTER_KEY)',
  )
  .option(
    '--new-key <key>',
    'the new key: 64 hex characters (default: a new random key; printed when CLOSEOUT_MASTER_KEY is used)',
  )
  .action(printing(async () => (await import('./commands/keys.js')).rotateKeysCommand));

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exit(error.exitCode === 0 ? EXIT.ok : EXIT.usage);
  }
  process.stderr.write(`closeout: ${messageFor(error)}\n`);
  if (exitCodeFor(error) === EXIT.failure && error instanceof Error && error.stack) {
    process.stderr.write(`${error.stack}\n`);
  }
  process.exit(exitCodeFor(error));
}
