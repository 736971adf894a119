import type { IsoDate } from '../domain/model.js';

/** Today as Closeout counts days: the UTC calendar day. */
export const todayUtc = (): IsoDate => new Date().toISOString().slice(0, 10);
