import { describe, expect, it } from 'vitest';
import { DEFAULT_DEFINITION } from './default-definition.js';
import { type TProcessDefinition, type TTask, ZProcessDefinition } from './schema.js';

const task = (number: string): TTask => {
  const found = DEFAULT_DEFINITION.tasks.find((candidate) => candidate.number === number);
  if (!found) throw new Error(`task ${number} is missing`);
  return found;
};

const copy = (): TProcessDefinition => structuredClone(DEFAULT_DEFINITION);

const issuesOf = (candidate: unknown) => {
  const result = ZProcessDefinition.safeParse(candidate);
  if (result.success) throw new Error('expected the definition to be rejected');
  return result.error.issues.map((issue) => ({ path: issue.path, message: issue.message }));
};

// Every row of docs/process-catalogue.md: number, stage, lane, gate.
const CATALOGUE: [string, string, TTask['lane'], boolean][] = [
  ['1', 'retention_assessment', 'client', false],
  ['2', 'retention_assessment', 'onstage', false],
  ['3', 'retention_assessment', 'backstage', false],
  ['4', 'retention_assessment', 'support', false],
  ['5', 'retention_assessment', 'backstage', false],
  ['6', 'retention_assessment', 'onstage', false],
  ['7', 'retention_assessment', 'backstage', true],
  ['8', 'retention_assessment', 'backstage', true],
  ['9', 'retention_assessment', 'onstage', false],
  ['10', 'retention_assessment', 'backstage', true],
  ['11', 'closeout_meeting', 'onstage', false],
  ['12', 'closeout_meeting', 'backstage', false],
  ['13', 'closeout_meeting', 'onstage', true],
  ['14', 'closeout_meeting', 'client', false],
  ['15', 'closeout_meeting', 'onstage', false],
  ['16', 'closeout_meeting', 'backstage', false],
  ['17', 'ticket_review', 'support', false],
  ['18', 'ticket_review', 'onstage', true],
  ['19', 'ticket_review', 'client', false],
  ['20', 'ticket_review', 'backstage', true],
  ['21', 'ticket_review', 'backstage', true],
  ['22', 'ticket_review', 'support', false],
  ['23', 'deactivation_session', 'backstage', false],
  ['24', 'deactivation_session', 'backstage', false],
  ['25', 'deactivation_session', 'backstage', false],
  ['26', 'deactivation_session', 'onstage', false],
  ['27', 'deactivation_session', 'client', true],
  ['28', 'deactivation_session', 'client', true],
  ['29', 'deactivation_session', 'client', true],
  ['30', 'deactivation', 'backstage', false],
  ['31', 'deactivation', 'backstage', false],
  ['32', 'deactivation', 'backstage', false],
  ['33', 'deactivation', 'backstage', false],
  ['34', 'deactivation', 'backstage', false],
  ['35', 'deactivation', 'backstage', false],
  ['36', 'deactivation', 'backstage', false],
  ['37', 'deactivation', 'backstage', false],
  ['37a', 'deactivation', 'backstage', false],
  ['37b', 'deactivation', 'backstage', false],
  ['38', 'deactivation', 'backstage', false],
  ['39', 'deactivation', 'backstage', false],
  ['40', 'deactivation', 'backstage', false],
  ['41', 'deactivation', 'onstage', false],
];

describe('the default process definition', () => {
  it('is MSP-11a version 1', () => {
    expect(DEFAULT_DEFINITION.key).toBe('msp-11a');
    expect(DEFAULT_DEFINITION.version).toBe(1);
    expect(DEFAULT_DEFINITION.name).toBe('MSP-11a Client Service Closeout');
    expect(DEFAULT_DEFINITION.exitConditions).toHaveLength(3);
  });

  it('has the 43 catalogue tasks in catalogue order, each in its stage and lane', () => {
    expect(DEFAULT_DEFINITION.tasks.map((t) => [t.number, t.stage, t.lane, t.gate])).toEqual(
      CATALOGUE,
    );
    expect(DEFAULT_DEFINITION.tasks.map((t) => t.key)).toEqual(
      CATALOGUE.map(([number]) => `t${number.padStart(2, '0')}`),
    );
  });

  it('has the five stages with their codes and due rules', () => {
    expect(DEFAULT_DEFINITION.stages.map((s) => [s.key, s.code, s.due])).toEqual([
      ['retention_assessment', '11a.01', { anchor: 'notice', offsetDays: 5, days: 'business' }],
      ['closeout_meeting', '11a.02', { anchor: 'notice', offsetDays: 10, days: 'business' }],
      ['ticket_review', '11a.03', { anchor: 'termination', offsetDays: -10, days: 'calendar' }],
      [
        'deactivation_session',
        '11a.04',
        { anchor: 'termination', offsetDays: 0, days: 'business' },
      ],
      ['deactivation', '11b', { anchor: 'termination', offsetDays: 10, days: 'calendar' }],
    ]);
  });

  it('encodes task 27 exactly as the catalogue row', () => {
    expect(task('27')).toEqual({
      key: 't27',
      number: '27',
      stage: 'deactivation_session',
      lane: 'client',
      name: 'Verify access to each system with the handed-over credentials',
      roles: ['client_technical_contact'],
      systems: ['portal'],
      documents: ['handover_manifest'],
      due: { anchor: 'session', offsetDays: 0, days: 'business' },
      required: true,
      entry: false,
      gate: true,
      completedWhen: 'credentials_confirmed',
      evidenceRequired: false,
    });
  });

  it('spot-checks rows against the catalogue', () => {
    expect(task('1')).toMatchObject({
      entry: true,
      roles: ['client_decision_maker'],
      systems: ['email', 'psa'],
      documents: ['cancellation_notice'],
      due: null,
      completedWhen: 'closeout_opened',
    });
    expect(task('4')).toMatchObject({
      roles: ['automation'],
      systems: ['psa'],
      documents: [],
      due: { anchor: 'notice', offsetDays: 0, days: 'business' },
    });
    expect(task('7')).toMatchObject({
      roles: ['service_manager', 'executive'],
      systems: ['closeout'],
      documents: ['retention_decision'],
      due: { anchor: 'notice', offsetDays: 5, days: 'business' },
    });
    expect(task('8')).toMatchObject({
      required: true,
      appliesWhen: { triggers: ['provider_termination'] },
      due: { anchor: 'notice', offsetDays: 2 },
    });
    expect(task('9')).toMatchObject({ required: false, appliesWhen: { retentionAttempted: true } });
    expect(task('10')).toMatchObject({
      required: true,
      due: null,
      appliesWhen: { retentionAttempted: true },
    });
    expect(task('12').due).toEqual({ anchor: 'meeting', offsetDays: -1, days: 'business' });
    expect(task('16')).toMatchObject({
      roles: ['finance'],
      systems: ['billing'],
      documents: ['final_invoice_schedule'],
      due: { anchor: 'meeting', offsetDays: 3, days: 'business' },
    });
    expect(task('18').due).toEqual({ anchor: 'termination', offsetDays: -10, days: 'business' });
    expect(task('22').due).toBeNull();
    expect(task('23')).toMatchObject({
      systems: ['password_manager', 'documentation'],
      due: { anchor: 'session', offsetDays: -3 },
    });
    expect(task('36').due).toEqual({
      anchor: 'termination',
      offsetDays: 30,
      days: 'calendar',
      note: 'per the backup retention policy',
    });
    expect(task('37b')).toMatchObject({
      roles: ['service_manager'],
      systems: ['psa', 'portal'],
      due: { anchor: 'termination', offsetDays: 1, days: 'business' },
    });
    expect(task('38').systems).toEqual(['psa', 'documentation', 'crm']);
  });

  it('only task 9 is optional and only task 1 is the entry', () => {
    expect(DEFAULT_DEFINITION.tasks.filter((t) => !t.required).map((t) => t.number)).toEqual(['9']);
    expect(DEFAULT_DEFINITION.tasks.filter((t) => t.entry).map((t) => t.number)).toEqual(['1']);
  });

  it('asks for evidence on every 11b task but the win-back scheduling', () => {
    const deactivation = DEFAULT_DEFINITION.tasks.filter((t) => t.stage === 'deactivation');
    expect(deactivation.filter((t) => !t.evidenceRequired).map((t) => t.number)).toEqual(['41']);
    expect(deactivation.every((t) => t.completedWhen === undefined)).toBe(true);
  });

  it('leaves tasks 9, 12, 16 and 25 to be done by hand in 11a', () => {
    const manual = DEFAULT_DEFINITION.tasks
      .filter((t) => t.stage !== 'deactivation' && t.completedWhen === undefined)
      .map((t) => t.number);
    expect(manual).toEqual(['9', '12', '16', '25']);
  });

  it('closes only when the three exit conditions of the blueprint hold', () => {
    const gates = new Map(DEFAULT_DEFINITION.gates.map((gate) => [gate.key, gate]));
    expect(
      DEFAULT_DEFINITION.closingGates.map((key) => [
        gates.get(key)?.milestone,
        gates.get(key)?.tasks,
      ]),
    ).toEqual([
      ['tickets_resolved', ['t18', 't20', 't21']],
      ['credentials_confirmed', ['t27']],
      ['backup_received', ['t28']],
      ['responsibility_accepted', ['t29']],
    ]);
  });

  it('guards each stage with its exit gates', () => {
    expect(DEFAULT_DEFINITION.stages.map((s) => [s.key, s.exitGates])).toEqual([
      ['retention_assessment', ['termination_approved', 'retention_resolved']],
      ['closeout_meeting', ['meeting_held']],
      ['ticket_review', ['tickets_dispositioned']],
      ['deactivation_session', ['session_held']],
      ['deactivation', []],
    ]);
    const approval = DEFAULT_DEFINITION.gates.find((g) => g.key === 'termination_approved');
    expect(approval?.appliesWhen).toEqual({ triggers: ['provider_termination'] });
  });

  it('uses every system and document it declares', () => {
    const usedSystems = new Set(DEFAULT_DEFINITION.tasks.flatMap((t) => t.systems));
    const usedDocuments = new Set(DEFAULT_DEFINITION.tasks.flatMap((t) => t.documents));
    expect(DEFAULT_DEFINITION.systems.filter((s) => !usedSystems.has(s.key))).toEqual([]);
    expect(DEFAULT_DEFINITION.documents.filter((d) => !usedDocuments.has(d.key))).toEqual([]);
  });

  it('gives the meeting and session agendas a template that covers what each must settle', () => {
    const template = (key: string) =>
      DEFAULT_DEFINITION.documents.find((document) => document.key === key)?.template ?? '';
    for (const topic of ['termination date', 'deactivation session', 'open tickets', 'billing']) {
      expect(template('meeting_agenda').toLowerCase()).toContain(topic);
    }
    expect(template('meeting_agenda')).toContain('transition contact');
    for (const topic of ['credentials', 'checksum', 'responsibility']) {
      expect(template('session_agenda').toLowerCase()).toContain(topic);
    }
    expect(
      DEFAULT_DEFINITION.documents.filter((document) => document.template !== undefined),
    ).toHaveLength(2);
  });

  it('states the KPIs and the after-close windows', () => {
    expect(DEFAULT_DEFINITION.kpis.map((k) => k.key)).toEqual([
      'deactivation_issues',
      'client_retention_rate',
      'client_return_rate',
      'mrr_lost',
      'mrr_saved',
      'days_notice_to_close',
    ]);
    expect(DEFAULT_DEFINITION.winBackCheckInDays).toEqual([90, 180, 365]);
    expect(DEFAULT_DEFINITION.deactivationIssueWindowDays).toBe(30);
  });
});

describe('process definition validation', () => {
  it('accepts the default definition as it stands', () => {
    expect(ZProcessDefinition.parse(DEFAULT_DEFINITION)).toEqual(DEFAULT_DEFINITION);
  });

  it('rejects a task naming an unknown role, at that task', () => {
    const definition = copy();
    definition.tasks[4]!.roles = ['service_manager', 'janitor'];
    expect(issuesOf(definition)).toEqual([
      { path: ['tasks', 4, 'roles'], message: 'unknown role "janitor"' },
    ]);
  });

  it('rejects a duplicate task key', () => {
    const definition = copy();
    definition.tasks[1]!.key = 't01';
    expect(issuesOf(definition)).toEqual([{ path: ['tasks'], message: 'duplicate key "t01"' }]);
  });

  it('rejects a document template longer than 20,000 characters', () => {
    const definition = copy();
    definition.documents[0]!.template = 'x'.repeat(20_001);
    expect(issuesOf(definition)).toEqual([
      {
        path: ['documents', 0, 'template'],
        message: 'Too big: expected string to have <=20000 characters',
      },
    ]);
  });

  it('rejects an unknown gate among the closing gates', () => {
    const definition = copy();
    definition.closingGates.push('invoice_paid');
    expect(issuesOf(definition)).toEqual([
      { path: ['closingGates', 4], message: 'unknown gate "invoice_paid"' },
    ]);
  });
});
