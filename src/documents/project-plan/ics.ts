import ical, { ICalEventStatus } from 'ical-generator';
import type { TCloseoutPlan } from '../../server/reports/schema.js';
import { PLAN_STATUS_LABELS, stageTitle } from './plan.js';

const DONE = new Set(['done', 'waived']);

/**
 * The plan as a calendar: one all-day event per dated task. A task keeps its UID from one export
 * to the next (closeout and task key), so importing the file again updates the events instead
 * of duplicating them.
 */
export function planIcs(plan: TCloseoutPlan, options: { generatedAt: Date; host: string }): string {
  const { closeout, process } = plan;
  const calendar = ical({
    name: `${closeout.reference} ${closeout.clientName}: closeout plan`,
    description: `${process.organisationName} · ${process.name}, version ${process.version}`,
    prodId: { company: process.organisationName, product: 'Closeout', language: 'EN' },
  });
  for (const task of plan.tasks) {
    if (task.date === null) continue;
    const label = task.number === null ? task.name : `Task ${task.number}: ${task.name}`;
    const details = [
      `${closeout.reference} · ${closeout.clientName}`,
      stageTitle(plan, task.stageKey),
      `Roles: ${task.roles.map((role) => role.name).join(', ') || '—'}`,
      `Systems: ${task.systems.map((system) => system.name).join(', ') || '—'}`,
      `Assignee: ${task.assignee?.name ?? 'not assigned'}`,
      `Status: ${PLAN_STATUS_LABELS[task.status]}${task.overdue ? ' (overdue)' : ''}`,
      task.dateKind === 'projected'
        ? 'Projected: counts from a date not agreed yet, and moves when it is.'
        : 'Due date',
      `${process.name}, version ${process.version}`,
    ];
    calendar.createEvent({
      id: `${closeout.id}.${task.taskKey}@${options.host}`,
      start: new Date(`${task.date}T00:00:00Z`),
      allDay: true,
      stamp: options.generatedAt,
      summary: `${closeout.reference}: ${label}${DONE.has(task.status) ? ` (${PLAN_STATUS_LABELS[task.status].toLowerCase()})` : ''}`,
      description: details.join('\n'),
      status: task.dateKind === 'projected' ? ICalEventStatus.TENTATIVE : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
