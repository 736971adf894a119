import type { handoverSecrets } from '../db/schema.js';
import type { Closeout, HandoverItem, IsoDateTime } from '../domain/model.js';
import type { SecretVault } from '../security/envelope.js';
import type { THandoverSecret } from '../server/handover-secrets/schema.js';
import type { DemoClient } from './clients.js';
import type { DemoPortalUser } from './portal.js';
import type { Random } from './random.js';
import type { DemoAuditEvent } from './simulate.js';
import type { DemoStaff } from './staff.js';
import { minutesAfter } from './time.js';

/**
 * The credential vault of the demo: a realistic secret for every handover item, stored by the
 * technician right after the items were listed, and revealed by the client in the portal during
 * a deactivation session that has been held. Secrets stay plain in the generated MSP (so it is
 * built without a key and can be checked); the loader seals them with the server's vault.
 */

export type DemoHandoverSecret = {
  handoverItemId: string;
  orgId: string;
  closeoutId: string;
  secret: THandoverSecret;
  storedAt: IsoDateTime;
  storedBy: string;
  clientRevealedAt: IsoDateTime | null;
  clientRevealedBy: string | null;
};

type SecretRow = typeof handoverSecrets.$inferInsert;

/** Where each system of the demo's vocabulary is administered, by its name. */
const ADMIN_URLS: Record<string, (domain: string) => string> = {
  'Microsoft 365 tenant': () => 'https://admin.microsoft.com',
  'Google Workspace': () => 'https://admin.google.com',
  'Azure subscription': () => 'https://portal.azure.com',
  'Meraki MX68': () => 'https://dashboard.meraki.com',
  'Meraki MR access points': () => 'https://dashboard.meraki.com',
  'UniFi switches and access points': () => 'https://unifi.ui.com',
  'Aruba Instant On network': () => 'https://portal.arubainstanton.com',
  'Proxmox VE cluster': (domain) => `https://pve1.${domain}:8006`,
  'Datto SIRIS appliance': () => 'https://portal.dattobackup.com',
  'Synology NAS': (domain) => `https://nas.${domain}:5001`,
  'Acronis Cyber Protect': () => 'https://eu-cloud.acronis.com',
  'GoDaddy DNS': () => 'https://account.godaddy.com',
  'Cloudflare DNS': () => 'https://dash.cloudflare.com',
  '123-reg domains': () => 'https://www.123-reg.co.uk/secure',
  'Namecheap domains': () => 'https://www.namecheap.com/myaccount/login',
  'Pax8 licence portal': () => 'https://app.pax8.com',
  'Dell TechDirect': () => 'https://tdm.dell.com',
  'HP Smart admin portal': () => 'https://admin.hpsmart.com',
  'Sophos Central': () => 'https://central.sophos.com',
  'Ubiquiti CCTV recorder': () => 'https://unifi.ui.com',
};

type CategoryCredential = {
  username: (client: DemoClient) => string;
  url: (client: DemoClient, random: Random) => string;
  notes: string;
};

const lanAddress = (random: Random, host: number) =>
  `https://10.${random.int(0, 40)}.${random.int(0, 9)}.${host}`;
const netbios = (client: DemoClient) => client.domain.split(/[.-]/)[0]!.toUpperCase();

const BY_CATEGORY: Record<string, CategoryCredential> = {
  domain_admin: {
    username: (client) => `${netbios(client)}\\Administrator`,
    url: (client) => `dc01.ad.${client.domain}`,
    notes: 'Built-in domain administrator; our named admin accounts are removed at deactivation.',
  },
  cloud_tenant: {
    username: (client) => `admin@${client.domain}`,
    url: (client) => `https://portal.${client.domain}`,
    notes:
      'Break-glass global administrator, excluded from conditional access. Store the recovery codes offline and change the password after the handover.',
  },
  firewall: {
    username: () => 'admin',
    url: (_client, random) => `${lanAddress(random, 1)}:4443`,
    notes: 'Local super-admin. SSL VPN pre-shared keys are rotated on the termination date.',
  },
  network: {
    username: () => 'admin',
    url: (_client, random) => lanAddress(random, 2),
    notes: 'Controller administrator; device SSH uses the same credentials.',
  },
  hypervisor: {
    username: () => 'root',
    url: (client) => `https://esx01.${client.domain}`,
    notes: 'Host root account; the vCenter SSO administrator is not used.',
  },
  backup_console: {
    username: (client) => `backup.admin@${client.domain}`,
    url: (client) => `https://backup01.${client.domain}:9443`,
    notes: 'Console administrator. The encryption password of the backup jobs is the same.',
  },
  lob_app: {
    username: (client) => `admin@${client.domain}`,
    url: (client) => `https://app.${client.domain}`,
    notes: 'Application administrator; the vendor holds a separate support login.',
  },
  registrar_dns: {
    username: (client) => `it@${client.domain}`,
    url: () => 'https://registrar.example',
    notes: 'Account owner login. Auto-renew stays on; the card on file is the client’s.',
  },
  vendor_portal: {
    username: (client) => `it@${client.domain}`,
    url: () => 'https://vendor.example',
    notes: 'Account moved from our partner tenant to the client’s own account.',
  },
};

const OTHER: CategoryCredential = {
  username: () => 'admin',
  url: (client) => `https://admin.${client.domain}`,
  notes: 'Administrator login as configured at installation.',
};

const PASSWORD_CHARACTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789!#%+=?@';

function password(random: Random): string {
  return Array.from(
    { length: 20 },
    () => PASSWORD_CHARACTERS[random.int(0, PASSWORD_CHARACTERS.length - 1)],
  ).join('');
}

/** Ten single-use codes in the `1234-5678` form Microsoft and Google print them in. */
function recoveryCodes(random: Random): string[] {
  const digits = () => String(random.int(0, 9_999)).padStart(4, '0');
  return Array.from({ length: 10 }, () => `${digits()}-${digits()}`);
}

function secretFor(random: Random, client: DemoClient, item: HandoverItem): THandoverSecret {
  const system = client.systems.find((candidate) => candidate.id === item.managedSystemId);
  const category = system?.category ?? 'other';
  const credential = BY_CATEGORY[category] ?? OTHER;
  const knownUrl = ADMIN_URLS[item.systemName];
  return {
    username: credential.username(client),
    password: password(random),
    url: knownUrl === undefined ? credential.url(client, random) : knownUrl(client.domain),
    notes: credential.notes,
    mfaRecoveryCodes: category === 'cloud_tenant' ? recoveryCodes(random) : [],
  };
}

/** What the audit trail keeps of a secret, as the vault's service writes it: never the value. */
const auditView = (item: HandoverItem, revealedAt: IsoDateTime | null) => ({
  systemName: item.systemName,
  credentialLabel: item.credentialLabel,
  secretStored: true,
  issueCount: 1,
  clientRevealedAt: revealedAt,
});

export function handoverSecretsOf(options: {
  random: Random;
  closeout: Closeout;
  client: DemoClient;
  staff: DemoStaff;
  /** When the technician listed the handover items. */
  itemsAddedAt: IsoDateTime;
  /** The deactivation session's start, when the client reveals what it confirms there. */
  sessionAt: IsoDateTime;
  portalUser: DemoPortalUser | null;
}): { secrets: DemoHandoverSecret[]; events: DemoAuditEvent[] } {
  const { random, closeout, client, staff, portalUser } = options;
  const secrets: DemoHandoverSecret[] = [];
  const events: DemoAuditEvent[] = [];
  const sessionHeld = closeout.sessionHeldAt !== null;
  closeout.handoverItems.forEach((item, index) => {
    const storedAt = minutesAfter(options.itemsAddedAt, 30 + index * 4);
    const revealed = sessionHeld && item.confirmedAt !== null && portalUser !== null;
    const revealedAt = revealed ? minutesAfter(options.sessionAt, 10 + index * 3) : null;
    secrets.push({
      handoverItemId: item.id,
      orgId: closeout.orgId,
      closeoutId: closeout.id,
      secret: secretFor(random, client, item),
      storedAt,
      storedBy: staff.technician.name,
      clientRevealedAt: revealedAt,
      clientRevealedBy: revealed ? portalUser.row.id : null,
    });
    const event = {
      orgId: closeout.orgId,
      closeoutId: closeout.id,
      entityType: 'handover_item',
      entityId: item.id,
    };
    events.push({
      ...event,
      action: 'store_handover_secret',
      actor: staff.technician,
      before: null,
      after: auditView(item, null),
      at: storedAt,
    });
    if (revealedAt !== null && portalUser !== null) {
      events.push({
        ...event,
        action: 'client_reveal_handover_secret',
        actor: portalUser.actor,
        before: auditView(item, null),
        after: auditView(item, revealedAt),
        at: revealedAt,
      });
    }
  });
  return { secrets, events };
}

/** The rows of `handover_secrets`, each secret sealed under its own data key. */
export function sealHandoverSecrets(
  vault: SecretVault,
  secrets: readonly DemoHandoverSecret[],
): SecretRow[] {
  return secrets.map((secret) => ({
    handoverItemId: secret.handoverItemId,
    orgId: secret.orgId,
    closeoutId: secret.closeoutId,
    sealed: vault.seal(secret.secret),
    updatedAt: new Date(secret.storedAt),
    updatedBy: secret.storedBy,
    issuedAt: new Date(secret.storedAt),
    issueCount: 1,
    clientRevealedAt: secret.clientRevealedAt === null ? null : new Date(secret.clientRevealedAt),
    clientRevealedBy: secret.clientRevealedBy,
  }));
}
