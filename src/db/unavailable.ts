// Lives in db/ because it reads pg and socket error codes: the HTTP error handler maps it to 503, and the
// screening commit group stops splitting a failed batch when the database itself is gone.

// PostgreSQL unreachable or shutting down: the answer is "try again", not "we broke".
const DB_UNAVAILABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
  '53300',
  '08006',
  '08001',
  '08003',
  '08004',
]);

export function isDatabaseUnavailable(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  if (e?.code && DB_UNAVAILABLE.has(e.code)) return true;
  const m = e?.message ?? '';
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Query read timeout|connect ECONNREFUSED/.test(
    m,
  );
}
