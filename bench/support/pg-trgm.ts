import pg from 'pg';
import type { ListEntity } from '../../src/entity/list-entity.ts';

/**
 * The baseline most teams start from: PostgreSQL pg_trgm similarity over the same names (primary and
 * aliases), in a temporary table with a GIN trigram index. Returns entity indexes with their best similarity.
 */
export interface TrgmBaseline {
  query(name: string): Promise<{ entity: number; sim: number }[]>;
  close(): Promise<void>;
  loadMs: number;
}

export async function openTrgm(
  url: string,
  entities: readonly ListEntity[],
  threshold = 0.3,
): Promise<TrgmBaseline> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const t0 = performance.now();
  await client.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
  await client.query('CREATE TEMP TABLE bench_names (entity int NOT NULL, name text NOT NULL)');
  const ents: number[] = [];
  const names: string[] = [];
  entities.forEach((e, i) => {
    for (const n of [e.name, ...e.aliases.map((a) => a.value)]) {
      ents.push(i);
      names.push(n);
    }
  });
  for (let i = 0; i < names.length; i += 20_000) {
    await client.query('INSERT INTO bench_names SELECT * FROM unnest($1::int[], $2::text[])', [
      ents.slice(i, i + 20_000),
      names.slice(i, i + 20_000),
    ]);
  }
  await client.query('CREATE INDEX ON bench_names USING gin (name gin_trgm_ops)');
  await client.query('ANALYZE bench_names');
  await client.query(`SET pg_trgm.similarity_threshold = ${Number(threshold)}`);
  const loadMs = performance.now() - t0;
  return {
    loadMs,
    async query(name: string) {
      const r = await client.query<{ entity: number; sim: number }>(
        'SELECT entity, max(similarity(name, $1))::float8 AS sim FROM bench_names WHERE name % $1 GROUP BY entity ORDER BY sim DESC LIMIT 50',
        [name],
      );
      return r.rows;
    },
    close: () => client.end(),
  };
}
