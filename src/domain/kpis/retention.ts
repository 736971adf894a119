import { isAfter, isBefore } from 'date-fns';
import type { TTrigger } from '../../blueprint/schema.js';
import { endedIn, endOfUtcDay, startOfUtcDay, utcMoment } from './calendar.js';
import type { EndedKpiCloseout, KpiClient, KpiCloseout, KpiPeriod, KpiReturn } from './inputs.js';
import { share } from './numbers.js';
import type { TClientRetentionKpi, TLogoRetentionKpi } from './report-schema.js';

/** A provider ending the agreement is not a retention chance, so those closeouts stay out. */
const CLIENT_SIDE_TRIGGERS: ReadonlySet<TTrigger> = new Set(['client_notice', 'mutual']);

/**
 * Of the client-initiated and mutual closeouts that ended in the period, the share that kept the
 * client: ended retained, or withdrawn by the client.
 */
export function clientRetentionRate({
  closeouts,
  period,
}: {
  closeouts: KpiCloseout[];
  period: KpiPeriod;
}): TClientRetentionKpi {
  const ended = closeouts
    .filter(endedIn(period))
    .filter((closeout) => CLIENT_SIDE_TRIGGERS.has(closeout.trigger));
  const withStatus = (status: KpiCloseout['status']) =>
    ended.filter((closeout) => closeout.status === status).length;
  const retained = withStatus('retained');
  const withdrawn = withStatus('withdrawn');
  return {
    ended: ended.length,
    retained,
    withdrawn,
    terminated: withStatus('terminated'),
    rate: share(retained + withdrawn, ended.length),
  };
}

type ClientHistory = {
  departuresByClient: Map<string, EndedKpiCloseout[]>;
  returnsByCloseout: Map<string, KpiReturn[]>;
};

function clientHistory(closeouts: KpiCloseout[], returns: KpiReturn[]): ClientHistory {
  const departuresByClient = new Map<string, EndedKpiCloseout[]>();
  const terminated = closeouts.filter(
    (closeout): closeout is EndedKpiCloseout =>
      closeout.status === 'terminated' && closeout.endedAt !== null,
  );
  for (const closeout of terminated) {
    const departures = departuresByClient.get(closeout.clientId) ?? [];
    departures.push(closeout);
    departuresByClient.set(closeout.clientId, departures);
  }
  const returnsByCloseout = new Map<string, KpiReturn[]>();
  for (const clientReturn of returns) {
    const forCloseout = returnsByCloseout.get(clientReturn.closeoutId) ?? [];
    forCloseout.push(clientReturn);
    returnsByCloseout.set(clientReturn.closeoutId, forCloseout);
  }
  return { departuresByClient, returnsByCloseout };
}

/**
 * A client is active at a moment once it became a client, unless a closeout ended terminated
 * before then and it had not signed a new agreement since.
 */
function isActiveAt(client: KpiClient, moment: Date, history: ClientHistory): boolean {
  if (isAfter(startOfUtcDay(client.clientSince), moment)) return false;
  const departures = history.departuresByClient.get(client.id) ?? [];
  return departures
    .filter((departure) => isBefore(utcMoment(departure.endedAt), moment))
    .every((departure) =>
      (history.returnsByCloseout.get(departure.id) ?? []).some(
        (clientReturn) => !isAfter(startOfUtcDay(clientReturn.agreementSignedOn), moment),
      ),
    );
}

/** Of the clients active when the period starts, the share still active when it ends. */
export function logoRetention({
  clients,
  closeouts,
  returns,
  period,
}: {
  clients: KpiClient[];
  closeouts: KpiCloseout[];
  returns: KpiReturn[];
  period: KpiPeriod;
}): TLogoRetentionKpi {
  const history = clientHistory(closeouts, returns);
  const start = startOfUtcDay(period.from);
  const end = endOfUtcDay(period.to);
  const activeAtStart = clients.filter((client) => isActiveAt(client, start, history));
  const activeAtEnd = activeAtStart.filter((client) => isActiveAt(client, end, history)).length;
  return {
    activeAtStart: activeAtStart.length,
    activeAtEnd,
    lost: activeAtStart.length - activeAtEnd,
    rate: share(activeAtEnd, activeAtStart.length),
  };
}
