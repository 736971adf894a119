/**
 * The words the demo MSP is made of: its clients' names and trades, their people, systems and
 * tickets. Names are fictitious; email domains end in .example and phone numbers sit in the
 * range Ofcom keeps free for drama.
 */

export const FIRST_NAMES = [
  'Aisha',
  'Amelia',
  'Arjun',
  'Ben',
  'Bethany',
  'Callum',
  'Chloe',
  'Daniel',
  'Eleanor',
  'Ellis',
  'Emeka',
  'Fatima',
  'Freya',
  'George',
  'Grace',
  'Hannah',
  'Harvey',
  'Imogen',
  'Isaac',
  'Jack',
  'Jasmine',
  'Joanna',
  'Kieran',
  'Laura',
  'Leon',
  'Lucy',
  'Marcus',
  'Maya',
  'Mohammed',
  'Naomi',
  'Nathan',
  'Nia',
  'Oliver',
  'Olivia',
  'Owen',
  'Priya',
  'Rachel',
  'Rhys',
  'Rosa',
  'Ruth',
  'Samir',
  'Sophie',
  'Thomas',
  'Tom',
  'Vanessa',
  'Wei',
  'William',
  'Yusuf',
  'Zara',
  'Zoe',
] as const;

export const SURNAMES = [
  'Abbott',
  'Ahmed',
  'Ashworth',
  'Bailey',
  'Barker',
  'Bennett',
  'Bradshaw',
  'Brennan',
  'Campbell',
  'Carter',
  'Chapman',
  'Chowdhury',
  'Clarke',
  'Collins',
  'Davies',
  'Dixon',
  'Doyle',
  'Ellison',
  'Evans',
  'Fairbairn',
  'Fletcher',
  'Foster',
  'Gallagher',
  'Gill',
  'Hammond',
  'Hargreaves',
  'Hartley',
  'Hughes',
  'Iqbal',
  'Jennings',
  'Kaur',
  'Kowalski',
  'Lambert',
  'Lloyd',
  'Lowe',
  'MacLeod',
  'Marsh',
  'Mensah',
  'Morgan',
  'Murphy',
  'Nash',
  'Nowak',
  'Okafor',
  'Osei',
  'Parry',
  'Patel',
  'Pemberton',
  'Quinn',
  'Rahman',
  'Reid',
  'Rowe',
  'Shah',
  'Sinclair',
  'Stewart',
  'Thornton',
  'Turner',
  'Wallace',
  'Whitaker',
  'Wright',
  'Young',
] as const;

export const PLACES = [
  'Abbeydale',
  'Ashford',
  'Aylesbury',
  'Barnwell',
  'Beacon Hill',
  'Bramley',
  'Bridgeford',
  'Castleton',
  'Chalfont',
  'Clifton',
  'Coldharbour',
  'Dunmore',
  'Eastbrook',
  'Elmstead',
  'Fernhill',
  'Foxley',
  'Greenwich',
  'Hadley',
  'Harrowgate',
  'Hartfield',
  'Holloway',
  'Kingsmead',
  'Lakeside',
  'Larkfield',
  'Marlow',
  'Meadowbank',
  'Millbrook',
  'Newhaven',
  'Northgate',
  'Oakwood',
  'Pennington',
  'Queensbury',
  'Redcliffe',
  'Riverside',
  'Rosedale',
  'Southfields',
  'Stanmore',
  'Thornbury',
  'Westbury',
  'Whitchurch',
  'Willowbrook',
  'Windmill Hill',
] as const;

const WORDS = [
  'Amber',
  'Beacon',
  'Bluebell',
  'Copper',
  'Harbour',
  'Kestrel',
  'Lantern',
  'Meridian',
  'Northern',
  'Orchard',
  'Quayside',
  'Saffron',
  'Summit',
  'Tidewater',
] as const;

type NamePart = 'surname' | 'surname2' | 'place' | 'word';

export type Trade = {
  industry: string;
  /** Name patterns: {surname}, {surname2}, {place}, {word}. */
  names: readonly string[];
  decisionMakerTitles: readonly string[];
  technicalTitles: readonly string[];
  businessApps: readonly string[];
};

export const TRADES: readonly Trade[] = [
  {
    industry: 'Dental practice',
    names: ['{surname} Dental Practice', '{place} Dental Care', '{place} Smile Studio'],
    decisionMakerTitles: ['Practice Owner', 'Principal Dentist'],
    technicalTitles: ['Practice Manager', 'Reception Lead'],
    businessApps: ['Dentally practice management', 'SOE Exact practice software'],
  },
  {
    industry: 'Law firm',
    names: [
      '{surname} & {surname2} Solicitors',
      '{surname} {surname2} LLP',
      '{place} Law Chambers',
    ],
    decisionMakerTitles: ['Managing Partner', 'Senior Partner'],
    technicalTitles: ['Practice Manager', 'IT Coordinator'],
    businessApps: ['Clio case management', 'LEAP practice management'],
  },
  {
    industry: 'Manufacturing',
    names: ['{place} Precision Engineering', '{surname} Fabrications Ltd', '{place} Plastics'],
    decisionMakerTitles: ['Managing Director', 'Operations Director'],
    technicalTitles: ['IT Coordinator', 'Production Systems Engineer'],
    businessApps: ['Sage 200 ERP', 'Epicor Kinetic ERP'],
  },
  {
    industry: 'Charity',
    names: ['{place} Community Trust', 'Friends of {place} Hospice', '{place} Food Bank'],
    decisionMakerTitles: ['Chief Executive', 'Head of Operations'],
    technicalTitles: ['Office Manager', 'Volunteer IT Lead'],
    businessApps: ['Salesforce Nonprofit Cloud', 'Donorfy CRM'],
  },
  {
    industry: 'Accountancy',
    names: ['{surname} & Co Chartered Accountants', '{surname} {surname2} Accountancy'],
    decisionMakerTitles: ['Senior Partner', 'Finance Director'],
    technicalTitles: ['Office Manager', 'Practice Administrator'],
    businessApps: ['IRIS Practice Management', 'Xero Practice Manager'],
  },
  {
    industry: 'Architecture',
    names: ['{surname} {surname2} Architects', 'Studio {surname}', '{word} Architecture'],
    decisionMakerTitles: ['Founding Director', 'Managing Director'],
    technicalTitles: ['Studio Manager', 'BIM Manager'],
    businessApps: ['Autodesk licence portal', 'Vectorworks licence server'],
  },
  {
    industry: 'Veterinary',
    names: ['{place} Veterinary Centre', '{surname} Vets', '{word} Animal Hospital'],
    decisionMakerTitles: ['Clinical Director', 'Practice Owner'],
    technicalTitles: ['Practice Manager', 'Head Nurse'],
    businessApps: ['RxWorks practice management', 'Provet Cloud'],
  },
  {
    industry: 'Property',
    names: ['{surname} Estates', '{place} Lettings', '{word} Property Management'],
    decisionMakerTitles: ['Managing Director', 'Branch Director'],
    technicalTitles: ['Office Manager', 'Lettings Administrator'],
    businessApps: ['Reapit CRM', 'Alto estate agency software'],
  },
  {
    industry: 'Logistics',
    names: ['{place} Freight Services', '{surname} Haulage Ltd', '{word} Logistics'],
    decisionMakerTitles: ['Managing Director', 'Operations Director'],
    technicalTitles: ['Transport Systems Manager', 'IT Coordinator'],
    businessApps: ['Mandata transport management', 'Descartes route planner'],
  },
  {
    industry: 'Education',
    names: ['{place} Montessori Nursery', '{place} Prep School', '{word} Learning Centre'],
    decisionMakerTitles: ['Head Teacher', 'Bursar'],
    technicalTitles: ['School Business Manager', 'Network Manager'],
    businessApps: ['Arbor MIS', 'Tapestry learning journal'],
  },
  {
    industry: 'Hospitality',
    names: ['The {word} Hotel', '{place} Inns Group', '{surname} Restaurants'],
    decisionMakerTitles: ['General Manager', 'Owner'],
    technicalTitles: ['Operations Manager', 'Front Office Manager'],
    businessApps: ['Guestline property management', 'Lightspeed EPOS'],
  },
  {
    industry: 'Healthcare',
    names: ['{place} Physiotherapy Clinic', '{place} Medical Centre', '{word} Health Clinic'],
    decisionMakerTitles: ['Clinic Director', 'Practice Partner'],
    technicalTitles: ['Practice Manager', 'Clinical Systems Lead'],
    businessApps: ['Cliniko patient records', 'Semble practice management'],
  },
  {
    industry: 'Retail',
    names: ['{surname} Garden Centre', '{place} Cycles', '{word} Home & Living'],
    decisionMakerTitles: ['Owner', 'Managing Director'],
    technicalTitles: ['Store Operations Manager', 'E-commerce Manager'],
    businessApps: ['Lightspeed Retail POS', 'Shopify admin'],
  },
  {
    industry: 'Construction',
    names: ['{surname} Builders Ltd', '{place} Roofing', '{surname} & {surname2} Construction'],
    decisionMakerTitles: ['Managing Director', 'Commercial Director'],
    technicalTitles: ['Office Manager', 'Site Systems Coordinator'],
    businessApps: ['Procore project management', 'COINS construction ERP'],
  },
  {
    industry: 'Marketing',
    names: ['{word} Creative', '{surname} Media', '{word} & {surname} Agency'],
    decisionMakerTitles: ['Founder', 'Agency Director'],
    technicalTitles: ['Studio Manager', 'Operations Lead'],
    businessApps: ['Adobe Admin Console', 'Monday.com workspace'],
  },
];

export const NAME_PARTS: Record<NamePart, readonly string[]> = {
  surname: SURNAMES,
  surname2: SURNAMES,
  place: PLACES,
  word: WORDS,
};

/** Managed systems by category (see MANAGED_SYSTEM_CATEGORIES), with what the MSP notes. */
export const SYSTEMS_BY_CATEGORY: Record<string, readonly [string, string][]> = {
  domain_admin: [
    ['Active Directory domain', 'Two domain controllers on the hypervisor host'],
    ['Windows Server 2019 domain controller', 'Single DC, also file and print server'],
    ['Entra Connect sync server', 'Syncs on-premises accounts to Microsoft 365'],
  ],
  cloud_tenant: [
    ['Microsoft 365 tenant', 'Business Premium licences, Intune and Defender'],
    ['Google Workspace', 'Business Standard, shared drives per team'],
    ['Azure subscription', 'Pay-as-you-go; hosts the line-of-business VM'],
  ],
  firewall: [
    ['FortiGate 60F', 'Main office firewall with SSL VPN'],
    ['SonicWall TZ370', 'Edge firewall, gateway anti-virus licence'],
    ['WatchGuard Firebox T45', 'Firewall with branch-office VPN'],
    ['Meraki MX68', 'Cloud-managed firewall and SD-WAN'],
  ],
  network: [
    ['UniFi switches and access points', 'UniFi controller on a cloud key'],
    ['Aruba Instant On network', 'Three switches, five access points'],
    ['Cisco Catalyst 1000 switch stack', 'Core switching in the comms cabinet'],
    ['Meraki MR access points', 'Guest and staff SSIDs'],
  ],
  hypervisor: [
    ['VMware ESXi host', 'Dell PowerEdge R650, four virtual machines'],
    ['Hyper-V host', 'HPE ProLiant DL380, file server and SQL VM'],
    ['Proxmox VE cluster', 'Two nodes with shared storage'],
  ],
  backup_console: [
    ['Veeam B&R console', 'Nightly image backups, 30-day retention'],
    ['Datto SIRIS appliance', 'Local and cloud backup with screenshot verification'],
    ['Synology NAS', 'Hyper Backup to cloud storage every night'],
    ['Acronis Cyber Protect', 'Workstation and Microsoft 365 backup'],
  ],
  lob_app: [],
  registrar_dns: [
    ['GoDaddy DNS', 'Domain registration and DNS zone'],
    ['Cloudflare DNS', 'DNS and proxy for the website'],
    ['123-reg domains', 'Three domains, auto-renew on'],
    ['Namecheap domains', 'Main domain and two redirects'],
  ],
  vendor_portal: [
    ['Pax8 licence portal', 'Microsoft and security licences bought through us'],
    ['Dell TechDirect', 'Warranty and parts dispatch'],
    ['HP Smart admin portal', 'Managed print fleet'],
  ],
  other: [
    ['3CX phone system', 'Hosted PBX, 24 extensions'],
    ['Ricoh multifunction printers', 'Scan-to-email and follow-me printing'],
    ['Sophos Central', 'Endpoint protection for every device'],
    ['Ubiquiti CCTV recorder', 'UniFi Protect NVR, 8 cameras'],
  ],
};

export const AGREEMENT_NAMES = [
  'Managed Services Agreement',
  'Microsoft 365 Management',
  'Backup & Disaster Recovery',
  'Security Suite (EDR and mail filtering)',
  'Hosted Servers',
  'Network Monitoring',
] as const;

export const TICKET_TITLES = [
  'Outlook keeps asking for password',
  'Printer on first floor not printing',
  'VPN drops every 30 minutes',
  'New starter: laptop and Microsoft 365 account',
  'Leaver: disable account and forward mailbox',
  'Phishing email reported by reception',
  'Teams calls choppy in the meeting room',
  'Set up MFA for the finance team',
  'File server running low on disk space',
  'Wi-Fi dead spot in the warehouse',
  'Shared mailbox missing from Outlook',
  'Laptop will not boot after Windows update',
  'Request: second monitor for accounts',
  'Scan to email stopped working',
  'Renew SSL certificate for the website',
  'Line-of-business app crashes on start-up',
  'Cannot access SharePoint site',
  'Replace failing disk in the NAS',
  'Backup job failed overnight',
  'Password reset for locked-out user',
  'Slow internet at the main office',
  'Install Adobe Acrobat for new user',
  'Email bouncing to one supplier',
  'Phone extension not ringing',
  'Move desk: patch new network point',
  'Antivirus alert on reception PC',
  'Quarterly patching window',
  'OneDrive not syncing',
  'Card payment terminal offline',
  'CCTV recorder not recording',
  'Request access to the finance share',
  'Broken keyboard and mouse',
  'Set up a new shared calendar',
  'Domain renewal reminder',
  'Mobile phone not receiving email',
] as const;

/** Longer work that tends to be open when a client gives notice. */
export const PROJECT_TICKET_TITLES = [
  'Migrate shared drive to SharePoint',
  'Replace end-of-life switch in the comms cabinet',
  'Upgrade line-of-business app to the new version',
  'Roll out Windows 11 to remaining laptops',
  'Tidy up Microsoft 365 licences',
  'Move phone numbers to the new SIP provider',
  'Replace the reception PC',
  'Investigate intermittent Wi-Fi drop-outs',
  'Set up conditional access policies',
  'Archive old mailboxes of leavers',
] as const;

export const TICKET_PRIORITIES = [
  ['low', 20],
  ['normal', 55],
  ['high', 20],
  ['urgent', 5],
] as const;

export const INCOMING_PROVIDERS = [
  'Brightwave IT',
  'Cobalt Networks',
  'Harbourside Technology',
  'BlueFjord Managed Services',
  'Keystone Tech Partners',
  'Pinewood IT Solutions',
] as const;

export const SIP_ACTIONS = [
  'Weekly service review call with the decision maker for six weeks',
  'Named technician on site every Tuesday',
  'Root-cause review of the recent email outages',
  'Re-price the backup agreement to the new storage tier',
  'Escalation path straight to the service desk lead',
  'Monthly satisfaction check-in by the account manager',
  'Clear the backlog of low-priority tickets within two weeks',
  'Quarterly business review with a technology roadmap',
] as const;

export const DEACTIVATION_ISSUES = [
  {
    summary: 'Global administrator password rejected',
    description:
      'The client could not sign in with the handed-over global administrator account; MFA was still registered to our phone.',
    category: 'cloud_tenant',
    resolution: 'Cleared the MFA registration and walked the client through enrolling its own.',
  },
  {
    summary: 'Firewall admin login locked out',
    description:
      'Three failed attempts from the new provider locked the firewall admin account for an hour.',
    category: 'firewall',
    resolution: 'Unlocked the account on site and confirmed the password in the vault was current.',
  },
  {
    summary: 'Backup copy missing the SQL database',
    description:
      'The incoming provider found the nightly SQL dump was not part of the backup copy handed over.',
    category: 'backup_console',
    resolution: 'Exported the database again and delivered it with a new checksum.',
  },
  {
    summary: 'DNS records not moved with the domain',
    description:
      'After the domain transfer the MX and SPF records were missing from the new registrar.',
    category: 'registrar_dns',
    resolution: 'Sent the zone file export; the client restored the records the same day.',
  },
  {
    summary: 'RMM agent still reporting from one laptop',
    description: 'A laptop that was off during the uninstall came back online with our agent.',
    category: null,
    resolution: 'Removed the agent remotely and deleted the device from the RMM console.',
  },
] as const;

export const RETENTION_RATIONALES = {
  attempt_retention:
    'Long-standing client with fixable service issues; a Service Improvement Program is worth a try.',
  accept_cancellation:
    'The decision is made at board level and the reasons are outside our control; accept and leave on good terms.',
  confirm_termination:
    'The account no longer fits our service model; end it cleanly and hand everything back.',
} as const;

export const REASON_NOTES: Record<string, string> = {
  price: 'A cheaper quote from a local provider; the board asked for a 20% saving.',
  service_quality: 'Repeated email outages in the last quarter damaged confidence.',
  responsiveness: 'Tickets waited too long for a first response during the busy season.',
  relationship: 'The client felt it had no regular contact since the account manager changed.',
  acquisition_or_merger: 'Acquired by a group that runs IT centrally.',
  bringing_it_in_house: 'Hired an IT manager and will run systems itself.',
  moving_to_another_provider: 'Chose a provider that also handles its telephony.',
  business_closure: 'The owners are retiring and closing the business at the end of the year.',
  scope_mismatch: 'Needs development work we do not offer.',
  non_payment: 'Invoices more than 90 days overdue despite a payment plan.',
  unprofitable: 'The agreement has run at a loss for four quarters.',
  abusive_conduct: 'Repeated abusive calls to the service desk.',
  security_or_compliance_risk: 'Refuses MFA and patching; the risk to our platform is too high.',
};
