import type { Queryable } from '../db/pool.ts';

/** The stored request/result of screenings, to recompute the hashes their audit events committed to. */
export async function screeningContents(
  db: Queryable,
  tenantId: string,
  ids: string[],
): Promise<Map<string, { request: unknown; result: unknown }>> {
  if (ids.length === 0) return new Map();
  const { rows } = await db.query(
    'SELECT id, request, result FROM screenings WHERE tenant_id = $1 AND id = ANY($2::uuid[])',
    [tenantId, ids],
  );
  return new Map(rows.map((r) => [r.id as string, { request: r.request, result: r.result }]));
}

/** Where the chain's head says it ends: a deleted tail leaves every remaining link intact but short of it. */
export async function chainHead(
  db: Queryable,
  tenantId: string,
): Promise<{ seq: number; hash: string } | undefined> {
  const { rows } = await db.query('SELECT seq, hash FROM audit_heads WHERE tenant_id = $1', [tenantId]);
  return rows[0] ? { seq: rows[0].seq, hash: rows[0].hash } : undefined;
}
