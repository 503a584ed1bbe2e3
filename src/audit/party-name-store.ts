import type { Fragment } from '../db/fragments.ts';
import { partyNameKey } from './party-name-key.ts';

/** The part of a stored screening (ScreeningRow) its names are indexed from. */
export interface NamedScreening {
  id: string;
  tenantId: string;
  screenedAt: string;
  request: { parties?: readonly { name: string; aliases?: readonly string[] }[] };
}

/** The screenings' party names (and aliases) as search keys, one entry per (screening, key): parallel arrays. */
export interface ScreenedNames {
  tenants: string[];
  names: string[];
  ats: string[];
  ids: string[];
}

export function screenedNames(rows: readonly NamedScreening[]): ScreenedNames {
  const out: ScreenedNames = { tenants: [], names: [], ats: [], ids: [] };
  for (const r of rows) {
    const keys = new Set<string>();
    for (const p of r.request.parties ?? [])
      for (const raw of [p.name, ...(p.aliases ?? [])]) {
        const key = typeof raw === 'string' ? partyNameKey(raw) : '';
        if (key) keys.add(key);
      }
    for (const key of keys) {
      out.tenants.push(r.tenantId);
      out.names.push(key);
      out.ats.push(r.screenedAt);
      out.ids.push(r.id);
    }
  }
  return out;
}

/**
 * The names not yet in the tenant's search table, as a fragment of the statement that stores the screenings:
 * a stored screening is findable by name as soon as it exists, never before. Sorted, so two writers sharing
 * new names wait on each other in one order and cannot deadlock.
 */
export function partyNamesFragment(n: ScreenedNames): Fragment[] {
  if (n.ids.length === 0) return [];
  return [
    {
      name: 'party_names_new',
      sql: `INSERT INTO screening_party_names (tenant_id, name)
            SELECT DISTINCT t, n FROM unnest($1::text[], $2::text[]) AS u (t, n) ORDER BY t, n
            ON CONFLICT (tenant_id, name) DO NOTHING
            RETURNING id, tenant_id, name`,
      params: [n.tenants, n.names],
    },
  ];
}

/**
 * Which screening carries which name; runs after partyNamesFragment in the same statement. New names come from
 * its RETURNING (one statement sees no rows of its own CTEs); existing ones from the table. A name another
 * writer of the same tenant inserts meanwhile cannot be missed: every writer also moves the tenant's audit
 * head, so one of the two statements fails its head expectation (or deadlocks) and is retried whole.
 *
 * An existing name is looked up by a scalar subquery, one probe of the (tenant_id, name) key per name that is
 * not new, whatever the statistics say. As a join, the statement's cached plan chose a hash join over a seq
 * scan of the whole table while its statistics said it was small: under bench:compare that read ~1,900 rows per
 * write, growing with the table until the next ANALYZE. OFFSET 0 keeps the lookup from being copied into the
 * WHERE (evaluated twice).
 */
export function partyHitsFragment(n: ScreenedNames): Fragment[] {
  if (n.ids.length === 0) return [];
  return [
    {
      name: 'party_hits_new',
      sql: `INSERT INTO screening_party_hits (tenant_id, name_id, screened_at, screening_id)
            SELECT t, name_id, at, id FROM (
              SELECT u.t, u.at, u.id, coalesce(fresh.id, (SELECT known.id FROM screening_party_names known
                WHERE known.tenant_id = u.t AND known.name = u.name)) AS name_id
              FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::uuid[]) AS u (t, name, at, id)
              LEFT JOIN party_names_new fresh ON fresh.tenant_id = u.t AND fresh.name = u.name
              OFFSET 0) hits
            WHERE name_id IS NOT NULL`,
      params: [n.tenants, n.names, n.ats, n.ids],
    },
  ];
}

/** Both, for a writer of screenings outside the screening path (bench/support/seed-screenings.ts). */
export function partyNameFragments(rows: readonly NamedScreening[]): Fragment[] {
  const names = screenedNames(rows);
  return [...partyNamesFragment(names), ...partyHitsFragment(names)];
}
