import { mailDay } from './dates.js';
import { type MailBlock, type MailBrand, type RenderedMail, renderMail } from './layout.js';

export type DigestTask = {
  name: string;
  closeoutReference: string;
  clientName: string;
  dueOn: string;
  /** The task's roles as the organisation names them. */
  roleNames: string[];
  /** False when it reached the reader through one of their roles, unassigned. */
  assignedToReader: boolean;
  url: string;
};

export type TaskDigestMailInput = {
  organisation: MailBrand;
  recipient: { name: string };
  /** YYYY-MM-DD */
  today: string;
  overdue: DigestTask[];
  dueToday: DigestTask[];
  dueTomorrow: DigestTask[];
  tasksUrl: string;
};

function section(heading: string, tasks: DigestTask[], withDueDay: boolean): MailBlock[] {
  if (tasks.length === 0) return [];
  return [
    {
      kind: 'list',
      heading: `${heading} (${tasks.length})`,
      items: tasks.map((task) => ({
        text: `${task.name} — ${task.clientName} (${task.closeoutReference})`,
        detail: [
          withDueDay ? `due ${mailDay(task.dueOn)}` : null,
          task.assignedToReader
            ? 'assigned to you'
            : `unassigned, for ${task.roleNames.join(' or ')}`,
        ]
          .filter((part) => part !== null)
          .join(' · '),
        url: task.url,
      })),
    },
  ];
}

/** Each morning: a user's tasks that are overdue, due today or due tomorrow. */
export function taskDigestMail(input: TaskDigestMailInput): RenderedMail {
  const { overdue, dueToday, dueTomorrow } = input;
  const count = overdue.length + dueToday.length + dueTomorrow.length;
  const summary = [
    overdue.length > 0 ? `${overdue.length} overdue` : null,
    dueToday.length > 0 ? `${dueToday.length} due today` : null,
    dueTomorrow.length > 0 ? `${dueTomorrow.length} due tomorrow` : null,
  ]
    .filter((part) => part !== null)
    .join(', ');
  return renderMail({
    brand: input.organisation,
    subject: `Your closeout tasks for ${mailDay(input.today)}: ${summary}`,
    greeting: `Good morning ${input.recipient.name},`,
    blocks: [
      {
        kind: 'paragraph',
        text: `${count === 1 ? 'One closeout task needs' : `${count} closeout tasks need`} you soon.`,
      },
      ...section('Overdue', overdue, true),
      ...section('Due today', dueToday, false),
      ...section('Due tomorrow', dueTomorrow, false),
      { kind: 'button', label: 'Open my tasks', url: input.tasksUrl },
    ],
    footer:
      'You receive this summary on the days you have closeout tasks overdue or due by tomorrow.',
  });
}
