import { sendMailJob } from '../integrations/email/deliver.js';
import type { Mailer } from '../integrations/email/transport.js';
import type { SecretVault } from '../security/envelope.js';
import { runImportJob } from '../server/imports/job.js';
import { pushTicketJob } from '../server/integrations/push.js';
import { psaImportClientsJob, psaSyncJob } from '../server/integrations/sync.js';
import type { JobHandler, JobKind } from './types.js';

/** The handler of every job kind. */
export function jobHandlers(vault: SecretVault, mailer: Mailer): Record<JobKind, JobHandler> {
  return {
    csv_import: runImportJob,
    psa_sync: psaSyncJob(vault),
    psa_push_ticket: pushTicketJob(vault),
    psa_import_clients: psaImportClientsJob(vault),
    send_mail: sendMailJob(mailer),
  };
}
