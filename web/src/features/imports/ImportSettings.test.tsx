import { notifications } from '@mantine/notifications';
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type {
  TImportDetail,
  TImportFormats,
  TImportPage,
} from '../../../../src/server/imports/schema.js';
import { type ApiHandlers, fakeApi, renderWithApp, signedInUser } from '../../../test/render.js';
import { ImportSettings } from './ImportSettings.js';

const IMPORT_ID = '88888888-8888-4888-8888-888888888888';

const FORMATS: TImportFormats = {
  entities: [
    {
      entity: 'clients',
      label: 'Clients',
      requireOneOf: [],
      fields: [
        {
          key: 'external_id',
          label: 'External id',
          type: 'text',
          required: true,
          description: "The client's id in the file's system.",
        },
        { key: 'name', label: 'Name', type: 'text', required: true, description: 'Up to 200.' },
        {
          key: 'industry',
          label: 'Industry',
          type: 'text',
          required: false,
          description: 'Up to 120 characters.',
        },
      ],
      formats: [
        {
          format: 'generic',
          label: 'Closeout CSV',
          source: 'csv',
          columns: { external_id: ['external_id'], name: ['name'], industry: ['industry'] },
        },
      ],
    },
    {
      entity: 'tickets',
      label: 'Tickets',
      requireOneOf: [],
      fields: [
        { key: 'title', label: 'Title', type: 'text', required: true, description: 'Up to 500.' },
      ],
      formats: [
        { format: 'generic', label: 'Closeout CSV', source: 'csv', columns: { title: ['title'] } },
        {
          format: 'connectwise',
          label: 'ConnectWise PSA ticket export',
          source: 'connectwise',
          columns: { title: ['Summary Description'] },
        },
      ],
    },
  ],
};

const COLUMNS = ['Company', 'Account no', 'Sector'];

function buildImport(overrides: Partial<TImportDetail> = {}): TImportDetail {
  return {
    id: IMPORT_ID,
    entity: 'clients',
    format: 'generic',
    source: 'csv',
    fileName: 'clients.csv',
    status: 'uploaded',
    progress: { bytesRead: 0, fileBytes: 2_000_000, rowsRead: 0, fraction: 0 },
    counts: { created: 0, updated: 0, unchanged: 0, failed: 0 },
    message: null,
    createdBy: 'Sam Service',
    createdAt: '2026-11-10T09:00:00.000Z',
    startedAt: null,
    finishedAt: null,
    mapping: { name: 'Company' },
    columns: COLUMNS,
    preview: [
      { line: 2, values: ['Harbour Dental', 'C-001', 'Healthcare'], errors: [] },
      { line: 3, values: ['', 'C-002', 'Legal'], errors: [] },
    ],
    mappingProblems: [
      { field: 'external_id', message: 'Choose the column that holds the external id.' },
    ],
    firstErrors: [],
    ...overrides,
  };
}

const emptyPage: TImportPage = { items: [], total: 0, page: 1, pageSize: 10 };

function renderImport(handlers: ApiHandlers, user = signedInUser()) {
  const api = fakeApi({
    'GET /imports/formats': () => FORMATS,
    'GET /imports': () => emptyPage,
    ...handlers,
  });
  const rendered = renderWithApp(<ImportSettings />, {
    route: '/settings/import',
    path: '/settings/import',
    user,
  });
  return { ...rendered, api };
}

const requestsTo = (api: ReturnType<typeof fakeApi>, method: string, path: string) =>
  api.requests.filter((request) => request.method === method && request.path === path);

describe('ImportSettings', () => {
  afterEach(() => {
    vi.useRealTimers();
    notifications.clean();
  });

  it('uploads a file, maps its columns, and follows the import to its summary', async () => {
    let current = buildImport();
    const { user, api, router } = renderImport({
      'POST /imports': () => ({ status: 201, body: current }),
      [`GET /imports/${IMPORT_ID}`]: () => current,
      [`PATCH /imports/${IMPORT_ID}`]: ({ body }) => {
        const { mapping } = body as { mapping: Record<string, string> };
        current = buildImport({
          mapping,
          mappingProblems: [],
          preview: [
            { line: 2, values: ['Harbour Dental', 'C-001', 'Healthcare'], errors: [] },
            {
              line: 3,
              values: ['', 'C-002', 'Legal'],
              errors: [{ line: 3, column: 'Company', message: 'A name is required.' }],
            },
          ],
        });
        return current;
      },
      [`POST /imports/${IMPORT_ID}/start`]: () => {
        current = { ...current, status: 'queued' };
        return { status: 202, body: current };
      },
    });

    // Step 1: what the file holds, and the file.
    await user.click(await screen.findByRole('textbox', { name: 'What to import' }));
    await user.click(await screen.findByRole('option', { name: 'Tickets', hidden: true }));
    expect(
      screen.getByText('Accepted: Closeout CSV, ConnectWise PSA ticket export.'),
    ).toBeVisible();
    await user.click(screen.getByRole('textbox', { name: 'What to import' }));
    await user.click(await screen.findByRole('option', { name: 'Clients', hidden: true }));
    const file = new File(
      ['Company,Account no,Sector\nHarbour Dental,C-001,Healthcare\n'],
      'clients.csv',
      {
        type: 'text/csv',
      },
    );
    await user.upload(screen.getByLabelText('CSV file'), file);

    await waitFor(() => expect(requestsTo(api, 'POST', '/imports')).toHaveLength(1));
    const upload = requestsTo(api, 'POST', '/imports')[0]!;
    expect(upload.query.get('entity')).toBe('clients');
    expect(upload.query.get('fileName')).toBe('clients.csv');
    expect(upload.headers['content-type']).toBe('text/csv');
    await waitFor(() => expect(router.state.location.search).toBe(`?import=${IMPORT_ID}`));

    // Step 2: the columns, checked before anything is imported.
    const mappingTable = await screen.findByRole('table', { name: 'Column for each field' });
    expect(within(mappingTable).getByRole('textbox', { name: 'Column for Name' })).toHaveValue(
      'Company',
    );
    expect(screen.getByText('1 required field still needs a column.')).toBeInTheDocument();
    const preview = screen.getByRole('table', { name: 'Preview of the first rows' });
    expect(within(preview).getByText('Harbour Dental')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Start the import' }));
    expect(
      await screen.findByText('Choose the column that holds the external id: it is required.'),
    ).toBeInTheDocument();
    expect(requestsTo(api, 'POST', `/imports/${IMPORT_ID}/start`)).toHaveLength(0);

    const externalId = within(mappingTable).getByRole('textbox', {
      name: 'Column for External id',
    });
    await user.click(externalId);
    // Each Select keeps its own list of the file's columns; pick from the one just opened.
    const columns = document.getElementById(externalId.getAttribute('aria-controls') ?? '');
    await user.click(within(columns!).getByRole('option', { name: 'Account no', hidden: true }));

    await waitFor(() => expect(requestsTo(api, 'PATCH', `/imports/${IMPORT_ID}`)).toHaveLength(1));
    expect(requestsTo(api, 'PATCH', `/imports/${IMPORT_ID}`)[0]?.body).toEqual({
      mapping: { external_id: 'Account no', name: 'Company' },
    });
    const checked = screen.getByRole('table', { name: 'Preview of the first rows' });
    const refused = await within(checked).findByRole('row', { name: /C-002/ });
    expect(within(refused).getByText('Company: A name is required.')).toBeInTheDocument();

    // Step 3: started, followed while it runs, then summed up.
    vi.useFakeTimers({ shouldAdvanceTime: true });
    await user.click(screen.getByRole('button', { name: 'Start the import' }));
    await waitFor(() =>
      expect(requestsTo(api, 'POST', `/imports/${IMPORT_ID}/start`)).toHaveLength(1),
    );
    expect(requestsTo(api, 'PATCH', `/imports/${IMPORT_ID}`)).toHaveLength(1);
    expect(await screen.findByText('Waiting to start…')).toBeInTheDocument();

    current = {
      ...current,
      status: 'running',
      progress: { bytesRead: 1_000_000, fileBytes: 2_000_000, rowsRead: 5_120, fraction: 0.5 },
    };
    await vi.advanceTimersByTimeAsync(2_100);
    expect(await screen.findByRole('progressbar', { name: 'Import progress' })).toHaveAttribute(
      'aria-valuenow',
      '50',
    );
    expect(screen.getByText(/5,120 rows/)).toBeInTheDocument();

    current = {
      ...current,
      status: 'succeeded',
      progress: { bytesRead: 2_000_000, fileBytes: 2_000_000, rowsRead: 10_000, fraction: 1 },
      counts: { created: 9_000, updated: 900, unchanged: 98, failed: 2 },
      message: '9,998 rows imported; 2 refused.',
      firstErrors: [{ line: 3, column: 'Company', message: 'A name is required.' }],
    };
    await vi.advanceTimersByTimeAsync(2_100);

    expect(await screen.findByText('9,998 rows imported; 2 refused.')).toBeInTheDocument();
    expect(screen.getByText('9,000')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Download error report' })).toHaveAttribute(
      'href',
      `/api/v1/imports/${IMPORT_ID}/errors.csv`,
    );
    const firstErrors = screen.getByRole('table', { name: 'First rows refused' });
    expect(within(firstErrors).getByText('A name is required.')).toBeInTheDocument();
  });

  it('offers no error report when every row was imported, and starts again', async () => {
    const finished = buildImport({
      status: 'succeeded',
      counts: { created: 3, updated: 0, unchanged: 0, failed: 0 },
      columns: null,
      preview: null,
      mappingProblems: [],
    });
    const { user, router } = renderImport({
      [`GET /imports/${IMPORT_ID}`]: () => finished,
      'GET /imports': () => ({ ...emptyPage, items: [finished], total: 1 }),
    });
    await user.click(await screen.findByRole('link', { name: 'clients.csv' }));

    expect(await screen.findByText('Every row was imported.')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Download error report' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Import another file' }));
    expect(router.state.location.search).toBe('');
    expect(screen.getByLabelText('CSV file')).toBeInTheDocument();
  });

  it('shows the API’s refusal of a file', async () => {
    const { user } = renderImport({
      'POST /imports': () => ({
        status: 400,
        body: {
          type: 'about:blank',
          title: 'Invalid request',
          status: 400,
          detail: 'The file has no column names on its first line.',
          code: 'validation',
          field: 'body',
        },
      }),
    });

    await screen.findByRole('textbox', { name: 'What to import' });
    await user.upload(
      screen.getByLabelText('CSV file'),
      new File([''], 'empty.csv', { type: 'text/csv' }),
    );

    expect(
      await screen.findByText('The file has no column names on its first line.'),
    ).toBeInTheDocument();
  });

  it('tells whoever may not import which roles can', async () => {
    renderImport({}, signedInUser({ roles: ['technician'] }));

    expect(await screen.findByText(/This needs one of these roles/)).toBeInTheDocument();
    expect(screen.queryByLabelText('CSV file')).not.toBeInTheDocument();
  });
});
