import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { TCloseoutDocumentList } from '../../../../../../src/server/documents/schema.js';
import { buildCloseoutDetail, CLOSEOUT_ID } from '../../../../../test/fixtures/closeout.js';
import { fakeApi, renderWithApp } from '../../../../../test/render.js';
import { CloseoutDocuments } from './CloseoutDocuments.js';

const DOCUMENTS: TCloseoutDocumentList = {
  documents: [
    {
      kind: 'notice-acknowledgment',
      title: 'Notice acknowledgment',
      description: 'The written acknowledgment sent to the client.',
      available: true,
      unavailableReason: null,
    },
    {
      kind: 'meeting-summary',
      title: 'Summary of the farewell meeting',
      description: '',
      available: false,
      unavailableReason: 'The closeout meeting has not been recorded as held yet.',
    },
  ],
};

describe('CloseoutDocuments', () => {
  it('lists the documents with their availability and a download per paper size', async () => {
    const api = fakeApi({ [`GET /closeouts/${CLOSEOUT_ID}/documents`]: () => DOCUMENTS });
    renderWithApp(<CloseoutDocuments closeout={buildCloseoutDetail()} />);

    const ready = await screen.findByRole('article', { name: /Notice acknowledgment/ });
    expect(within(ready).getByText('Ready')).toBeInTheDocument();
    expect(
      within(ready).getByRole('link', { name: 'Download Notice acknowledgment, A4' }),
    ).toHaveAttribute(
      'href',
      `/api/v1/closeouts/${CLOSEOUT_ID}/documents/notice-acknowledgment.pdf?paper=a4`,
    );
    expect(
      within(ready).getByRole('link', { name: 'Download Notice acknowledgment, US Letter' }),
    ).toHaveAttribute(
      'href',
      `/api/v1/closeouts/${CLOSEOUT_ID}/documents/notice-acknowledgment.pdf?paper=letter`,
    );

    const waiting = screen.getByRole('article', { name: /Summary of the farewell meeting/ });
    expect(within(waiting).getByText('Not yet')).toBeInTheDocument();
    expect(
      within(waiting).getByText('The closeout meeting has not been recorded as held yet.'),
    ).toBeInTheDocument();
    expect(
      within(waiting).getByRole('button', {
        name: 'Download Summary of the farewell meeting, A4',
      }),
    ).toBeDisabled();
    expect(within(waiting).queryByRole('link')).toBeNull();
    expect(api.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      `GET /closeouts/${CLOSEOUT_ID}/documents`,
    ]);
  });

  it('says so when the list cannot be loaded', async () => {
    fakeApi({
      [`GET /closeouts/${CLOSEOUT_ID}/documents`]: () => ({
        status: 500,
        body: {
          type: 'about:blank',
          title: 'Internal error',
          status: 500,
          detail: 'Something broke',
          code: 'internal',
        },
      }),
    });
    renderWithApp(<CloseoutDocuments closeout={buildCloseoutDetail()} />);
    expect(await screen.findByText(/Something broke/)).toBeInTheDocument();
  });
});
