import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { createTenantService } from '../../src/auth/tenant-service.ts';
import { assertContract, assertProblem } from '../support/contract.ts';
import {
  FIXTURE_BLOCKED_SHIPMENT,
  type ScreeningTestApp,
  startScreeningApp,
} from '../support/screening-app.ts';
import { bearer } from '../support/test-app.ts';

const DAY = 86_400_000;
let t: ScreeningTestApp;
before(async () => {
  t = await startScreeningApp();
});
after(async () => {
  await t?.close();
});

async function newTenant(prefix: string) {
  const b = await createTenantService(t.container.pool, t.container.keys).create(
    `${prefix}-${randomUUID().slice(0, 8)}`,
    'Dashboard tenant',
  );
  return { id: b.tenantId, key: b.key.key };
}

interface SeedFinding {
  kind: string;
  severity: 'info' | 'review' | 'block';
  source?: string;
  entry?: { id: string; name: string };
  suppressed?: { by: string; at: string; note: string };
}

/** Findings as the service stores them: a match names the entry of its list; a note about a list names none. */
const match = (source: string, kind = 'party_match', more: Partial<SeedFinding> = {}): SeedFinding => ({
  kind,
  severity: 'review',
  source,
  entry: { id: `${source}-1`, name: 'LISTED TRADING LLC' },
  ...more,
});
const staleNote = (source: string): SeedFinding => ({ kind: 'list_coverage', severity: 'info', source });
const redFlag = (): SeedFinding => ({ kind: 'red_flag', severity: 'review' });

interface Seed {
  daysAgo: number;
  decision: 'clear' | 'review' | 'block';
  findings?: SeedFinding[];
  status?: 'open' | 'in_review' | 'resolved';
}

/**
 * Screenings stored at known past times. POST /screen stamps the current time, so the past is written the way
 * the service stores a screening (the same columns: `sources` is every finding's source once), with the review
 * projection the reviews module keeps.
 */
async function seed(tenantId: string, seeds: Seed[], nowMs: number) {
  for (const s of seeds) {
    const id = randomUUID();
    const at = new Date(nowMs - s.daysAgo * DAY).toISOString();
    const findings = (s.findings ?? []).map((f, i) => ({ id: `f${i}`, reason: f.kind, ...f }));
    const sources = [...new Set(findings.flatMap((f) => (f.source ? [f.source] : [])))];
    await t.container.pool.query(
      `INSERT INTO screenings (id, tenant_id, api_key_id, decision, screened_at, policy_version, request, result,
         party_names, sources, entry_ids, request_hash, audit_seq)
       VALUES ($1, $2, 'k', $3, $4, 1, '{"parties":[]}', $5, '', $6, '{}', 'h', 1)`,
      [id, tenantId, s.decision, at, JSON.stringify({ findings }), sources],
    );
    const status = s.status ?? (s.decision === 'clear' ? 'resolved' : 'open');
    await t.container.pool.query(
      `INSERT INTO screening_review_state (screening_id, tenant_id, screened_at, status, outcome, updated_at)
       VALUES ($1, $2, $3, $4, NULL, $3)`,
      [id, tenantId, at, status],
    );
  }
}

const dateOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

interface Dashboard {
  from: string;
  days: number;
  perDay: {
    date: string;
    screenings: number;
    clear: number;
    review: number;
    block: number;
    reviews: number;
  }[];
  hitsBySource: { source: string; screenings: number }[];
  findingsByKind: { kind: string; findings: number }[];
  backlog: { total: number; buckets: { bucket: string; open: number; inReview: number }[] };
  lists: { id: string; stale: boolean; activeVersion: number | null; versions: { version: number }[] }[];
}

async function dashboard(key: string, query: Record<string, string | number> = {}): Promise<Dashboard> {
  const res = await t.http().get('/dashboard').query(query).set(bearer(key));
  assert.equal(res.status, 200, res.text);
  assertContract(res, 'getDashboard');
  return res.body as Dashboard;
}

describe('GET /dashboard', () => {
  test('counts screenings and decisions per UTC day over the window, with empty days as zeros', async () => {
    const a = await newTenant('dash-a');
    const now = Date.now();
    await seed(
      a.id,
      [
        { daysAgo: 2.5, decision: 'review' },
        { daysAgo: 2.5, decision: 'review' },
        { daysAgo: 2.5, decision: 'clear' },
        { daysAgo: 10, decision: 'block' },
        { daysAgo: 45, decision: 'block' },
      ],
      now,
    );
    // Today's screenings through the API: the live write path is counted as well as the seeded past.
    const blocked = await t.http().post('/screen').set(bearer(a.key)).send(FIXTURE_BLOCKED_SHIPMENT);
    assert.equal(blocked.status, 200, blocked.text);
    assert.equal(blocked.body.decision, 'block');
    const clear = await t
      .http()
      .post('/screen')
      .set(bearer(a.key))
      .send({ parties: [{ name: 'Harmless Export d.o.o.', country: 'RS' }] });
    assert.equal(clear.body.decision, 'clear', clear.text);

    // An officer's review of the block today: reviews are counted on the day they are made.
    const finding = blocked.body.findings[0] as { id: string };
    const reviewed = await t
      .http()
      .post(`/screenings/${blocked.body.id}/reviews`)
      .set(bearer(a.key))
      .send({ findingId: finding.id, disposition: 'true_match', note: 'Listed consignee, confirmed.' });
    assert.equal(reviewed.status, 201, reviewed.text);

    const d = await dashboard(a.key);
    assert.equal(d.days, 30);
    assert.equal(d.perDay.length, 30);
    assert.equal(d.from, d.perDay[0]!.date);
    const today = d.perDay.at(-1)!;
    assert.equal(today.date, dateOf(Date.now()));
    assert.deepEqual(
      {
        screenings: today.screenings,
        clear: today.clear,
        review: today.review,
        block: today.block,
        reviews: today.reviews,
      },
      { screenings: 2, clear: 1, review: 0, block: 1, reviews: 1 },
    );
    const byDate = new Map(d.perDay.map((x) => [x.date, x]));
    assert.deepEqual(byDate.get(dateOf(now - 2.5 * DAY)), {
      date: dateOf(now - 2.5 * DAY),
      screenings: 3,
      clear: 1,
      review: 2,
      block: 0,
      reviews: 0,
    });
    assert.equal(byDate.get(dateOf(now - 10 * DAY))?.block, 1);
    // 45 days ago is outside the default window, inside a 60-day one.
    assert.equal(
      d.perDay.reduce((n, x) => n + x.screenings, 0),
      6,
    );
    const wide = await dashboard(a.key, { days: 60 });
    assert.equal(wide.perDay.length, 60);
    assert.equal(
      wide.perDay.reduce((n, x) => n + x.screenings, 0),
      7,
    );
    // The live block's findings are counted by list and kind.
    assert.ok(wide.hitsBySource.some((h) => h.source === 'us-ofac-sdn' && h.screenings === 1));
    assert.ok(wide.findingsByKind.some((k) => k.kind === 'party_match'));
  });

  test('counts hits by list and findings by kind as stored, a new kind included, over review and block', async () => {
    const a = await newTenant('dash-k');
    const now = Date.now();
    await seed(
      a.id,
      [
        { daysAgo: 1, decision: 'review', findings: [redFlag(), match('un-sc')] },
        // Two matches on one list are one screening with hits of it.
        { daysAgo: 3, decision: 'block', findings: [match('un-sc'), match('un-sc'), match('eu-fsf')] },
        // A clear screening's suppressed finding is not a hit that reached an officer.
        { daysAgo: 1, decision: 'clear', findings: [match('uk-hmt')] },
      ],
      now,
    );
    const d = await dashboard(a.key);
    assert.deepEqual(d.hitsBySource, [
      { source: 'un-sc', screenings: 2 },
      { source: 'eu-fsf', screenings: 1 },
    ]);
    assert.deepEqual(d.findingsByKind, [
      { kind: 'party_match', findings: 4 },
      { kind: 'red_flag', findings: 1 },
    ]);
  });

  test('a stale list is not a hit: only findings that name an entry and are for the officer count', async () => {
    const a = await newTenant('dash-s');
    const now = Date.now();
    await seed(
      a.id,
      [
        // The UN list is stale: every screening carries its info note, including those held for other lists.
        {
          daysAgo: 1,
          decision: 'block',
          findings: [match('us-ofac-sdn', 'party_match', { severity: 'block' }), staleNote('un-sc')],
        },
        { daysAgo: 2, decision: 'review', findings: [redFlag(), staleNote('un-sc')] },
        // A goods rule of a control list is a hit of that list; the goods engine's coverage note names a rule
        // of the table it could not answer from, and is not a hit of it.
        {
          daysAgo: 2,
          decision: 'review',
          findings: [
            match('eu-dual-use', 'goods_control'),
            match('us-746-supp-4', 'list_coverage'),
            staleNote('un-sc'),
          ],
        },
        // Held for the red flag; its UN match was remembered as a false positive and an info match is below
        // the officer's threshold: neither is a hit.
        {
          daysAgo: 2,
          decision: 'review',
          findings: [
            redFlag(),
            match('un-sc', 'party_match', {
              suppressed: { by: 'k', at: new Date(now).toISOString(), note: 'n' },
            }),
            match('uk-hmt', 'party_match', { severity: 'info' }),
          ],
        },
      ],
      now,
    );
    const d = await dashboard(a.key);
    assert.deepEqual(d.hitsBySource, [
      { source: 'eu-dual-use', screenings: 1 },
      { source: 'us-ofac-sdn', screenings: 1 },
    ]);
    // The notes are still counted as findings of their kind: the kind chart shows what officers read.
    assert.equal(d.findingsByKind.find((k) => k.kind === 'list_coverage')?.findings, 4);
  });

  test('buckets the open backlog by age, now and whatever the window', async () => {
    const a = await newTenant('dash-b');
    const now = Date.now();
    await seed(
      a.id,
      [
        { daysAgo: 0.5, decision: 'review' },
        { daysAgo: 2, decision: 'review', status: 'in_review' },
        { daysAgo: 5, decision: 'block' },
        { daysAgo: 5, decision: 'review' },
        { daysAgo: 40, decision: 'review' },
        { daysAgo: 4, decision: 'review', status: 'resolved' },
      ],
      now,
    );
    const d = await dashboard(a.key, { days: 1 });
    assert.equal(d.perDay.length, 1);
    assert.equal(d.backlog.total, 5);
    assert.deepEqual(
      d.backlog.buckets.map((b) => [b.bucket, b.open, b.inReview]),
      [
        ['lt1d', 1, 0],
        ['1to3d', 0, 1],
        ['3to7d', 2, 0],
        ['gt7d', 1, 0],
      ],
    );
  });

  test("never mixes another tenant's screenings, hits or backlog into a tenant's dashboard", async () => {
    const a = await newTenant('dash-i');
    const b = await newTenant('dash-j');
    const now = Date.now();
    await seed(a.id, [{ daysAgo: 1, decision: 'review', findings: [match('un-sc')] }], now);
    await seed(
      b.id,
      [
        {
          daysAgo: 1,
          decision: 'block',
          findings: [redFlag(), match('uk-hmt', 'party_match', { severity: 'block' })],
        },
        { daysAgo: 1, decision: 'clear' },
        { daysAgo: 9, decision: 'review' },
      ],
      now,
    );
    const da = await dashboard(a.key);
    assert.equal(
      da.perDay.reduce((n, x) => n + x.screenings, 0),
      1,
    );
    assert.deepEqual(da.hitsBySource, [{ source: 'un-sc', screenings: 1 }]);
    assert.deepEqual(da.findingsByKind, [{ kind: 'party_match', findings: 1 }]);
    assert.equal(da.backlog.total, 1);
    const db = await dashboard(b.key);
    assert.equal(
      db.perDay.reduce((n, x) => n + x.screenings, 0),
      3,
    );
    assert.deepEqual(db.hitsBySource, [{ source: 'uk-hmt', screenings: 1 }]);
    assert.equal(db.backlog.total, 2);
  });

  test('lists each enabled source with its staleness and the versions in use during the window', async () => {
    const a = await newTenant('dash-l');
    const d = await dashboard(a.key);
    const sdn = d.lists.find((l) => l.id === 'us-ofac-sdn');
    assert.ok(sdn);
    assert.equal(typeof sdn.stale, 'boolean');
    assert.equal(sdn.activeVersion, 1);
    assert.deepEqual(
      sdn.versions.map((v) => v.version),
      [1],
    );
  });

  test('refuses a window past 366 days or below 1 as a problem, and needs audit:read', async () => {
    const a = await newTenant('dash-v');
    for (const days of [0, 367, 'many']) {
      const res = await t.http().get('/dashboard').query({ days }).set(bearer(a.key));
      assertProblem(res, 400);
      assertContract(res, 'getDashboard');
    }
    const screenOnly = await t.container.keys.create(null, a.id, { name: 'screen only', scopes: ['screen'] });
    const res = await t.http().get('/dashboard').set(bearer(screenOnly.key));
    assertProblem(res, 403);
    assertProblem(await t.http().get('/dashboard'), 401);
  });
});
