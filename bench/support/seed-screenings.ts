import pg from 'pg';
import { type NamedScreening, partyNameFragments } from '../../src/audit/party-name-store.ts';
import { runFragments } from '../../src/db/fragments.ts';

// Vocabulary for invented party names: 80 × 80 × 8 ≈ 51,000 distinct names, so each recurs ~20 times in 1M
// screenings — like customers screened again and again.
const A = Array.from(
  { length: 80 },
  (_, i) =>
    `'${['Nord', 'Sud', 'Ost', 'West', 'Alp', 'Ber', 'Cor', 'Del'][i % 8]}${['ana', 'ex', 'ion', 'ova', 'ter', 'mar', 'lin', 'gar', 'tek', 'sol'][Math.floor(i / 8)]}'`,
);
const B = Array.from(
  { length: 80 },
  (_, i) =>
    `'${['Handels', 'Trading', 'Logistik', 'Metall', 'Chemie', 'Export', 'Bau', 'Textil'][i % 8]}${['', 'werk', 'haus', 'gruppe', 'partner', 'union', 'kontor', 'technik', 'service', 'plus'][Math.floor(i / 8)]}'`,
);
const L = ["'GmbH'", "'AG'", "'Ltd'", "'LLC'", "'SA'", "'OOO'", "'BV'", "'d.o.o.'"];

/**
 * Inserts `total` screenings for one tenant with generate_series, one screening every 30 s back from now:
 * 80 % clear, 15 % review, 5 % block; hits spread over 3 sources and 5,000 entry ids; 20 API keys. Indexes are
 * dropped during the load and recreated from their own definitions, so the benchmark runs on the migrations'
 * exact schema. The review-state projection is filled as the app would: clear → resolved, others mostly open;
 * the party-name tables by the app's own write parts (src/audit/party-name-store.ts).
 */
export async function seedScreenings(url: string, tenantId: string, total: number, chunk = 100_000) {
  // A client of its own: the app pool's 15 s query timeout is for requests, not for building GIN indexes.
  const pool = new pg.Client({ connectionString: url });
  await pool.connect();
  try {
    await seed(pool, tenantId, total, chunk);
  } finally {
    await pool.end();
  }
}

async function seed(pool: pg.Client, tenantId: string, total: number, chunk: number) {
  await pool.query(`SET maintenance_work_mem = '256MB'`);
  const { rows: defs } = await pool.query(
    `SELECT indexname, indexdef FROM pg_indexes
     WHERE tablename IN ('screenings', 'screening_review_state', 'screening_party_names', 'screening_party_hits')
       AND indexname NOT LIKE '%pkey' AND indexname NOT LIKE '%_key'`,
  );
  for (const d of defs) await pool.query(`DROP INDEX ${d.indexname}`);
  for (let start = 1; start <= total; start += chunk) {
    const end = Math.min(total, start + chunk - 1);
    const { rows } = await pool.query(
      `WITH g AS (
         SELECT i, (ARRAY[${A.join(',')}])[1 + (hashint4(i) & 2147483647) % 80] || ' ' ||
                   (ARRAY[${B.join(',')}])[1 + (hashint4(i + 7) & 2147483647) % 80] || ' ' ||
                   (ARRAY[${L.join(',')}])[1 + (hashint4(i + 13) & 2147483647) % 8] AS name,
                CASE WHEN i % 20 = 0 THEN 'block' WHEN i % 20 < 4 THEN 'review' ELSE 'clear' END AS decision,
                (ARRAY['us-ofac-sdn','un-sc','eu-oj'])[1 + i % 3] AS source,
                ((hashint4(i + 29) & 2147483647) % 5000)::text AS entry_id
         FROM generate_series($2::int, $3::int) i)
       INSERT INTO screenings (id, tenant_id, api_key_id, reference, decision, screened_at, policy_version, request,
         result, party_names, sources, entry_ids, idempotency_key, request_hash, audit_seq)
       SELECT gen_random_uuid(), $1, 'key_bench_' || (i % 20), 'REF-' || i, decision,
         date_trunc('milliseconds', now() - i * interval '30 seconds'), 1,
         jsonb_build_object('reference', 'REF-' || i, 'parties', jsonb_build_array(jsonb_build_object('name', name))),
         jsonb_build_object('decision', decision, 'findings', CASE WHEN decision = 'clear' THEN '[]'::jsonb ELSE
           jsonb_build_array(jsonb_build_object('id', 'party:0:' || source || ':' || entry_id, 'kind', 'party_match',
             'severity', decision, 'source', source, 'reason', 'Customer “' || name || '” matches entry ' || entry_id)) END),
         name, CASE WHEN decision = 'clear' THEN '{}'::text[] ELSE ARRAY[source] END,
         CASE WHEN decision = 'clear' THEN '{}'::text[] ELSE ARRAY[entry_id] END,
         NULL, md5(i::text), i
       FROM g
       RETURNING id, screened_at, party_names`,
      [tenantId, start, end],
    );
    // The party-name search tables through the very code the screening transaction runs (src/writes/screening-write.ts).
    const named: NamedScreening[] = rows.map((r) => ({
      id: r.id,
      tenantId,
      screenedAt: new Date(r.screened_at).toISOString(),
      request: { parties: [{ name: r.party_names }] },
    }));
    for (let i = 0; i < named.length; i += 5_000)
      await runFragments(pool, partyNameFragments(named.slice(i, i + 5_000)));
  }
  await pool.query(
    `INSERT INTO screening_review_state (screening_id, tenant_id, screened_at, status, outcome, updated_at)
     SELECT id, tenant_id, screened_at,
       CASE WHEN decision = 'clear' THEN 'resolved' WHEN audit_seq % 10 = 1 THEN 'in_review'
            WHEN audit_seq % 10 = 2 THEN 'resolved' ELSE 'open' END,
       CASE WHEN decision = 'clear' THEN 'clear' WHEN audit_seq % 10 = 2 THEN 'clear' END, now()
     FROM screenings WHERE tenant_id = $1
     ON CONFLICT (screening_id) DO NOTHING`,
    [tenantId],
  );
  for (const d of defs) await pool.query(d.indexdef);
  await pool.query('VACUUM ANALYZE screenings');
  await pool.query('VACUUM ANALYZE screening_review_state');
  await pool.query('VACUUM ANALYZE screening_party_names');
  await pool.query('VACUUM ANALYZE screening_party_hits');
}
