import type {
  TJob,
  TJobPage,
  TPsaConnection,
  TPsaVendorDescription,
} from '../../../../src/server/integrations/schema.js';

/** Integrations as the API presents them, for component tests. */

export const CONNECTION_ID = '55555555-5555-4555-8555-555555555555';

export const connectwiseDescription = (): TPsaVendorDescription => ({
  vendor: 'connectwise',
  label: 'ConnectWise PSA',
  settings: [
    {
      name: 'siteUrl',
      description: 'Site URL: the API address of your ConnectWise PSA region or server.',
      type: 'string',
      required: false,
      default: 'https://api-na.myconnectwise.net',
      format: 'uri',
    },
    {
      name: 'companyId',
      description: 'Company ID: the company you type on the ConnectWise PSA sign-in page.',
      type: 'string',
      required: true,
      default: null,
      format: null,
    },
    {
      name: 'pageSize',
      description: 'pageSize',
      type: 'number',
      required: false,
      default: 100,
      format: null,
    },
  ],
  secrets: [
    {
      name: 'publicKey',
      description: 'Public key of the API member.',
      type: 'string',
      required: true,
      default: null,
      format: null,
    },
    {
      name: 'privateKey',
      description: 'Private key of the same API key pair; ConnectWise shows it only once.',
      type: 'string',
      required: true,
      default: null,
      format: null,
    },
  ],
  documentsCredentials: false,
});

export const autotaskDescription = (): TPsaVendorDescription => ({
  vendor: 'autotask',
  label: 'Autotask',
  settings: [
    {
      name: 'completeStatusId',
      description: 'The ticket status that closes a ticket, by its Autotask id.',
      type: 'number',
      required: false,
      default: 5,
      format: null,
    },
  ],
  secrets: [
    {
      name: 'username',
      description: 'The username of the Autotask API user.',
      type: 'string',
      required: true,
      default: null,
      format: null,
    },
  ],
  documentsCredentials: false,
});

export function buildConnection(overrides: Partial<TPsaConnection> = {}): TPsaConnection {
  return {
    id: CONNECTION_ID,
    vendor: 'connectwise',
    vendorLabel: 'ConnectWise PSA',
    name: 'Contoso CW',
    settings: {
      siteUrl: 'https://api-eu.myconnectwise.net',
      companyId: 'harbour',
      pageSize: 100,
    },
    storedSecrets: ['privateKey', 'publicKey'],
    enabled: true,
    syncIntervalMinutes: 15,
    pushBack: true,
    lastTest: null,
    lastSyncedAt: null,
    createdAt: '2026-11-01T09:00:00.000Z',
    updatedAt: '2026-11-01T09:00:00.000Z',
    ...overrides,
  };
}

let jobNumber = 0;

export function buildJob(overrides: Partial<TJob> = {}): TJob {
  jobNumber += 1;
  return {
    id: `66666666-6666-4666-8666-${String(jobNumber).padStart(12, '0')}`,
    kind: 'psa_sync',
    summary: `Sync tickets of job ${jobNumber}`,
    status: 'succeeded',
    attempts: 1,
    maxAttempts: 5,
    runAt: '2026-11-10T09:00:00.000Z',
    lastError: null,
    progress: null,
    result: null,
    createdAt: '2026-11-10T09:00:00.000Z',
    startedAt: '2026-11-10T09:00:01.000Z',
    finishedAt: '2026-11-10T09:00:05.000Z',
    ...overrides,
  };
}

export const jobPage = (items: TJob[], overrides: Partial<TJobPage> = {}): TJobPage => ({
  items,
  total: items.length,
  page: 1,
  pageSize: 25,
  ...overrides,
});
