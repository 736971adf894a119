import type { ClientReturn, Closeout, IsoDate, IsoDateTime } from '../model.js';

/** What the KPIs read of a closeout: the aggregate's own fields plus two facts from its records. */
export type KpiCloseout = Pick<
  Closeout,
  | 'id'
  | 'clientId'
  | 'trigger'
  | 'status'
  | 'stage'
  | 'noticeReceivedOn'
  | 'openedAt'
  | 'endedAt'
  | 'mrrAtRisk'
  | 'reasons'
  | 'sessionHeldAt'
> & {
  /** When the client signed the transfer of responsibility; null until it has. */
  responsibilityAcceptedAt: IsoDateTime | null;
  /** When each deactivation issue of the closeout was logged. */
  deactivationIssueLoggedAt: IsoDateTime[];
};

/** A closeout that has ended, so its end is known. */
export type EndedKpiCloseout = KpiCloseout & { endedAt: IsoDateTime };

export type KpiClient = { id: string; clientSince: IsoDate };

export type KpiReturn = ClientReturn;

/** Whole UTC days, both ends included. */
export type KpiPeriod = { from: IsoDate; to: IsoDate };
