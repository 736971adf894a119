import type { TCloseoutDetail } from '../../server/closeouts/schema.js';

/**
 * Where one closeout stands, as the blueprint marks it: each task of the pinned definition the
 * closeout has generated, with whether it is late or holds up an unmet gate. Tasks a closeout has
 * not reached yet have no mark.
 */
export type TaskMark = {
  status: 'open' | 'done' | 'waived';
  overdue: boolean;
  /** Open, and a gate the closeout is waiting on depends on it. */
  blocking: boolean;
};

export type DiagramMarks = {
  reference: string;
  clientName: string;
  /** The stage the closeout is in while open; null once it has ended. */
  currentStage: string | null;
  status: TCloseoutDetail['status'];
  tasks: Record<string, TaskMark>;
};

export type MarkableCloseout = Pick<
  TCloseoutDetail,
  'reference' | 'client' | 'stage' | 'status' | 'tasks' | 'unmetStageGates' | 'unmetClosingGates'
>;

const STATUS_ORDER: Record<TaskMark['status'], number> = { open: 0, waived: 1, done: 2 };

export function closeoutMarks(closeout: MarkableCloseout): DiagramMarks {
  const gateTasks = new Set(
    [...closeout.unmetStageGates, ...closeout.unmetClosingGates].flatMap((gate) => gate.tasks),
  );
  const tasks: Record<string, TaskMark> = {};
  for (const task of closeout.tasks) {
    const mark: TaskMark = {
      status: task.status,
      overdue: task.overdue,
      blocking: task.status === 'open' && gateTasks.has(task.taskKey),
    };
    const earlier = tasks[task.taskKey];
    // A task generated twice (a later version re-adding it) shows its least finished copy.
    if (earlier === undefined || STATUS_ORDER[mark.status] < STATUS_ORDER[earlier.status]) {
      tasks[task.taskKey] = mark;
    }
  }
  return {
    reference: closeout.reference,
    clientName: closeout.client.name,
    currentStage: closeout.status === 'open' ? closeout.stage.key : null,
    status: closeout.status,
    tasks,
  };
}
