import type { Fragment } from '../db/fragments.ts';
import { partyNameKey } from './party-name-key.ts';

/** The part of a stored screening (ScreeningRow) its names are indexed from. */
export interface NamedScreening {
  id: string;
  tenantId: string;
  screenedAt: string;
  request: { parties?: readonly { name: string; aliases?: readonly string[] }[] };
}

/**
 * The screenings' party names (and aliases) in the search tables, as fragments of the statement that stores the
 * screenings (an afterStore hook): a stored screening is findable by name as soon as it exists, never before.
 */
export function partyNameFragments(rows: readonly NamedScreening[]): Fragment[] {
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
  if (ids.length === 0) return [];
  return [
    // Sorted, so two writers sharing new names wait on each other in one order and cannot deadlock.
    {
      name: 'party_names_new',
      sql: `INSERT INTO screening_party_names (tenant_id, name)
            SELECT DISTINCT t, n FROM unnest($1::text[], $2::text[]) AS u (t, n) ORDER BY t, n
            ON CONFLICT (tenant_id, name) DO NOTHING
            RETURNING id, tenant_id, name`,
      params: [tenants, names],
    },
    // New names come from the insert's RETURNING (one statement sees no rows of its own CTEs); existing ones
    // from the table. A name another writer of the same tenant inserts meanwhile cannot be missed: every
    // writer also moves the tenant's audit head, so one of the two statements fails its head expectation
    // (or deadlocks) and is retried whole.
    {
      name: 'party_hits_new',
      sql: `INSERT INTO screening_party_hits (tenant_id, name_id, screened_at, screening_id)
            SELECT u.t, coalesce(fresh.id, known.id), u.at, u.id
            FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::uuid[]) AS u (t, name, at, id)
            LEFT JOIN party_names_new fresh ON fresh.tenant_id = u.t AND fresh.name = u.name
            LEFT JOIN screening_party_names known ON known.tenant_id = u.t AND known.name = u.name
            WHERE coalesce(fresh.id, known.id) IS NOT NULL`,
      params: [tenants, names, ats, ids],
    },
  ];
}
