import { loadDemo } from '../../demo/load.js';
import { SecretVault } from '../../security/envelope.js';
import { loadMasterKey } from '../../security/master-key.js';
import { ROLE_LABELS } from '../../server/auth/permissions.js';
import { loadConfig } from '../../server/config.js';
import { withDatabase } from '../database.js';
import { formatTable } from '../output.js';

/**
 * Loads the demo MSP and says how to sign in to it. Its handover secrets are sealed with the
 * master key the server will use (the same configuration, the same key file), so the server
 * opens them.
 */
export async function demoCommand(): Promise<string> {
  const config = loadConfig();
  const vault = new SecretVault(
    loadMasterKey({ masterKey: config.masterKey, dataDir: config.dataDir }),
  );
  return withDatabase(async ({ db }) => {
    const result = await loadDemo({ db, vault, publicUrl: config.publicUrl });
    const { counts } = result;
    return [
      `Loaded the demo MSP "${result.organisationName}": ${counts.clients} clients, ${counts.tickets} tickets, ${counts.closeouts} closeouts (every stage and outcome), ${counts.clientReturns} returned client(s).`,
      `The client side: ${counts.handoverSecrets} handover secrets in the credential vault, ${counts.portalUsers} portal users, ${counts.outboxMails} mails in the outbox (Settings → Outbox).`,
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
      `Start the server with \`npm start\` and sign in at ${config.publicUrl}.`,
      ...(result.portalSignIn === null
        ? []
        : [
            `Try the client portal as ${result.portalSignIn.name} of ${result.portalSignIn.clientName}: ask for a sign-in link for ${result.portalSignIn.email} at ${config.publicUrl}/portal/sign-in, then open it from Settings → Outbox.`,
          ]),
    ].join('\n');
  });
}
