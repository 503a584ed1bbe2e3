import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { createTenantService } from '../../src/auth/tenant-service.ts';
import { startScreenJobsWorker } from '../../workers/screen-jobs-worker.ts';
import { results, upload, waitDone } from '../screen-jobs/support.ts';
import { assertContract } from '../support/contract.ts';
import { FIXTURE_SDN_ROWS, type ScreeningTestApp, startScreeningApp } from '../support/screening-app.ts';
import { bearer } from '../support/test-app.ts';

/**
 * The security review's finding, through the real app: a `screen` key used to name a nonexistent list in
 * `include`, or exclude every list, and mint an audited `clear` for a sanctioned bank, an embargoed
 * destination and a dual-use item. List selection is now checked against the lists and the tenant policy,
 * and no selection can take a screening below `review`.
 */
const MELLI = '91004,"BANK MELLI IRAN",-0- ,"IRAN",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"Tehran, Iran."';

const shipment = (reference: string, lists?: { include?: string[]; exclude?: string[] }) => ({
  reference,
  parties: [{ role: 'bank', kind: 'organization', name: 'Bank Melli Iran', country: 'IR' }],
  goods: [{ controlNumber: '3A001', description: 'microwave integrated circuits' }],
  route: { destination: 'KP' },
  ...(lists ? { options: { lists } } : {}),
});

let t: ScreeningTestApp;
let worker: { close(): Promise<void> };
/** Every list the fixture deployment screens against: OFAC SDN and the shipped control lists. */
let ALL: string[];
let CONTROL: string[];

before(async () => {
  t = await startScreeningApp({ rows: [...FIXTURE_SDN_ROWS, MELLI] });
  worker = startScreenJobsWorker(t.container);
  ALL = t.container.lists.catalog.sources.map((s) => s.id);
  CONTROL = t.container.lists.catalog.sources.filter((s) => s.kind === 'export_control').map((s) => s.id);
});
after(async () => {
  await worker?.close();
  await t?.close();
});

/** A tenant of its own per test, with its policy opening `excludable` (through PUT /policy) when given. */
async function tenant(excludable?: string[]) {
  const b = await createTenantService(t.container.pool, t.container.keys).create(
    `ls-${randomUUID().slice(0, 8)}`,
    'List selection tenant',
  );
  const key = b.key.key;
  if (excludable) {
    const res = await t.http().put('/policy').set(bearer(key)).send({ excludableLists: excludable });
    assert.equal(res.status, 200, res.text);
    assertContract(res, 'updatePolicy');
  }
  return { id: b.tenantId, key };
}

const screen = (key: string, body: unknown) =>
  t
    .http()
    .post('/screen')
    .set(bearer(key))
    .send(body as object);

async function screeningsOf(tenantId: string) {
  const { rows } = await t.container.pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM audit_events WHERE tenant_id = $1 AND type = 'screening'`,
    [tenantId],
  );
  return rows[0]!.n;
}

const ids = (findings: { id: string }[]) => findings.map((f) => f.id);

describe('unknown list ids', () => {
  test('include: ["nonexistent-typo"] → 400 naming it, even when every list is open; nothing audited', async () => {
    for (const excludable of [undefined, ALL]) {
      const tn = await tenant(excludable);
      const res = await screen(tn.key, shipment('typo', { include: ['nonexistent-typo'] }));
      assert.equal(res.status, 400, res.text);
      assertContract(res, 'screen');
      assert.match(res.body.detail, /unknown lists: nonexistent-typo/);
      const typo = res.body.errors.find((e: { pointer: string }) => e.pointer === '/options/lists/include/0');
      assert.match(typo.message, /nonexistent-typo/);
      assert.equal(await screeningsOf(tn.id), 0);
    }
  });

  test('a batch item with an unknown id fails alone, naming it; the other items are screened', async () => {
    const tn = await tenant();
    const res = await t
      .http()
      .post('/screen/batch')
      .set(bearer(tn.key))
      .send({
        items: [
          shipment('b-0'),
          shipment('b-1', { exclude: ['us-ofac-sdm'] }),
          { reference: 'b-2', parties: [{ name: 'Bosch GmbH' }] },
        ],
      });
    assert.equal(res.status, 200, res.text);
    assertContract(res, 'screenBatch');
    const [first, second, third] = res.body.items;
    assert.equal(first.result.decision, 'block');
    assert.equal(second.error.status, 400);
    assert.match(second.error.detail, /unknown lists: us-ofac-sdm/);
    assert.equal(second.error.errors[0].pointer, '/options/lists/exclude/0');
    assert.equal(third.result.decision, 'clear');
    assert.equal(await screeningsOf(tn.id), 2);
  });

  test('a screen-job row with an unknown id is a row error naming it; the other rows are screened', async () => {
    const tn = await tenant();
    const lines = [
      shipment('j-1'),
      shipment('j-2', { include: ['us-ofac-sdn', 'nonexistent-typo'] }),
      { reference: 'j-3', parties: [{ name: 'Bosch GmbH' }] },
    ].map((r) => JSON.stringify(r));
    const created = await upload(t, tn.key, 'application/x-ndjson', `${lines.join('\n')}\n`);
    assert.equal(created.status, 202, created.text);
    const job = await waitDone(t, tn.key, created.body.id);
    assert.deepEqual(job.counts, { clear: 1, review: 0, block: 1, error: 1 });
    const out = ((await results(t, tn.key, created.body.id)).body as string)
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.equal(out[0].decision, 'block');
    assert.equal(out[1].error.status, 400);
    assert.match(out[1].error.detail, /unknown lists: nonexistent-typo/);
    assert.equal(out[1].screeningId, undefined);
    assert.equal(out[2].decision, 'clear');
  });

  test("the tenant's own watchlist is a known id; another tenant's is not", async () => {
    const mine = await tenant();
    const other = await tenant();
    const created = await t.http().post('/watchlists').set(bearer(other.key)).send({ name: 'Theirs' });
    assert.equal(created.status, 201, created.text);
    const theirs = `custom:${created.body.id}`;
    const own = await t.http().post('/watchlists').set(bearer(mine.key)).send({ name: 'Mine' });
    // Excluding its own watchlist needs no policy: the list is the tenant's.
    const ok = await screen(mine.key, shipment('wl-own', { exclude: [`custom:${own.body.id}`] }));
    assert.equal(ok.status, 200, ok.text);
    assert.equal(ok.body.decision, 'block');
    const res = await screen(mine.key, shipment('wl-other', { exclude: [theirs] }));
    assert.equal(res.status, 400, res.text);
    assertContract(res, 'screen');
    assert.match(res.body.detail, new RegExp(`unknown lists: ${theirs}`));
  });

  test('asOf: an unknown id is refused there too', async () => {
    const tn = await tenant(ALL);
    const res = await screen(tn.key, {
      ...shipment('asof-typo', { exclude: ['nonexistent-typo'] }),
      options: { asOf: new Date().toISOString(), lists: { exclude: ['nonexistent-typo'] } },
    });
    assert.equal(res.status, 400, res.text);
    assert.match(res.body.detail, /unknown lists: nonexistent-typo/);
  });
});

describe('the floor: no selection makes a screening clear', () => {
  test('every list excluded (exclude all, or include nothing) under a policy that opens them → review, never clear', async () => {
    const tn = await tenant(ALL);
    for (const lists of [{ exclude: ALL }, { include: [] }]) {
      const res = await screen(tn.key, shipment('all-excluded', lists));
      assert.equal(res.status, 200, res.text);
      assertContract(res, 'screen');
      assert.equal(res.body.decision, 'review', JSON.stringify(lists));
      assert.deepEqual(ids(res.body.findings).sort(), [
        'list_coverage:no-export-control-list',
        'list_coverage:no-sanctions-list',
      ]);
      assert.ok(res.body.listVersions.every((v: { status: string }) => v.status === 'excluded'));
    }
    const { rows } = await t.container.pool.query(
      `SELECT payload->>'decision' AS decision FROM audit_events WHERE tenant_id = $1 AND type = 'screening'`,
      [tn.id],
    );
    assert.deepEqual(
      rows.map((r) => r.decision),
      ['review', 'review'],
    );
  });

  test('goods and destination with every export-control list excluded → review with the finding, not clear', async () => {
    const tn = await tenant(CONTROL);
    const goods = {
      parties: [{ name: 'Harmless Trading d.o.o.', country: 'RS' }],
      goods: [{ controlNumber: '3A001' }],
      route: { destination: 'KP' },
    };
    const full = await screen(tn.key, goods);
    assert.equal(full.body.decision, 'block', full.text);
    const res = await screen(tn.key, { ...goods, options: { lists: { exclude: CONTROL } } });
    assert.equal(res.status, 200, res.text);
    assertContract(res, 'screen');
    assert.equal(res.body.decision, 'review');
    assert.deepEqual(ids(res.body.findings), ['list_coverage:no-export-control-list']);
  });

  test('asOf before any list was loaded → review with the floor finding', async () => {
    const tn = await tenant();
    const res = await screen(tn.key, {
      parties: [{ name: 'Bank Melli Iran' }],
      options: { asOf: '2001-01-01T00:00:00Z' },
    });
    assert.equal(res.status, 200, res.text);
    assertContract(res, 'screen');
    assert.equal(res.body.decision, 'review');
    assert.ok(ids(res.body.findings).includes('list_coverage:no-sanctions-list'));
  });
});

describe('which lists a request may exclude is tenant policy', () => {
  test('the default protects every list: excluding all → 400 naming each one', async () => {
    const tn = await tenant();
    const res = await screen(tn.key, shipment('default-all', { exclude: ALL }));
    assert.equal(res.status, 400, res.text);
    assertContract(res, 'screen');
    for (const id of ALL) assert.match(res.body.detail, new RegExp(`\\b${id}\\b`));
    assert.equal(res.body.errors.length, ALL.length);
    assert.equal(await screeningsOf(tn.id), 0);
  });

  test('a policy opening us-ofac-sdn lets it be excluded (audited change); the default does not', async () => {
    const open = await tenant(['us-ofac-sdn']);
    const { rows } = await t.container.pool.query(
      `SELECT payload FROM audit_events WHERE tenant_id = $1 AND type = 'policy.changed'`,
      [open.id],
    );
    assert.deepEqual(
      rows.map((r) => r.payload.settings.excludableLists),
      [['us-ofac-sdn']],
    );
    const policy = await t.http().get('/policy').set(bearer(open.key));
    assertContract(policy, 'getPolicy');
    assert.deepEqual(policy.body.excludableLists, ['us-ofac-sdn']);

    const res = await screen(open.key, shipment('open-sdn', { exclude: ['us-ofac-sdn'] }));
    assert.equal(res.status, 200, res.text);
    assertContract(res, 'screen');
    const sdn = res.body.listVersions.find((v: { source: string }) => v.source === 'us-ofac-sdn');
    assert.equal(sdn.status, 'excluded');
    assert.ok(!res.body.findings.some((f: { kind: string }) => f.kind === 'party_match'));
    // The destination and the goods still block; without them the floor keeps the party at review.
    assert.equal(res.body.decision, 'block');
    const partyOnly = await screen(open.key, {
      parties: [{ name: 'Bank Melli Iran' }],
      options: { lists: { exclude: ['us-ofac-sdn'] } },
    });
    assert.equal(partyOnly.body.decision, 'review', partyOnly.text);
    assert.deepEqual(ids(partyOnly.body.findings), ['list_coverage:no-sanctions-list']);

    const closed = await tenant();
    const refused = await screen(closed.key, shipment('closed-sdn', { exclude: ['us-ofac-sdn'] }));
    assert.equal(refused.status, 400, refused.text);
    assert.match(refused.body.detail, /does not let a request exclude: us-ofac-sdn/);
  });

  test('a listed party asking to drop the protected sanctions list gets a 400; without it, block', async () => {
    const tn = await tenant(['diversion-risk']);
    const body = {
      parties: [{ role: 'bank', kind: 'organization', name: 'Bank Melli Iran', country: 'IR' }],
    };
    const res = await screen(tn.key, {
      ...body,
      options: { lists: { exclude: ['us-ofac-sdn', 'diversion-risk'] } },
    });
    assert.equal(res.status, 400, res.text);
    assertContract(res, 'screen');
    assert.match(res.body.detail, /does not let a request exclude: us-ofac-sdn$/);
    assert.deepEqual(
      res.body.errors.map((e: { pointer: string }) => e.pointer),
      ['/options/lists/exclude/0'],
    );
    // include leaving it out is the same request in other words.
    const viaInclude = await screen(tn.key, { ...body, options: { lists: { include: CONTROL } } });
    assert.equal(viaInclude.status, 400, viaInclude.text);
    assert.match(viaInclude.body.detail, /us-ofac-sdn/);
    const allowed = await screen(tn.key, { ...body, options: { lists: { exclude: ['diversion-risk'] } } });
    assert.equal(allowed.status, 200, allowed.text);
    assert.equal(allowed.body.decision, 'block');
    assert.equal(await screeningsOf(tn.id), 1);
  });

  test('PUT /policy naming a list this deployment does not have → 400; the policy is unchanged', async () => {
    const tn = await tenant();
    const before = await t.http().get('/policy').set(bearer(tn.key));
    const res = await t
      .http()
      .put('/policy')
      .set(bearer(tn.key))
      .send({ excludableLists: ['chpl', 'us-ofac-sdm'] });
    assert.equal(res.status, 400, res.text);
    assertContract(res, 'updatePolicy');
    assert.equal(res.body.errors[0].pointer, '/excludableLists/1');
    assert.match(res.body.detail, /us-ofac-sdm/);
    const after = await t.http().get('/policy').set(bearer(tn.key));
    assert.equal(after.body.version, before.body.version);
    assert.deepEqual(after.body.excludableLists, []);
  });
});
