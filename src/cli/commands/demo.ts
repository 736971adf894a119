import { loadDemo } from '../../demo/load.js';
import { ROLE_LABELS } from '../../server/auth/permissions.js';
import { withDatabase } from '../database.js';
import { formatTable } from '../output.js';

/** Loads the demo MSP and says how to sign in to it. */
export async function demoCommand(): Promise<string> {
  return withDatabase(async ({ db }) => {
    const result = await loadDemo({ db });
    const { counts } = result;
    return [
      `Loaded the demo MSP "${result.organisationName}": ${counts.clients} clients, ${counts.tickets} tickets, ${counts.closeouts} closeouts (every stage and outcome), ${counts.clientReturns} returned client(s).`,
      '',
      'Sign in as any of these users, each with the password below:',
      '',
      formatTable(
        ['name', 'email', 'roles'],
        result.signIns.map((user) => [
          user.name,
          user.email,
          user.roles.map((role) => ROLE_LABELS[role]).join(', '),
        ]),
      ),
      '',
      `Password: ${result.password}`,
      '',
      'Start the server with `npm start` and sign in at http://localhost:3000.',
    ].join('\n');
  });
}
