import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import {
  loadClientAgreements,
  loadClientManagedSystems,
  loadClientSince,
  loadClientTickets,
  loadReasonTaxonomy,
} from '../../db/repositories/client-records.js';
import { compileHealthSnapshot } from '../../domain/agreements.js';
import {
  acceptResponsibility,
  acknowledgeNotice,
  addHandoverItems,
  addSipAction,
  advanceStage,
  approveTermination,
  assignOwner,
  assignTask,
  closeAsTerminated,
  completeTask,
  concludeSip,
  confirmBackupReceipt,
  confirmHandover,
  decideRetention,
  logDeactivationIssue,
  markBackupDelivered,
  markHandedOver,
  pullTickets,
  recordBackupCopy,
  recordClientResponse,
  recordHealthSnapshot,
  recordMeetingHeld,
  recordMeetingSummarySent,
  recordReasons,
  recordSessionHeld,
  recordTicketOutcome,
  resolveDeactivationIssue,
  scheduleMeeting,
  setTicketDispositions,
  updateSipAction,
  waiveTask,
  withdraw,
} from '../../domain/closeout/index.js';
import { handoverItemsForSystems } from '../../domain/handover.js';
import type { Permission } from '../auth/permissions.js';
import { ZProblem } from '../problem-schema.js';
import type { SerialisedDetail } from './detail-cache.js';
import {
  type TCloseoutDetail,
  ZAcceptResponsibilityRequest,
  ZAddHandoverItemsRequest,
  ZAddSipActionRequest,
  ZAssignOwnerRequest,
  ZAssignTaskRequest,
  ZBackupCopyParams,
  ZClientResponseRequest,
  ZCloseoutDetail,
  ZCloseoutPage,
  ZCloseoutParams,
  ZCompleteTaskRequest,
  ZConcludeSipRequest,
  ZConfirmBackupReceiptRequest,
  ZConfirmHandoverRequest,
  ZDeactivationIssueParams,
  ZDecideRetentionRequest,
  ZHandoverItemParams,
  ZIfMatchHeaders,
  ZListCloseoutsQuery,
  ZLogDeactivationIssueRequest,
  ZNoteRequest,
  ZOpenCloseoutRequest,
  ZRecordBackupCopyRequest,
  ZRecordMeetingRequest,
  ZRecordReasonsRequest,
  ZRecordSessionHeldRequest,
  ZResolveDeactivationIssueRequest,
  ZScheduleMeetingRequest,
  ZSipActionParams,
  ZTaskParams,
  ZTicketDispositionsRequest,
  ZTicketOutcomeRequest,
  ZTicketReviewParams,
  ZTimelinePage,
  ZTimelineQuery,
  ZUpdateSipActionRequest,
  ZWaiveTaskRequest,
} from './schema.js';
import {
  type CloseoutActionOptions,
  closeoutTimeline,
  expectedVersion,
  getCloseoutDetail,
  listCloseouts,
  openCloseoutForClient,
  requireActiveUser,
  runCloseoutAction,
} from './service.js';

const tags = ['Closeouts'];

/**
 * A closeout that was checked against ZCloseoutDetail and serialised when it was presented: a
 * string or buffer payload with a JSON content type goes out as it is, compressed when the
 * client accepts gzip (browsers always do).
 */
function sendSerialised(
  request: FastifyRequest,
  reply: FastifyReply,
  detail: SerialisedDetail,
): FastifyReply {
  reply
    .header('etag', `"${detail.version}"`)
    .header('vary', 'accept-encoding')
    .type('application/json; charset=utf-8');
  return /\bgzip\b/.test(request.headers['accept-encoding'] ?? '')
    ? reply.header('content-encoding', 'gzip').send(detail.gzipped)
    : reply.send(detail.json);
}

const problems = { 400: ZProblem, 403: ZProblem, 404: ZProblem, 409: ZProblem, 428: ZProblem };

/** The closeout's version as an ETag: send it back in If-Match with the next change. */
function withEtag(reply: FastifyReply, closeout: TCloseoutDetail): TCloseoutDetail {
  reply.header('etag', `"${closeout.version}"`);
  return closeout;
}

export const closeoutRoutes: FastifyPluginAsyncZod = async (app) => {
  /**
   * One process action: `POST /closeouts/{closeoutId}/<name>`, guarded by a permission, run as
   * one engine command in one transaction, answered with the closeout as it now stands.
   */
  function action<TParams extends z.ZodObject, TBody extends z.ZodType>(definition: {
    path: string;
    name: string;
    permission: Permission;
    summary: string;
    description?: string;
    params: TParams;
    body: TBody;
    perform: (input: {
      params: z.infer<TParams>;
      body: z.infer<TBody>;
    }) => CloseoutActionOptions['perform'];
  }) {
    app.post(
      `/:closeoutId/${definition.path}`,
      {
        config: { permission: definition.permission },
        schema: {
          tags,
          summary: definition.summary,
          ...(definition.description === undefined ? {} : { description: definition.description }),
          params: definition.params,
          headers: ZIfMatchHeaders,
          body: definition.body,
          response: { 200: ZCloseoutDetail, ...problems },
        },
      },
      async (request, reply) => {
        const params = request.params as z.infer<TParams> & { closeoutId: string };
        const closeout = await runCloseoutAction({
          db: app.db,
          orgId: request.auth.orgId,
          actor: request.auth.actor,
          closeoutId: params.closeoutId,
          version: expectedVersion(request.headers['if-match']),
          action: definition.name,
          perform: definition.perform({ params, body: request.body as z.infer<TBody> }),
        });
        return withEtag(reply, closeout);
      },
    );
  }

  app.get(
    '/',
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'List closeouts',
        description:
          'Filter by status, stage, trigger, owner, client, opening date; search by client name or reference.',
        querystring: ZListCloseoutsQuery,
        response: { 200: ZCloseoutPage, 400: ZProblem },
      },
    },
    (request) => listCloseouts({ db: app.db, orgId: request.auth.orgId, query: request.query }),
  );

  app.post(
    '/',
    {
      config: { permission: 'closeout.open' },
      schema: {
        tags,
        summary: 'Open a closeout for a client',
        description:
          "Pins the current process definition, proposes the earliest termination date from the client's agreements and generates the first stage's tasks.",
        body: ZOpenCloseoutRequest,
        response: { 201: ZCloseoutDetail, 400: ZProblem, 403: ZProblem, 409: ZProblem },
      },
    },
    async (request, reply) => {
      const closeout = await openCloseoutForClient({
        db: app.db,
        auth: request.auth,
        request: request.body,
      });
      reply.status(201).header('location', `/api/v1/closeouts/${closeout.id}`);
      return withEtag(reply, closeout);
    },
  );

  app.get(
    '/:closeoutId',
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'One closeout in full',
        description:
          'With its tasks and the gates that keep it in its stage or from closing. The ETag header carries the version.',
        params: ZCloseoutParams,
        response: { 200: ZCloseoutDetail, 404: ZProblem },
      },
    },
    async (request, reply) => {
      const detail = await getCloseoutDetail({
        db: app.db,
        orgId: request.auth.orgId,
        closeoutId: request.params.closeoutId,
      });
      return sendSerialised(request, reply, detail);
    },
  );

  app.get(
    '/:closeoutId/timeline',
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'Everything that happened to a closeout, newest first',
        params: ZCloseoutParams,
        querystring: ZTimelineQuery,
        response: { 200: ZTimelinePage, 404: ZProblem },
      },
    },
    (request) =>
      closeoutTimeline({
        db: app.db,
        orgId: request.auth.orgId,
        closeoutId: request.params.closeoutId,
        before: request.query.before,
        limit: request.query.limit,
      }),
  );

  // ---- 11a.01 Internal Retention Assessment ----
  action({
    path: 'acknowledge-notice',
    name: 'acknowledge_notice',
    permission: 'closeout.record_assessment',
    summary: 'Record that the notice was acknowledged to the client in writing',
    params: ZCloseoutParams,
    body: ZNoteRequest,
    perform: () => (closeout, context) => acknowledgeNotice(closeout, context),
  });
  action({
    path: 'assign-owner',
    name: 'assign_owner',
    permission: 'closeout.assign',
    summary: 'Assign the owner of the closeout',
    params: ZCloseoutParams,
    body: ZAssignOwnerRequest,
    perform:
      ({ body }) =>
      async (closeout, _context, tx) => {
        await requireActiveUser(tx, closeout.orgId, body.ownerUserId, 'ownerUserId');
        return assignOwner(closeout, body.ownerUserId);
      },
  });
  action({
    path: 'compile-health-snapshot',
    name: 'compile_health_snapshot',
    permission: 'closeout.record_assessment',
    summary: "Compile the client's health snapshot from its agreements and tickets",
    params: ZCloseoutParams,
    body: ZNoteRequest,
    perform: () => async (closeout, context, tx) => {
      const { orgId, clientId } = closeout;
      const snapshot = compileHealthSnapshot({
        clientSince: await loadClientSince(tx, orgId, clientId),
        agreements: await loadClientAgreements(tx, orgId, clientId),
        tickets: await loadClientTickets(tx, orgId, clientId),
        now: context.now,
      });
      return recordHealthSnapshot(closeout, snapshot);
    },
  });
  action({
    path: 'record-reasons',
    name: 'record_reasons',
    permission: 'closeout.record_assessment',
    summary: 'Record the cancellation reasons',
    params: ZCloseoutParams,
    body: ZRecordReasonsRequest,
    perform:
      ({ body }) =>
      async (closeout, _context, tx) => {
        return recordReasons(closeout, body, await loadReasonTaxonomy(tx, closeout.orgId));
      },
  });
  action({
    path: 'decide-retention',
    name: 'decide_retention',
    permission: 'closeout.decide_retention',
    summary: 'Decide: attempt retention, accept the cancellation, or confirm the termination',
    params: ZCloseoutParams,
    body: ZDecideRetentionRequest,
    perform:
      ({ body }) =>
      (closeout, context) =>
        decideRetention(closeout, body, context),
  });
  action({
    path: 'approve-termination',
    name: 'approve_termination',
    permission: 'closeout.approve_termination',
    summary: 'Approve a provider-initiated termination (Executive)',
    params: ZCloseoutParams,
    body: ZNoteRequest,
    perform:
      ({ body }) =>
      (closeout, context) =>
        approveTermination(closeout, body, context),
  });
  action({
    path: 'sip-actions',
    name: 'add_sip_action',
    permission: 'closeout.record_assessment',
    summary: 'Add an improvement action to the Service Improvement Program',
    params: ZCloseoutParams,
    body: ZAddSipActionRequest,
    perform:
      ({ body }) =>
      async (closeout, context, tx) => {
        await requireActiveUser(tx, closeout.orgId, body.ownerUserId, 'ownerUserId');
        return addSipAction(closeout, body, context);
      },
  });
  action({
    path: 'sip-actions/:actionId',
    name: 'update_sip_action',
    permission: 'closeout.record_assessment',
    summary: 'Change an improvement action, or mark it done',
    params: ZSipActionParams,
    body: ZUpdateSipActionRequest,
    perform:
      ({ params, body }) =>
      async (closeout, context, tx) => {
        await requireActiveUser(tx, closeout.orgId, body.ownerUserId ?? null, 'ownerUserId');
        return updateSipAction(closeout, { actionId: params.actionId, ...body }, context);
      },
  });
  action({
    path: 'conclude-sip',
    name: 'conclude_sip',
    permission: 'closeout.decide_retention',
    summary: 'Conclude the Service Improvement Program: retained ends the closeout',
    params: ZCloseoutParams,
    body: ZConcludeSipRequest,
    perform:
      ({ body }) =>
      (closeout, context) =>
        concludeSip(closeout, body, context),
  });

  // ---- moving on ----
  action({
    path: 'advance-stage',
    name: 'advance_stage',
    permission: 'closeout.advance',
    summary: "Move to the next stage once the current stage's gates hold",
    description: 'Refused with 409 and the list of unmet gates otherwise.',
    params: ZCloseoutParams,
    body: ZNoteRequest,
    perform: () => (closeout, context) => advanceStage(closeout, context),
  });

  // ---- 11a.02 Service Closeout Meeting ----
  action({
    path: 'schedule-meeting',
    name: 'schedule_meeting',
    permission: 'closeout.meeting',
    summary: "Schedule the closeout meeting with the client's decision maker",
    params: ZCloseoutParams,
    body: ZScheduleMeetingRequest,
    perform:
      ({ body }) =>
      (closeout, context) =>
        scheduleMeeting(closeout, body, context),
  });
  action({
    path: 'record-meeting',
    name: 'record_meeting',
    permission: 'closeout.meeting',
    summary: 'Record the meeting as held: attendees, minutes and what was agreed',
    params: ZCloseoutParams,
    body: ZRecordMeetingRequest,
    perform:
      ({ body }) =>
      (closeout, context) =>
        recordMeetingHeld(closeout, body, context),
  });
  action({
    path: 'record-meeting-summary-sent',
    name: 'record_meeting_summary_sent',
    permission: 'closeout.meeting',
    summary: 'Record that the meeting summary with the agreed dates was sent',
    params: ZCloseoutParams,
    body: ZNoteRequest,
    perform: () => (closeout, context) => recordMeetingSummarySent(closeout, context),
  });

  // ---- 11a.03 Open Ticket Review ----
  action({
    path: 'pull-tickets',
    name: 'pull_tickets',
    permission: 'closeout.ticket_disposition',
    summary: 'Bring every open ticket of the client into the review',
    params: ZCloseoutParams,
    body: ZNoteRequest,
    perform: () => async (closeout, context, tx) =>
      pullTickets(
        closeout,
        await loadClientTickets(tx, closeout.orgId, closeout.clientId),
        context,
      ),
  });
  action({
    path: 'ticket-dispositions',
    name: 'set_ticket_dispositions',
    permission: 'closeout.ticket_disposition',
    summary: 'Set the disposition of one or many tickets: complete or cancel',
    params: ZCloseoutParams,
    body: ZTicketDispositionsRequest,
    perform:
      ({ body }) =>
      (closeout, context) =>
        setTicketDispositions(closeout, body.dispositions, context),
  });
  action({
    path: 'ticket-reviews/:ticketId/client-response',
    name: 'record_client_response',
    permission: 'closeout.ticket_disposition',
    summary: 'Record that the client agreed a disposition, or what it questions',
    params: ZTicketReviewParams,
    body: ZClientResponseRequest,
    perform:
      ({ params, body }) =>
      (closeout, context) =>
        recordClientResponse(closeout, { ticketId: params.ticketId, ...body }, context),
  });
  action({
    path: 'ticket-reviews/:ticketId/outcome',
    name: 'record_ticket_outcome',
    permission: 'closeout.ticket_disposition',
    summary: 'Record that a ticket was completed, or closed as cancelled',
    params: ZTicketReviewParams,
    body: ZTicketOutcomeRequest,
    perform:
      ({ params, body }) =>
      (closeout, context) =>
        recordTicketOutcome(closeout, { ticketId: params.ticketId, ...body }, context),
  });

  // ---- 11a.04 Service Deactivation Session ----
  action({
    path: 'handover-items',
    name: 'add_handover_items',
    permission: 'closeout.handover',
    summary: 'Add administration credentials to hand over',
    params: ZCloseoutParams,
    body: ZAddHandoverItemsRequest,
    perform:
      ({ body }) =>
      (closeout, context) =>
        addHandoverItems(closeout, body.items, context),
  });
  action({
    path: 'handover-items/from-managed-systems',
    name: 'add_handover_items',
    permission: 'closeout.handover',
    summary: 'Add one credential to hand over for every managed system not yet covered',
    params: ZCloseoutParams,
    body: ZNoteRequest,
    perform: () => async (closeout, context, tx) => {
      const systems = await loadClientManagedSystems(tx, closeout.orgId, closeout.clientId);
      return addHandoverItems(
        closeout,
        handoverItemsForSystems(systems, closeout.handoverItems),
        context,
      );
    },
  });
  action({
    path: 'handover-items/:itemId/hand-over',
    name: 'hand_over_credential',
    permission: 'closeout.handover',
    summary: 'Record that a credential was handed over to the client',
    params: ZHandoverItemParams,
    body: ZNoteRequest,
    perform:
      ({ params }) =>
      (closeout, context) =>
        markHandedOver(closeout, params.itemId, context),
  });
  action({
    path: 'handover-items/:itemId/confirm',
    name: 'confirm_handover',
    permission: 'closeout.handover',
    summary: 'Record that the client verified access with a handed-over credential',
    params: ZHandoverItemParams,
    body: ZConfirmHandoverRequest,
    perform:
      ({ params, body }) =>
      (closeout, context) =>
        confirmHandover(closeout, { itemId: params.itemId, ...body }, context),
  });
  action({
    path: 'backup-copies',
    name: 'record_backup_copy',
    permission: 'closeout.handover',
    summary: "Record a copy of the client's backup data: what, size, SHA-256, medium",
    params: ZCloseoutParams,
    body: ZRecordBackupCopyRequest,
    perform:
      ({ body }) =>
      (closeout, context) =>
        recordBackupCopy(closeout, body, context),
  });
  action({
    path: 'backup-copies/:copyId/deliver',
    name: 'deliver_backup_copy',
    permission: 'closeout.handover',
    summary: 'Record that a backup copy was delivered to the client',
    params: ZBackupCopyParams,
    body: ZNoteRequest,
    perform:
      ({ params }) =>
      (closeout, context) =>
        markBackupDelivered(closeout, params.copyId, context),
  });
  action({
    path: 'backup-copies/:copyId/confirm-receipt',
    name: 'confirm_backup_receipt',
    permission: 'closeout.handover',
    summary: "Record the client's receipt of a backup copy, checking its checksum",
    params: ZBackupCopyParams,
    body: ZConfirmBackupReceiptRequest,
    perform:
      ({ params, body }) =>
      (closeout, context) =>
        confirmBackupReceipt(closeout, { copyId: params.copyId, ...body }, context),
  });
  action({
    path: 'record-session-held',
    name: 'record_session_held',
    permission: 'closeout.handover',
    summary: 'Record that the deactivation session was held',
    params: ZCloseoutParams,
    body: ZRecordSessionHeldRequest,
    perform:
      ({ body }) =>
      (closeout, context) =>
        recordSessionHeld(closeout, body, context),
  });
  action({
    path: 'accept-responsibility',
    name: 'accept_responsibility',
    permission: 'closeout.record_acceptance',
    summary: "Record the client's signed acceptance of system-administration responsibility",
    params: ZCloseoutParams,
    body: ZAcceptResponsibilityRequest,
    perform:
      ({ body }) =>
      (closeout, context) =>
        acceptResponsibility(closeout, body, context),
  });

  // ---- tasks (the 11b checklist among them) and deactivation issues ----
  action({
    path: 'tasks/:taskId/complete',
    name: 'complete_task',
    permission: 'closeout.work_task',
    summary: 'Mark a task done, with evidence',
    params: ZTaskParams,
    body: ZCompleteTaskRequest,
    perform:
      ({ params, body }) =>
      (closeout, context) =>
        completeTask(closeout, { taskId: params.taskId, ...body }, context),
  });
  action({
    path: 'tasks/:taskId/waive',
    name: 'waive_task',
    permission: 'closeout.work_task',
    summary: 'Waive a task, with the reason',
    params: ZTaskParams,
    body: ZWaiveTaskRequest,
    perform:
      ({ params, body }) =>
      (closeout, context) =>
        waiveTask(closeout, { taskId: params.taskId, ...body }, context),
  });
  action({
    path: 'tasks/:taskId/assign',
    name: 'assign_task',
    permission: 'closeout.assign',
    summary: 'Assign a task to a user',
    params: ZTaskParams,
    body: ZAssignTaskRequest,
    perform:
      ({ params, body }) =>
      async (closeout, _context, tx) => {
        await requireActiveUser(tx, closeout.orgId, body.assigneeUserId, 'assigneeUserId');
        return assignTask(closeout, { taskId: params.taskId, ...body });
      },
  });
  action({
    path: 'deactivation-issues',
    name: 'log_deactivation_issue',
    permission: 'closeout.handover',
    summary: 'Log a deactivation issue (e.g. a handed-over credential that does not work)',
    params: ZCloseoutParams,
    body: ZLogDeactivationIssueRequest,
    perform:
      ({ body }) =>
      (closeout, context) =>
        logDeactivationIssue(closeout, body, context),
  });
  action({
    path: 'deactivation-issues/:issueId/resolve',
    name: 'resolve_deactivation_issue',
    permission: 'closeout.handover',
    summary: 'Resolve a deactivation issue',
    params: ZDeactivationIssueParams,
    body: ZResolveDeactivationIssueRequest,
    perform:
      ({ params, body }) =>
      (closeout, context) =>
        resolveDeactivationIssue(closeout, { issueId: params.issueId, ...body }, context),
  });

  // ---- ending ----
  action({
    path: 'close',
    name: 'close_terminated',
    permission: 'closeout.close',
    summary: 'Close the closeout as terminated',
    description:
      'Refused with 409 and the unmet exit conditions unless every open ticket is completed or cancelled, every credential and backup copy is confirmed by the client, and the client has accepted responsibility.',
    params: ZCloseoutParams,
    body: ZNoteRequest,
    perform:
      ({ body }) =>
      (closeout, context) =>
        closeAsTerminated(closeout, body, context),
  });
  action({
    path: 'withdraw',
    name: 'withdraw',
    permission: 'closeout.withdraw',
    summary: 'The notice was withdrawn: end the closeout, the client stays',
    params: ZCloseoutParams,
    body: ZNoteRequest,
    perform:
      ({ body }) =>
      (closeout, context) =>
        withdraw(closeout, body, context),
  });
};
