import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import pg from 'pg';
import { NORDLICHT, newTenant, screen, useApp } from '../reviews/queue-support.ts';
import { type ScreeningTestApp, startScreeningApp } from '../support/screening-app.ts';

// The statement that stores screenings must cost the same however large its tables grow. A prepared statement's
// plan is made once per connection and kept while the tables grow under it; made over a few hundred open queue
// items and names, the write walked all of them in every write from then on (bench:activation-linger: PostgreSQL's
// CPU per screening 0.5 -> 3.9 ms over 35,000 screenings). Planned generically over PLANNED_ROWS of each, every
// read of review_queue and screening_party_names must be a probe by key.
let t: ScreeningTestApp;
before(async () => {
  t = await startScreeningApp();
  useApp(t);
});
after(async () => {
  await t?.close();
});

type PlanNode = {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Cond'?: string;
  'Recheck Cond'?: string;
  Plans?: PlanNode[];
};
const PLANNED_ROWS = 800;
/** The tables that grow with every screening, and the condition that reads one key's rows of each. */
const KEYED: Record<string, RegExp> = {
  review_queue: /\b(reference|screening_id) = /,
  screening_party_names: /\bname = /,
};

/** Scans of the growing tables that are not a probe by key (a walk of all open items, or of all names). */
function walks(node: PlanNode, out: string[] = []): string[] {
  const key = KEYED[node['Relation Name'] ?? ''];
  const cond = node['Index Cond'] ?? node['Recheck Cond'] ?? '';
  if (key && /Scan$/.test(node['Node Type']) && !key.test(cond))
    out.push(`${node['Node Type']} on ${node['Relation Name']} ${cond}`.trim());
  for (const child of node.Plans ?? []) walks(child, out);
  return out;
}

/** A parameter as an SQL literal (EXECUTE takes no bind parameters): text, numbers, arrays of text or null. */
function literal(client: pg.Client, v: unknown): string {
  if (v === null || v === undefined) return 'NULL';
  if (Array.isArray(v)) {
    const items = v.map((x) => (x === null ? 'NULL' : `"${String(x).replace(/[\\"]/g, '\\$&')}"`));
    return client.escapeLiteral(`{${items.join(',')}}`);
  }
  return client.escapeLiteral(v instanceof Date ? v.toISOString() : String(v));
}

test('the screening write probes the queue and the name table by key, however large they grew', async () => {
  const { id: tenantId, key } = await newTenant();
  const pool = t.container.pool;
  // A few seconds of load's worth of open items and names, known to the planner: the state a connection's
  // cached plan was made in, in bench:activation, before the tables grew tenfold under it.
  await pool.query(
    `INSERT INTO review_queue (screening_id, tenant_id, screened_at, reference, decision, severity, sources,
       party_names, review_status)
     SELECT gen_random_uuid(), $1, now(), 'PO-' || g, 'review', 1, '{}', 'x', 'open'
     FROM generate_series(1, $2::int) g`,
    [tenantId, PLANNED_ROWS],
  );
  await pool.query(
    `INSERT INTO screening_party_names (tenant_id, name)
     SELECT $1, 'name ' || g FROM generate_series(1, $2::int) g`,
    [tenantId, PLANNED_ROWS],
  );
  await pool.query('ANALYZE review_queue');
  await pool.query('ANALYZE screening_party_names');
  // The real statement of a real screening, captured as the service sends it.
  const sent: { text: string; values: unknown[] }[] = [];
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, config: unknown, ...rest: unknown[]) {
    const c = config as { text?: string; values: unknown[] };
    if (typeof c === 'object' && c.text?.includes('review_queue_superseded'))
      sent.push(c as (typeof sent)[0]);
    return (query as (...a: unknown[]) => unknown).call(this, config, ...rest);
  } as typeof query;
  try {
    const done = await screen(key, 'PO-17', NORDLICHT);
    assert.equal(done.decision, 'review');
  } finally {
    pg.Client.prototype.query = query;
  }
  const write = sent[0];
  assert.ok(write, 'a screening with a reference and a review writes the queue in its statement');

  const client = new pg.Client({ connectionString: t.container.config.databaseUrl });
  await client.connect();
  try {
    await client.query('SET plan_cache_mode = force_generic_plan');
    await client.query(`PREPARE write_plan AS ${write.text}`);
    // Plan only (no ANALYZE): the statement already ran, and its audit head expectation would now fail.
    const args = write.values.map((v) => literal(client, v)).join(', ');
    const { rows } = await client.query(`EXPLAIN (FORMAT JSON) EXECUTE write_plan(${args})`);
    const plan = (rows[0]['QUERY PLAN'] as { Plan: PlanNode }[])[0]!.Plan;
    assert.deepEqual(walks(plan), []);
  } finally {
    await client.end();
  }
});
