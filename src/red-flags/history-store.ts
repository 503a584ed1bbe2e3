import type { Queryable } from '../db/pool.ts';
import type { PartyHistory } from './facts.ts';

/** The most recent screenings of a party read for its goods chapters: the history is a hint, not an archive walk. */
export const HISTORY_LIMIT = 200;

/**
 * A party's earlier screenings in the tenant's own audit trail, found by its stored name key through the
 * party-name tables (migration 0015): the name's row by its unique (tenant_id, name), its screenings newest
 * first from screening_party_hits_walk_idx, each screening by primary key. No new index is needed.
 */
export function createHistoryStore(db: Queryable) {
  return {
    async byNameKey(tenantId: string, nameKey: string): Promise<PartyHistory | undefined> {
      const { rows } = await db.query(
        `WITH n AS (
           SELECT id FROM screening_party_names WHERE tenant_id = $1 AND name = $2
         ), recent AS (
           SELECT h.screening_id FROM screening_party_hits h, n
           WHERE h.tenant_id = $1 AND h.name_id = n.id
           ORDER BY h.screened_at DESC, h.screening_id DESC
           LIMIT $3
         )
         SELECT
           (SELECT count(*) FROM recent)::int AS screenings,
           (SELECT h.screened_at FROM screening_party_hits h, n
            WHERE h.tenant_id = $1 AND h.name_id = n.id
            ORDER BY h.screened_at, h.screening_id LIMIT 1) AS first_seen,
           ARRAY(
             SELECT DISTINCT left(regexp_replace(g ->> 'code', '[^0-9]', '', 'g'), 2)
             FROM recent JOIN screenings s ON s.id = recent.screening_id AND s.tenant_id = $1
             CROSS JOIN LATERAL json_array_elements(
               CASE WHEN json_typeof(s.request -> 'goods') = 'array' THEN s.request -> 'goods' ELSE '[]'::json END
             ) g
             WHERE g ->> 'code' ~ '[0-9]{2}'
             ORDER BY 1
           ) AS chapters`,
        [tenantId, nameKey, HISTORY_LIMIT],
      );
      const r = rows[0];
      if (!r || r.screenings === 0 || !r.first_seen) return undefined;
      return {
        screenings: r.screenings as number,
        firstSeen: new Date(r.first_seen as string).toISOString(),
        chapters: r.chapters as string[],
      };
    },
  };
}
