import pg from 'pg';

export type Pool = pg.Pool;
export type PoolClient = pg.PoolClient;
/** A pool or a client inside a transaction: stores accept either, so one store serves both. */
export type Queryable = Pick<pg.PoolClient, 'query'>;

// timestamptz comes back as an ISO string we control, not a Date that serialises in local time.
pg.types.setTypeParser(pg.types.builtins.TIMESTAMPTZ, (v) => new Date(v).toISOString());
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

export function createPool(connectionString: string, max = 20): Pool {
  const pool = new pg.Pool({
    connectionString,
    max,
    connectionTimeoutMillis: 2000,
    idleTimeoutMillis: 30_000,
    // Bounded so that a dead database yields a quick 503, not a hanging request.
    query_timeout: 15_000,
  });
  // A client losing its server must not crash the process: idle ones report through the pool, checked-out
  // ones through their own 'error' event (emitted besides the failing query's rejection, which is what the
  // request turns into a 503). Without a listener, Node treats that event as an uncaught exception.
  pool.on('error', () => {});
  pool.on('connect', (client) => {
    client.on('error', () => {});
  });
  return pool;
}
