import { differenceInCalendarDays } from 'date-fns';
import { roleName } from '../../blueprint/personalise.js';
import type { CloseoutStatus, TaskStatus } from '../../domain/model.js';
import { formatDay, formatMoment } from '../pdf/index.js';
import {
  type DocumentOptions,
  money,
  processSteps,
  rolesReaching,
  startCloseoutDocument,
  triggerInWords,
} from './common.js';
import type { CloseoutDocumentData } from './data.js';
import { byAt } from './handover.js';
import { CLOSEOUT_DOCUMENT_INFO } from './kinds.js';
import { actionInWords } from './timeline.js';
import { acceptanceStatement, signatureFacts } from './transfer-receipt.js';

const INFO = CLOSEOUT_DOCUMENT_INFO['closeout-report'];

const sentenceCase = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const STATUS: Record<CloseoutStatus, string> = {
  open: 'Open',
  retained: 'Retained: the client stays',
  withdrawn: 'Withdrawn: the client withdrew its notice',
  terminated: 'Terminated',
};

const TASK_STATUS: Record<TaskStatus, string> = { open: 'Open', done: 'Done', waived: 'Waived' };

const DECISION = {
  attempt_retention: 'Attempt retention',
  accept_cancellation: 'Accept the cancellation',
  confirm_termination: 'Confirm the termination',
} as const;

/** The closeout's figures for the definition's KPIs that a single closeout contributes to. */
function keyFigures(data: CloseoutDocumentData): Array<[string, string]> {
  const { closeout, definition } = data;
  const issues = closeout.deactivationIssues;
  const figures: Record<string, string> = {
    deactivation_issues: `${issues.length} logged, ${issues.filter((issue) => issue.resolvedAt === null).length} unresolved`,
    client_retention_rate:
      closeout.trigger === 'provider_termination'
        ? 'Not counted: the provider ended the agreement'
        : closeout.status === 'retained'
          ? 'Counts as retained'
          : closeout.status === 'open'
            ? 'Not counted until the closeout ends'
            : 'Counts as not retained',
    client_return_rate:
      closeout.status === 'terminated'
        ? `In the cohort of terminated clients; win-back check-ins after ${definition.winBackCheckInDays.join(', ')} days`
        : 'Not counted: the client was not terminated',
    mrr_lost: closeout.status === 'terminated' ? money(closeout.mrrAtRisk) : money(0),
  };
  const rows: Array<[string, string]> = definition.kpis
    .filter((kpi) => figures[kpi.key] !== undefined)
    .map((kpi) => [kpi.name, figures[kpi.key] ?? '']);
  if (closeout.endedAt) {
    rows.push([
      'Days from notice to close',
      String(
        differenceInCalendarDays(
          new Date(closeout.endedAt),
          new Date(`${closeout.noticeReceivedOn}T00:00:00Z`),
        ),
      ),
    ]);
  }
  rows.push(['MRR at risk when opened', money(closeout.mrrAtRisk)]);
  return rows;
}

/**
 * The final closeout report: summary, key figures, the timeline in words, ticket dispositions,
 * what was handed over, the signatures, deactivation issues and every task's end.
 */
export function closeoutReportPdf(
  data: CloseoutDocumentData,
  options: DocumentOptions = {},
): Promise<Buffer> {
  const { closeout, definition } = data;
  const reason = (key: string) => data.reasonLabels[key] ?? key;
  const pdf = startCloseoutDocument(data, INFO, options);
  pdf.heading('Summary');
  pdf.keyValues([
    ['Client', data.client.name],
    ['Closeout', closeout.reference],
    ['How it began', sentenceCase(triggerInWords(closeout.trigger))],
    ['Notice received', formatDay(closeout.noticeReceivedOn)],
    ['Outcome', STATUS[closeout.status]],
    ['Opened', formatMoment(closeout.openedAt)],
    ['Ended', formatMoment(closeout.endedAt)],
    ['Termination date', formatDay(closeout.meeting.agreement?.terminationDate)],
    ['Owner', data.owner?.name],
    ['Primary reason', closeout.reasons.primary ? reason(closeout.reasons.primary) : null],
    ['Contributing reasons', closeout.reasons.contributing.map(reason).join(', ')],
    [
      'Retention decision',
      closeout.retention.decision
        ? `${DECISION[closeout.retention.decision]}${closeout.retention.rationale ? ` — ${closeout.retention.rationale}` : ''}`
        : null,
    ],
    ['Closing note', closeout.endNote],
  ]);
  pdf.heading('Key figures');
  pdf.keyValues(keyFigures(data));

  pdf.heading('Timeline');
  pdf.table(
    [
      { header: 'When', weight: 1.6 },
      { header: 'What', weight: 3.4 },
      { header: 'Who', weight: 1.5 },
    ],
    data.timeline.map((entry) => [
      formatMoment(entry.at),
      entry.detail ? `${actionInWords(entry)}: ${entry.detail}` : actionInWords(entry),
      entry.actorName,
    ]),
    { emptyText: 'Nothing recorded.' },
  );

  pdf.heading('Ticket dispositions');
  pdf.table(
    [
      { header: 'Ticket', weight: 0.9 },
      { header: 'Title', weight: 2.4 },
      { header: 'Disposition', weight: 1 },
      { header: 'Client agreed', weight: 1 },
      { header: 'Outcome', weight: 1.3 },
    ],
    closeout.ticketReviews.map((review) => [
      review.ticketNumber,
      review.title,
      review.disposition === 'complete'
        ? 'Complete'
        : review.disposition === 'cancel'
          ? 'Cancel'
          : '—',
      review.clientAgreed ? 'Yes' : review.clientQuestion ? 'Questioned' : 'No',
      review.outcome
        ? `${review.outcome === 'completed' ? 'Completed' : 'Cancelled'} ${formatDay(review.outcomeAt)}`
        : 'Open',
    ]),
    { emptyText: 'No tickets were under review.' },
  );

  pdf.heading('Handovers');
  pdf.table(
    [
      { header: 'System', weight: 1.4 },
      { header: 'Credential', weight: 1.6 },
      { header: 'Handed over', weight: 1.7 },
      { header: 'Confirmed by the client', weight: 1.7 },
    ],
    closeout.handoverItems.map((item) => [
      item.systemName,
      item.credentialLabel,
      byAt(item.handedOverBy, item.handedOverAt),
      byAt(item.confirmedBy, item.confirmedAt),
    ]),
    { emptyText: 'No credentials were handed over.' },
  );
  pdf.table(
    [
      { header: 'Backup copy', weight: 1.6 },
      { header: 'SHA-256', weight: 2.6 },
      { header: 'Received by the client', weight: 1.6 },
    ],
    closeout.backupCopies.map((copy) => [
      copy.description,
      copy.sha256,
      byAt(copy.receivedBy, copy.receivedAt),
    ]),
    { emptyText: 'No backup copy was handed over.' },
  );

  pdf.heading('Signatures');
  const acceptance = closeout.responsibilityAcceptance;
  if (acceptance) {
    pdf.paragraph(acceptanceStatement(data, acceptance));
    pdf.signatures([
      {
        role: [...rolesReaching(data, 'responsibility_accepted'), data.client.name].join(', '),
        name: acceptance.acceptedByName,
        title: acceptance.acceptedByTitle,
        signedAt: formatMoment(acceptance.acceptedAt),
        facts: [
          `Effective from ${formatMoment(acceptance.effectiveFrom)}`,
          ...signatureFacts(acceptance),
        ],
      },
    ]);
  } else {
    pdf.paragraph('The client has not signed a transfer of responsibility.', { muted: true });
  }

  pdf.heading('Deactivation issues');
  pdf.table(
    [
      { header: 'Logged', weight: 1.5 },
      { header: 'Issue', weight: 2.6 },
      { header: 'System', weight: 1.2 },
      { header: 'Resolution', weight: 2 },
    ],
    closeout.deactivationIssues.map((issue) => [
      `${formatDay(issue.loggedAt)}\n${issue.loggedBy}`,
      `${issue.summary}${issue.description ? `\n${issue.description}` : ''}`,
      issue.systemName ?? '—',
      issue.resolvedAt ? `${formatDay(issue.resolvedAt)}: ${issue.resolution}` : 'Unresolved',
    ]),
    { emptyText: 'No deactivation issues were logged.' },
  );

  pdf.heading('Tasks');
  const stageName = (key: string) => {
    const stage = definition.stages.find((candidate) => candidate.key === key);
    return stage ? stage.code : key;
  };
  pdf.table(
    [
      { header: 'Stage', weight: 0.7 },
      { header: 'Task', weight: 3 },
      { header: 'Who', weight: 1.4 },
      { header: 'Status', weight: 1.9 },
    ],
    closeout.tasks.map((task) => [
      stageName(task.stageKey),
      task.name,
      task.roles.map((role) => roleName(definition, role)).join(', '),
      task.status === 'open'
        ? `Open${task.dueOn ? `, due ${formatDay(task.dueOn)}` : ''}`
        : `${TASK_STATUS[task.status]} ${formatDay(task.completedAt)}${
            task.status === 'waived'
              ? `: ${task.waiverReason}`
              : task.evidence
                ? `: ${task.evidence}`
                : ''
          }`,
    ]),
    { emptyText: 'No tasks.' },
  );
  processSteps(pdf, data, INFO.definitionKey);
  return pdf.end();
}
