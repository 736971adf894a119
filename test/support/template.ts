/**
 * What the global setup hands to the test workers: where the one migrated, empty database to
 * copy from lives.
 */
export type DatabaseTemplate =
  | { kind: 'pglite'; tarballPath: string }
  | { kind: 'postgres'; serverUrl: string; templateName: string };

declare module 'vitest' {
  export interface ProvidedContext {
    databaseTemplate: DatabaseTemplate;
  }
}

/** The URL of the same server with another database name. */
export function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
