/**
 * Orders ISO moments, ticket numbers and ids by their characters: their text order is their
 * natural order, and unlike localeCompare it costs next to nothing over 200,000 tickets.
 */
export const compareText = (left: string, right: string): number =>
  left < right ? -1 : left > right ? 1 : 0;
