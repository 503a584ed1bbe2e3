import type { Queryable } from '../db/pool.ts';
import { partyNameKey } from './party-name-key.ts';

/** The part of a stored screening (ScreeningRow) its names are indexed from. */
export interface NamedScreening {
  id: string;
  tenantId: string;
  screenedAt: string;
  request: { parties?: readonly { name: string; aliases?: readonly string[] }[] };
}

/**
 * The screenings' party names (and aliases) in the search tables, inside the screening's own transaction
 * (an afterStore hook): a stored screening is findable by name as soon as it exists, never before.
 */
export async function recordPartyNames(client: Queryable, rows: readonly NamedScreening[]): Promise<void> {
  const tenants: string[] = [];
  const names: string[] = [];
  const ats: string[] = [];
  const ids: string[] = [];
  for (const r of rows) {
    const keys = new Set<string>();
    for (const p of r.request.parties ?? [])
      for (const raw of [p.name, ...(p.aliases ?? [])]) {
        const key = typeof raw === 'string' ? partyNameKey(raw) : '';
        if (key) keys.add(key);
      }
    for (const key of keys) {
      tenants.push(r.tenantId);
      names.push(key);
      ats.push(r.screenedAt);
      ids.push(r.id);
    }
  }
  if (ids.length === 0) return;
  // Sorted, so two batches sharing new names wait on each other in one order and cannot deadlock. A separate
  // statement from the look-up below: under READ COMMITTED that one sees a name a concurrent screening
  // committed while this INSERT waited on it.
  await client.query(
    `INSERT INTO screening_party_names (tenant_id, name)
     SELECT DISTINCT t, n FROM unnest($1::text[], $2::text[]) AS u (t, n) ORDER BY t, n
     ON CONFLICT (tenant_id, name) DO NOTHING`,
    [tenants, names],
  );
  await client.query(
    `INSERT INTO screening_party_hits (tenant_id, name_id, screened_at, screening_id)
     SELECT u.t, n.id, u.at, u.id
     FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::uuid[]) AS u (t, name, at, id)
     JOIN screening_party_names n ON n.tenant_id = u.t AND n.name = u.name`,
    [tenants, names, ats, ids],
  );
}
