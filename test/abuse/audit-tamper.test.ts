import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTenantService } from '../../src/auth/tenant-service.ts';
import { bearer } from '../support/test-app.ts';
import { type AbuseApp, assertHandled, startAbuseApp } from './support/abuse-app.ts';

/**
 * What a DBA could do behind the service's back, table by table: each tamper is plain SQL with the append-only
 * trigger switched off first (as the table owner would), and GET /audit/verify must name the altered row and
 * column. Each case works in its own tenant, so one tamper never hides or explains another.
 */

let t: AbuseApp;
before(async () => {
  t = await startAbuseApp();
});
after(async () => {
  await t?.close();
});

interface Problem {
  table: string;
  id: string;
  field: string | null;
  detail: string;
  eventSeq?: number | null;
}
interface Verification {
  ok: boolean;
  rowsChecked: number;
  firstBrokenId: number | null;
  detail?: string;
  problems: Problem[];
  problemsTruncated: boolean;
}

/** One tenant's officer history: a screening, two reviews, a remembered then revoked false positive, an alert review. */
interface Scenario {
  key: string;
  tenantId: string;
  screeningId: string;
  escalateId: string;
  clearedId: string;
  memoryId: string;
  alertReviewId: string;
}

let tenants = 0;

async function scenario(): Promise<Scenario> {
  const tenantId = `tamper-${process.pid}-${++tenants}`;
  const key = (await createTenantService(t.container.pool, t.container.keys).create(tenantId, tenantId)).key
    .key;
  const as = (method: 'post' | 'delete', path: string, body?: object) =>
    t.request()[method](path).set(bearer(key)).send(body);

  const screened = await as('post', '/screen', {
    parties: [{ name: 'Nordlicht Handels GmbH', kind: 'organization', country: 'DE' }],
  });
  assertHandled(screened, 'screen');
  assert.equal(screened.body.decision, 'block', screened.text);
  const finding = screened.body.findings.find((f: { entry?: { id: string } }) => f.entry?.id === '91003');
  assert.ok(finding, screened.text);
  const screeningId = screened.body.id as string;
  const reviewed = async (disposition: string, note: string) => {
    const res = await as('post', `/screenings/${screeningId}/reviews`, {
      findingId: finding.id,
      disposition,
      note,
    });
    assertHandled(res, 'createScreeningReview');
    assert.equal(res.status, 201, res.text);
    return res.body.id as string;
  };
  const escalateId = await reviewed('escalate', 'ask the MLRO');
  const clearedId = await reviewed('false_positive', 'Nordlicht of Hamburg, not the listed one');

  const { rows: memories } = await t.container.pool.query(
    'SELECT id FROM false_positive_memory WHERE tenant_id = $1 AND review_id = $2',
    [tenantId, clearedId],
  );
  assert.equal(memories.length, 1, 'the false positive is remembered');
  const memoryId = memories[0].id as string;
  const revoked = await as('delete', `/false-positives/${memoryId}`);
  assertHandled(revoked, 'revokeFalsePositive');
  assert.equal(revoked.status, 204, revoked.text);

  // The alert is set up directly (raising one needs a new list version); its review goes through the API.
  const alertId = `al_${tenantId}`;
  await t.container.pool.query(
    `WITH p AS (INSERT INTO monitored_parties (id, tenant_id, party, party_hash) VALUES ($1, $2, $3, $1) RETURNING id)
     INSERT INTO alerts (id, tenant_id, party_id, source_id, list_version, entry_id, entry_hash, finding)
     SELECT $4, $2, p.id, 'us-ofac-sdn', 1, '91003', 'h', $5 FROM p`,
    [
      `mp_${tenantId}`,
      tenantId,
      JSON.stringify({ name: 'Nordlicht Handels GmbH' }),
      alertId,
      JSON.stringify(finding),
    ],
  );
  const alertReview = await as('post', `/alerts/${alertId}/reviews`, {
    findingId: finding.id,
    disposition: 'escalate',
    note: 'is this the Hamburg one?',
  });
  assertHandled(alertReview, 'createAlertReview');
  assert.equal(alertReview.status, 201, alertReview.text);
  return { key, tenantId, screeningId, escalateId, clearedId, memoryId, alertReviewId: alertReview.body.id };
}

async function verify(key: string): Promise<Verification> {
  const res = await t.request().get('/audit/verify').set(bearer(key));
  assertHandled(res, 'verifyAuditChain');
  assert.equal(res.status, 200, res.text);
  return res.body as Verification;
}

/** As the owner would: the table's append-only trigger disabled around the statement. */
async function withTriggerDisabled(table: string, trigger: string, sql: string, params: unknown[]) {
  const client = await t.container.pool.connect();
  try {
    await client.query(`ALTER TABLE ${table} DISABLE TRIGGER ${trigger}`);
    assert.equal((await client.query(sql, params)).rowCount, 1, sql);
  } finally {
    await client.query(`ALTER TABLE ${table} ENABLE TRIGGER ${trigger}`);
    client.release();
  }
}

/** As a superuser would: replica mode skips every ordinary trigger for the session. */
async function asReplica(sql: string, params: unknown[]) {
  const client = await t.container.pool.connect();
  try {
    await client.query(`SET session_replication_role = replica`);
    assert.equal((await client.query(sql, params)).rowCount, 1, sql);
  } finally {
    await client.query(`RESET session_replication_role`);
    client.release();
  }
}

function assertReported(v: Verification, table: string, id: string, field: string | null) {
  assert.equal(v.ok, false, 'verify must not say ok');
  const found = v.problems.find((p) => p.table === table && p.id === id && p.field === field);
  assert.ok(found, `no problem for ${table} ${id} ${field}; got ${JSON.stringify(v.problems)}`);
  return found;
}

describe('audit tamper: /audit/verify names every altered row', () => {
  test('an untouched history verifies ok, with every row checked and no problem', async () => {
    const s = await scenario();
    const v = await verify(s.key);
    assert.deepEqual(v.problems, []);
    assert.equal(v.ok, true, v.detail);
    assert.equal(v.firstBrokenId, null);
    const { rows } = await t.container.pool.query(
      'SELECT type FROM audit_events WHERE tenant_id = $1 ORDER BY seq',
      [s.tenantId],
    );
    assert.deepEqual(
      rows.map((r) => r.type),
      [
        'api_key.created',
        'screening',
        'screening.review',
        'screening.review',
        'false_positive.remembered',
        'false_positive.revoked',
        'alert.reviewed',
      ],
    );
    assert.equal(v.rowsChecked, rows.length);
  });

  test('a verify while the tenant keeps screening and reviewing reports nothing that is not there', async () => {
    const s = await scenario();
    const traffic = Array.from({ length: 30 }, (_, i) =>
      t
        .request()
        .post('/screen')
        .set(bearer(s.key))
        .send({
          parties: [{ name: i % 2 ? 'Nordlicht Handels GmbH' : `Harmless ${i} GmbH`, country: 'DE' }],
        }),
    );
    const verifies = [verify(s.key), verify(s.key), verify(s.key)];
    for (const res of await Promise.all(traffic)) assert.equal(res.status, 200, res.text);
    for (const v of await Promise.all(verifies)) assert.deepEqual(v.problems, []);
    assert.equal((await verify(s.key)).ok, true);
  });

  test('screenings.decision rewritten', async () => {
    const s = await scenario();
    await withTriggerDisabled(
      'screenings',
      'screenings_append_only',
      `UPDATE screenings SET decision = 'clear' WHERE id = $1`,
      [s.screeningId],
    );
    const p = assertReported(await verify(s.key), 'screenings', s.screeningId, 'decision');
    assert.match(p.detail, /"clear".*"block"/);
  });

  test('the stored result rewritten', async () => {
    const s = await scenario();
    await asReplica(
      `UPDATE screenings SET result = replace(result::text, '"decision":"block"', '"decision":"clear"')::json
       WHERE id = $1`,
      [s.screeningId],
    );
    const v = await verify(s.key);
    assertReported(v, 'screenings', s.screeningId, 'result');
    // The chain itself is intact, so the walk goes on past the altered screening to the end.
    assert.equal(v.rowsChecked, 7);
  });

  test("a review's disposition rewritten", async () => {
    const s = await scenario();
    await withTriggerDisabled(
      'screening_reviews',
      'screening_reviews_append_only',
      `UPDATE screening_reviews SET disposition = 'true_match' WHERE id = $1`,
      [s.escalateId],
    );
    const p = assertReported(await verify(s.key), 'screening_reviews', s.escalateId, 'disposition');
    assert.match(p.detail, /"true_match".*"escalate"/);
  });

  test("a review's note rewritten", async () => {
    const s = await scenario();
    await asReplica(`UPDATE screening_reviews SET note = 'confirmed by phone' WHERE id = $1`, [s.clearedId]);
    const v = await verify(s.key);
    assertReported(v, 'screening_reviews', s.clearedId, 'note');
    // The memory copied the note from that review: it no longer matches either.
    assertReported(v, 'false_positive_memory', s.memoryId, 'note');
  });

  test('the review-state projection rewritten (it has no trigger: recomputation is its guard)', async () => {
    const s = await scenario();
    const before = await t.container.pool.query(
      'SELECT status, outcome FROM screening_review_state WHERE screening_id = $1',
      [s.screeningId],
    );
    assert.deepEqual(before.rows[0], { status: 'resolved', outcome: 'clear' });
    await t.container.pool.query(
      `UPDATE screening_review_state SET status = 'open', outcome = NULL WHERE screening_id = $1`,
      [s.screeningId],
    );
    const v = await verify(s.key);
    assertReported(v, 'screening_review_state', s.screeningId, 'status');
    assertReported(v, 'screening_review_state', s.screeningId, 'outcome');
  });

  test('a revoked false-positive memory made active again', async () => {
    const s = await scenario();
    await withTriggerDisabled(
      'false_positive_memory',
      'false_positive_memory_append_only',
      `UPDATE false_positive_memory SET revoked_at = NULL, revoked_by = NULL WHERE id = $1`,
      [s.memoryId],
    );
    const p = assertReported(await verify(s.key), 'false_positive_memory', s.memoryId, 'revoked_at');
    assert.match(p.detail, /active again/);
  });

  test('an alert review rewritten', async () => {
    const s = await scenario();
    await withTriggerDisabled(
      'alert_reviews',
      'alert_reviews_append_only',
      `UPDATE alert_reviews SET disposition = 'false_positive', note = 'nothing to see' WHERE id = $1`,
      [s.alertReviewId],
    );
    const v = await verify(s.key);
    assertReported(v, 'alert_reviews', s.alertReviewId, 'disposition');
    assertReported(v, 'alert_reviews', s.alertReviewId, 'note');
  });

  test('a review slipped in with no event, and a projection row deleted, are reported too', async () => {
    const s = await scenario();
    await t.container.pool.query(
      `INSERT INTO screening_reviews (id, tenant_id, screening_id, finding_id, disposition, note, reviewer_key_id,
         four_eyes, created_at, audit_seq)
       SELECT 'rev_forged', tenant_id, screening_id, finding_id, 'true_match', 'forged', reviewer_key_id, false, now(), 3
       FROM screening_reviews WHERE id = $1`,
      [s.escalateId],
    );
    await t.container.pool.query('DELETE FROM screening_review_state WHERE screening_id = $1', [
      s.screeningId,
    ]);
    const v = await verify(s.key);
    assertReported(v, 'screening_reviews', 'rev_forged', null);
    assertReported(v, 'screening_review_state', s.screeningId, null);
  });
});

describe('append-only triggers', () => {
  test('refuse UPDATE and DELETE on screening_reviews, alert_reviews and false_positive_memory', async () => {
    const s = await scenario();
    const attempts: [string, string][] = [
      [`UPDATE screening_reviews SET note = 'x' WHERE id = $1`, s.escalateId],
      [`DELETE FROM screening_reviews WHERE id = $1`, s.escalateId],
      [`UPDATE alert_reviews SET note = 'x' WHERE id = $1`, s.alertReviewId],
      [`DELETE FROM alert_reviews WHERE id = $1`, s.alertReviewId],
      // re-activating a revoked memory, re-dating its revocation, editing what it silences, deleting it
      [`UPDATE false_positive_memory SET revoked_at = NULL, revoked_by = NULL WHERE id = $1`, s.memoryId],
      [`UPDATE false_positive_memory SET revoked_at = now() WHERE id = $1`, s.memoryId],
      [`UPDATE false_positive_memory SET party_key = 'anyone' WHERE id = $1`, s.memoryId],
      [`DELETE FROM false_positive_memory WHERE id = $1`, s.memoryId],
    ];
    for (const [sql, id] of attempts)
      await assert.rejects(t.container.pool.query(sql, [id]), /append-only/, sql);
    for (const table of ['alert_reviews', 'false_positive_memory'])
      await assert.rejects(t.container.pool.query(`TRUNCATE ${table} CASCADE`), /append-only/, table);
    assert.equal((await verify(s.key)).ok, true, 'every refused statement left the history as it was');
  });

  test('the one allowed change of a memory is its revocation, once, and nothing else with it', async () => {
    const s = await scenario();
    const client = await t.container.pool.connect();
    try {
      await client.query('BEGIN');
      // A fresh active copy of the memory (as if remembered again), to revoke by SQL.
      await client.query(
        `INSERT INTO false_positive_memory (id, tenant_id, party_key, party_name, source, entry_id, entry_hash, note,
           created_by, created_at, review_id)
         SELECT 'fp_sql', tenant_id, party_key, party_name, source, entry_id, entry_hash, note, created_by,
           created_at, review_id FROM false_positive_memory WHERE id = $1`,
        [s.memoryId],
      );
      await assert.rejects(
        client.query(
          `UPDATE false_positive_memory SET revoked_at = now(), revoked_by = 'k', note = 'x' WHERE id = 'fp_sql'`,
        ),
        /append-only/,
      );
      await client.query('ROLLBACK');
      await client.query('BEGIN');
      await client.query(
        `INSERT INTO false_positive_memory (id, tenant_id, party_key, party_name, source, entry_id, entry_hash, note,
           created_by, created_at, review_id)
         SELECT 'fp_sql', tenant_id, party_key, party_name, source, entry_id, entry_hash, note, created_by,
           created_at, review_id FROM false_positive_memory WHERE id = $1`,
        [s.memoryId],
      );
      const revoked = await client.query(
        `UPDATE false_positive_memory SET revoked_at = now(), revoked_by = 'k' WHERE id = 'fp_sql'`,
      );
      assert.equal(revoked.rowCount, 1);
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  });
});
