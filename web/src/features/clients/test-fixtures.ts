import type { TClientDetail, TClientSummary } from '../../../../src/server/clients/schema.js';

/** Clients as the API presents them, for the component tests of this folder. */

export const CLIENT_ID = '11111111-1111-4111-8111-111111111111';

export function clientSummary(overrides: Partial<TClientSummary> = {}): TClientSummary {
  return {
    id: CLIENT_ID,
    name: 'Contoso Pharmaceuticals',
    status: 'active',
    clientSince: '2019-04-01',
    industry: 'Life sciences',
    source: 'halopsa',
    externalId: 'C-204',
    monthlyRecurringRevenue: 4200,
    openTickets: 3,
    openCloseoutId: null,
    ...overrides,
  };
}

export function clientDetail(overrides: Partial<TClientDetail> = {}): TClientDetail {
  return {
    ...clientSummary(),
    notes: 'Prefers calls to email.',
    createdAt: '2024-01-10T09:00:00.000Z',
    updatedAt: '2025-03-01T09:00:00.000Z',
    contacts: [
      {
        id: '22222222-2222-4222-8222-222222222222',
        name: 'Megan Bowen',
        email: 'megan@contoso.test',
        phone: null,
        title: 'Office manager',
        isDecisionMaker: true,
        isTechnicalContact: false,
      },
    ],
    agreements: [
      {
        id: '33333333-3333-4333-8333-333333333333',
        name: 'Managed services – Gold',
        monthlyRecurringRevenue: 4200,
        startDate: '2023-01-01',
        termEndDate: null,
        noticePeriodDays: 90,
        status: 'active',
        endedOn: null,
      },
    ],
    managedSystems: [
      {
        id: '44444444-4444-4444-8444-444444444444',
        name: 'Microsoft 365 tenant',
        category: 'cloud_tenant',
        description: 'contoso.onmicrosoft.com',
      },
    ],
    closeouts: [],
    returns: [],
    ...overrides,
  };
}
