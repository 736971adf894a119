import { withDatabase } from '../database.js';

/** Opening the database applies every pending migration; this command does only that. */
export async function migrateCommand(): Promise<string> {
  return withDatabase(async ({ kind }) =>
    kind === 'pglite'
      ? `The embedded database in ${process.env.CLOSEOUT_DATA_DIR?.trim() || './data'} is up to date.`
      : 'The PostgreSQL database is up to date.',
  );
}
