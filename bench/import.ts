/**
 * The CSV import's target: 1,000,000 tickets from a CSV file into PostgreSQL at no less than
 * half the rows per second of a plain `COPY` of the same file into the same table, measured side
 * by side, with the importing process's peak RSS under 300 MB.
 *
 * One generated file serves both: its columns are tickets' own, so COPY loads it as it is, and
 * the importer maps the columns it knows (client by Closeout id) and ignores `org_id` and
 * `source`. COPY goes first; the table is emptied; then `closeout import` (the built command,
 * as an MSP runs it) imports the file in a child process that reports its peak RSS on exit.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { openDatabase } from '../src/db/connection.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'dist', 'cli', 'main.js');
const DATABASE = 'closeout_bench_import';
const TICKETS = Number(process.env.BENCH_IMPORT_TICKETS ?? 1_000_000);
const CLIENTS = 2_000;
export const IMPORT_RATIO_TARGET = 0.5;
export const IMPORT_RSS_TARGET_BYTES = 300 * 1024 * 1024;

const COLUMNS = [
  'org_id',
  'source',
  'external_id',
  'client_id',
  'number',
  'title',
  'status',
  'priority',
  'opened_at',
  'closed_at',
];

/** On exit, the child says how much memory it held at most (kilobytes, as Node reports it). */
const REPORT_PEAK_RSS =
  'data:text/javascript,process.on("exit",()=>process.stderr.write("peak-rss-kb "+process.resourceUsage().maxRSS+"\\n"))';

export type ImportBenchmark = {
  rows: number;
  copyRowsPerSecond: number;
  importRowsPerSecond: number;
  ratio: number;
  peakRssBytes: number;
  met: boolean;
};

const databaseUrl = (serverUrl: string, name: string) => {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
};

async function onServer(serverUrl: string, statement: string): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

const TITLES = [
  'Printer offline in reception',
  'New starter laptop',
  'VPN drops every hour, all users',
  'Outlook asks for a password',
  'Backup job "Nightly" failed',
  'Replace failing disk in NAS',
];
const STATUSES = ['open', 'completed', 'completed', 'cancelled'];
const PRIORITIES = ['low', 'normal', 'normal', 'high'];

const quoted = (text: string) => (/[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

/** A million tickets over the organisation's clients, written with backpressure. */
async function writeTicketsCsv(path: string, orgId: string, clientIds: string[]): Promise<void> {
  const out = createWriteStream(path);
  out.write(`${COLUMNS.join(',')}\n`);
  const start = Date.UTC(2021, 0, 1);
  let chunk = '';
  for (let index = 0; index < TICKETS; index += 1) {
    const status = STATUSES[index % STATUSES.length]!;
    const opened = start + index * 97_000;
    const closed = status === 'open' ? '' : new Date(opened + 86_400_000).toISOString();
    chunk += `${orgId},csv,T-${index},${clientIds[index % clientIds.length]},${100_000 + index},${quoted(`${TITLES[index % TITLES.length]} #${index}`)},${status},${PRIORITIES[index % PRIORITIES.length]},${new Date(opened).toISOString()},${closed}\n`;
    if (chunk.length > 1_000_000) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}

/** A fresh database with one organisation and its clients. */
async function prepare(url: string): Promise<{ orgId: string; clientIds: string[] }> {
  const database = await openDatabase({ databaseUrl: url });
  await database.close();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const orgId = randomUUID();
    await client.query(
      `insert into organisations (id, name, personalisation, reason_taxonomy)
       values ($1, 'Import benchmark MSP', '{}', '[]')`,
      [orgId],
    );
    const clientIds = Array.from({ length: CLIENTS }, () => randomUUID());
    await client.query(
      `insert into clients (id, org_id, name, client_since)
       select id, $2, 'Client ' || ordinality, '2020-01-01'
       from unnest($1::uuid[]) with ordinality as c(id, ordinality)`,
      [clientIds, orgId],
    );
    return { orgId, clientIds };
  } finally {
    await client.end();
  }
}

async function timedCopy(url: string, file: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const started = performance.now();
    await pipeline(
      createReadStream(file),
      client.query(
        copyFrom(`COPY tickets (${COLUMNS.join(', ')}) FROM STDIN (FORMAT csv, HEADER true)`),
      ),
    );
    const seconds = (performance.now() - started) / 1000;
    const { rows } = await client.query<{ count: string }>('select count(*) from tickets');
    if (Number(rows[0]!.count) !== TICKETS) throw new Error(`COPY loaded ${rows[0]!.count} rows.`);
    await client.query('truncate tickets cascade');
    // The import starts from the same table COPY did: empty, with fresh statistics.
    await client.query('vacuum analyze tickets');
    return seconds;
  } finally {
    await client.end();
  }
}

type ChildImport = { seconds: number; created: number; peakRssBytes: number };

function importInChild(url: string, file: string, orgId: string): Promise<ChildImport> {
  const child = spawn(
    process.execPath,
    ['--import', REPORT_PEAK_RSS, CLI, 'import', 'tickets', file, '--org', orgId, '--json'],
    {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      const peak = /peak-rss-kb (\d+)/.exec(stderr);
      if (code !== 0 || peak === null) {
        reject(new Error(`closeout import exited ${code}:\n${stderr}`));
        return;
      }
      const summary = JSON.parse(stdout) as { seconds: number; created: number };
      resolve({ ...summary, peakRssBytes: Number(peak[1]) * 1024 });
    });
  });
}

export async function measureCsvImport(serverUrl: string): Promise<ImportBenchmark> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: build first (npm run bench does).`);
  const url = databaseUrl(serverUrl, DATABASE);
  const directory = await mkdtemp(join(tmpdir(), 'closeout-bench-import-'));
  await onServer(serverUrl, `DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  await onServer(serverUrl, `CREATE DATABASE ${DATABASE}`);
  try {
    const { orgId, clientIds } = await prepare(url);
    const file = join(directory, 'tickets.csv');
    await writeTicketsCsv(file, orgId, clientIds);
    const copySeconds = await timedCopy(url, file);
    const imported = await importInChild(url, file, orgId);
    if (imported.created !== TICKETS)
      throw new Error(`The import created ${imported.created} tickets.`);
    const copyRowsPerSecond = TICKETS / copySeconds;
    const importRowsPerSecond = TICKETS / imported.seconds;
    const ratio = importRowsPerSecond / copyRowsPerSecond;
    return {
      rows: TICKETS,
      copyRowsPerSecond,
      importRowsPerSecond,
      ratio,
      peakRssBytes: imported.peakRssBytes,
      met: ratio >= IMPORT_RATIO_TARGET && imported.peakRssBytes < IMPORT_RSS_TARGET_BYTES,
    };
  } finally {
    await rm(directory, { recursive: true, force: true });
    if (process.env.BENCH_KEEP_DATABASE !== '1') {
      await onServer(serverUrl, `DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
    }
  }
}

/** The benchmark's lines, as bench/run.ts prints them: what, value, target. */
export function importRows(result: ImportBenchmark): [string, string, string][] {
  const rate = (rowsPerSecond: number) =>
    `${Math.round(rowsPerSecond).toLocaleString('en-US')} rows/s`;
  const rows = result.rows.toLocaleString('en-US');
  return [
    [`COPY of ${rows} tickets from CSV`, rate(result.copyRowsPerSecond), 'for comparison'],
    [`closeout import of the same ${rows} tickets`, rate(result.importRowsPerSecond), ''],
    ['  import ÷ COPY', `${(result.ratio * 100).toFixed(1)} %`, 'target ≥ 50 %'],
    [
      '  peak RSS of the importing process',
      `${(result.peakRssBytes / 1024 / 1024).toFixed(0)} MB`,
      'target < 300 MB',
    ],
  ];
}
