import type { Database } from './connection.js';

/**
 * A named statement prepared once per database. Building a drizzle query costs more than
 * running a small one, and PostgreSQL keeps the plan of a named statement per connection, so
 * the reads on every request's path (who is calling, the closeout detail) are prepared. Only for
 * reads outside a transaction: a prepared statement runs on the pool, not on a transaction.
 */
export function preparedPerDatabase<TPrepared>(
  build: (db: Database) => TPrepared,
): (db: Database) => TPrepared {
  const prepared = new WeakMap<Database, TPrepared>();
  return (db) => {
    let statement = prepared.get(db);
    if (statement === undefined) {
      statement = build(db);
      prepared.set(db, statement);
    }
    return statement;
  };
}
