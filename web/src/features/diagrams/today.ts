/** Today's date for a diagram's footer, as the server dates its files: the UTC day. */
export const todayIso = (): string => new Date().toISOString().slice(0, 10);
