import { z } from 'zod';
import { ZLane } from '../../blueprint/schema.js';

/**
 * The task list across closeouts ("my tasks"): what is to be done, by whom, by when. Tasks are
 * changed through the closeout's own actions. Shared with the web app, so it imports nothing
 * from the server.
 */

const ZId = z.uuid();
const ZDay = z.iso.date();
const ZMoment = z.iso.datetime({ offset: true });

export const ZTaskStatus = z.enum(['open', 'done', 'waived']);

export const ZTaskListItem = z.object({
  id: ZId,
  taskKey: z.string(),
  stageKey: z.string(),
  name: z.string(),
  lane: ZLane,
  roles: z.array(z.string()),
  required: z.boolean(),
  dueOn: ZDay.nullable(),
  assigneeUserId: ZId.nullable(),
  status: ZTaskStatus,
  completedAt: ZMoment.nullable(),
  completedBy: z.string().nullable(),
  evidence: z.string(),
  waiverReason: z.string(),
  overdue: z.boolean(),
  /** The closeout's version is the ETag to send in If-Match when acting on the task. */
  closeout: z.object({
    id: ZId,
    reference: z.string(),
    stage: z.string(),
    status: z.enum(['open', 'retained', 'withdrawn', 'terminated']),
    version: z.number().int(),
  }),
  client: z.object({ id: ZId, name: z.string() }),
});
export type TTaskListItem = z.infer<typeof ZTaskListItem>;

export const ZTaskPage = z.object({
  items: z.array(ZTaskListItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type TTaskPage = z.infer<typeof ZTaskPage>;

export const ZListTasksQuery = z.object({
  /** `me`, `unassigned`, or a user's id. */
  assignee: z.union([z.enum(['me', 'unassigned']), ZId]).optional(),
  status: ZTaskStatus.default('open'),
  /** overdue: open and past its due day; today: due today; week: due today or in the next six days. */
  due: z.enum(['overdue', 'today', 'week']).optional(),
  closeoutId: ZId.optional(),
  /** A role key of the process definition, e.g. `technician`. */
  role: z.string().trim().min(1).max(64).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type TListTasksQuery = z.infer<typeof ZListTasksQuery>;
