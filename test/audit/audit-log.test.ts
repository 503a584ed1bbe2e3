import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { appendAuditEvent } from '../../src/audit/audit-store.ts';
import { verifyAuditChain } from '../../src/audit/verify-chain.ts';
import { createTenantService } from '../../src/auth/tenant-service.ts';
import { withTransaction } from '../../src/db/transaction.ts';
import { assertContract } from '../support/contract.ts';
import { type ScreeningTestApp, startScreeningApp } from '../support/screening-app.ts';
import { bearer } from '../support/test-app.ts';

let t: ScreeningTestApp;
before(async () => {
  t = await startScreeningApp();
});
after(async () => {
  await t?.close();
});

const screen = (name: string) =>
  t
    .http()
    .post('/screen')
    .set(bearer(t.adminKey))
    .send({ reference: `audit-${name}`, parties: [{ name, kind: 'organization', country: 'DE' }] });

const verify = async () => {
  const res = await t.http().get('/audit/verify').set(bearer(t.adminKey));
  assert.equal(res.status, 200, res.text);
  assertContract(res, 'verifyAuditChain');
  return res.body as { ok: boolean; rowsChecked: number; firstBrokenId: number | null; detail?: string };
};

/** What a superuser could do behind the application's back; the chain must show it. */
async function asSuperuser(table: string, trigger: string, sql: string, params: unknown[]) {
  const client = await t.container.pool.connect();
  try {
    await client.query(`ALTER TABLE ${table} DISABLE TRIGGER ${trigger}`);
    await client.query(sql, params);
  } finally {
    await client.query(`ALTER TABLE ${table} ENABLE TRIGGER ${trigger}`);
    client.release();
  }
}

const eventOf = async (screeningId: string) =>
  (
    await t.container.pool.query(
      `SELECT id, seq FROM audit_events WHERE type = 'screening' AND payload->>'screeningId' = $1`,
      [screeningId],
    )
  ).rows[0] as { id: number; seq: number };

describe('audit log', () => {
  test('screenings and another process extend one chain at once: no fork, no gap, each answer has its event', async () => {
    // Its own pool stands in for a second process (a worker, another API instance) writing the same chain.
    const other = new pg.Pool({ connectionString: t.container.database.url, max: 4 });
    try {
      const answers = Promise.all(
        Array.from({ length: 40 }, (_, i) => screen(`Interleaved Trading ${i} GmbH`)),
      );
      const foreign = Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          withTransaction(other, (client) =>
            appendAuditEvent(client, {
              tenantId: 'default',
              actor: null,
              type: 'test.foreign',
              payload: { i },
            }),
          ),
        ),
      );
      const [responses] = await Promise.all([answers, foreign]);
      for (const res of responses) {
        assert.equal(res.status, 200, res.text);
        assertContract(res, 'screen');
        const { rows } = await t.container.pool.query(
          `SELECT payload->>'resultHash' AS hash FROM audit_events WHERE payload->>'screeningId' = $1`,
          [res.body.id],
        );
        // The body the client received is the canonical text the audit event vouches for, byte for byte.
        assert.equal(rows[0]?.hash, createHash('sha256').update(res.text).digest('hex'));
      }
      const v = await verify();
      assert.equal(v.ok, true, v.detail);
      const { rows } = await t.container.pool.query(
        `SELECT count(*)::int AS n, count(DISTINCT seq)::int AS seqs, max(seq)::int AS top FROM audit_events
         WHERE tenant_id = 'default'`,
      );
      assert.equal(rows[0].n, rows[0].seqs);
      assert.equal(rows[0].top, rows[0].n);
    } finally {
      await other.end();
    }
  });

  test('UPDATE and DELETE on audit_events, screenings and reviews are refused by the database', async () => {
    const res = await screen('Nordlicht Handels GmbH');
    assert.equal(res.status, 200);
    const id = res.body.id as string;
    const review = await t
      .http()
      .post(`/screenings/${id}/reviews`)
      .set(bearer(t.adminKey))
      .send({ findingId: res.body.findings[0].id, disposition: 'escalate', note: 'check the register' });
    assert.equal(review.status, 201, review.text);
    const attempts: [string, unknown[]][] = [
      [`UPDATE audit_events SET actor = 'mallory' WHERE payload->>'screeningId' = $1`, [id]],
      [`DELETE FROM audit_events WHERE payload->>'screeningId' = $1`, [id]],
      [`UPDATE screenings SET decision = 'clear' WHERE id = $1`, [id]],
      [`DELETE FROM screenings WHERE id = $1`, [id]],
      [`UPDATE screening_reviews SET disposition = 'false_positive' WHERE screening_id = $1`, [id]],
      [`DELETE FROM screening_reviews WHERE screening_id = $1`, [id]],
    ];
    for (const [sql, params] of attempts) {
      await assert.rejects(t.container.pool.query(sql, params), /append-only/, sql);
    }
    await assert.rejects(t.container.pool.query('TRUNCATE screenings CASCADE'), /append-only/);
    const { rows } = await t.container.pool.query(`SELECT decision FROM screenings WHERE id = $1`, [id]);
    assert.equal(rows[0].decision, 'block');
  });

  test('an intact chain verifies; an altered event is reported as the first broken link', async () => {
    const a = await screen('Siemens AG');
    const b = await screen('Bosch GmbH');
    await screen('Zeiss AG');
    const intact = await verify();
    assert.equal(intact.ok, true, intact.detail);
    assert.equal(intact.firstBrokenId, null);
    const { rows } = await t.container.pool.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE tenant_id = 'default'`,
    );
    assert.equal(intact.rowsChecked, rows[0].n);
    // The same walk in pages of two rows: page boundaries neither skip nor repeat a link.
    assert.deepEqual(await verifyAuditChain(t.container.auditVerify, 'default', 2), intact);

    const target = await eventOf(b.body.id);
    await asSuperuser(
      'audit_events',
      'audit_events_append_only',
      `UPDATE audit_events SET payload = jsonb_set(payload, '{decision}', '"block"') WHERE id = $1`,
      [target.id],
    );
    const broken = await verify();
    assert.equal(broken.ok, false);
    assert.equal(broken.firstBrokenId, target.id);
    assert.equal(broken.rowsChecked, target.seq - 1);
    assert.match(broken.detail ?? '', /hash/);
    // restore, so the next test starts from an intact chain
    await asSuperuser(
      'audit_events',
      'audit_events_append_only',
      `UPDATE audit_events SET payload = jsonb_set(payload, '{decision}', '"clear"') WHERE id = $1`,
      [target.id],
    );
    assert.equal((await verify()).ok, true);
    assert.ok(a.body.id);
  });

  test('a screening altered in its own table breaks the link of the event that vouches for it', async () => {
    const s = await screen('Trumpf SE');
    const target = await eventOf(s.body.id);
    await asSuperuser(
      'screenings',
      'screenings_append_only',
      `UPDATE screenings SET result = jsonb_set(result::jsonb, '{decision}', '"block"')::json WHERE id = $1`,
      [s.body.id],
    );
    const broken = await verify();
    assert.equal(broken.ok, false);
    assert.equal(broken.firstBrokenId, target.id);
    assert.match(broken.detail ?? '', /result was altered/);
  });

  test('a removed event in the middle is reported at the row after the gap', async () => {
    // A fresh tenant, so the earlier deliberate breakage of tenant default does not mask this one.
    const created = await createTenantService(t.container.pool, t.container.keys).create('gap-bank', 'Gap');
    const key = created.key.key;
    const ids: string[] = [];
    for (const name of ['Alpha GmbH', 'Beta GmbH', 'Gamma GmbH']) {
      const r = await t
        .http()
        .post('/screen')
        .set(bearer(key))
        .send({ parties: [{ name }] });
      assert.equal(r.status, 200);
      ids.push(r.body.id);
    }
    const middle = await eventOf(ids[1]!);
    const last = await eventOf(ids[2]!);
    await asSuperuser('audit_events', 'audit_events_append_only', 'DELETE FROM audit_events WHERE id = $1', [
      middle.id,
    ]);
    const res = await t.http().get('/audit/verify').set(bearer(key));
    assertContract(res, 'verifyAuditChain');
    assert.equal(res.body.ok, false);
    assert.equal(res.body.firstBrokenId, last.id);
    assert.match(res.body.detail, /missing/);
  });
});
