import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ScreenRequest } from '../../src/contract/screening-types.ts';
import type { Principal } from '../../src/principal/scopes.ts';
import type { ScreeningDeps } from '../../src/screening/screening-deps.ts';
import {
  createScreeningService,
  SCREENING_CORE,
  type ScreeningCore,
  type ScreeningService,
} from '../../src/screening/screening-service.ts';
import { screeningWrite } from '../../src/writes/screening-write.ts';
import {
  FIXTURE_BLOCKED_SHIPMENT,
  type ScreeningTestApp,
  startScreeningApp,
} from '../support/screening-app.ts';
import { watchlistWith } from '../support/watchlist.ts';

let t: ScreeningTestApp;
let principal: Principal;
before(async () => {
  t = await startScreeningApp();
  principal = (await t.container.keys.authenticate(t.adminKey))!;
  // The tenant has a watchlist: before named dependencies, its search read the policy a second time.
  await watchlistWith(
    t,
    t.adminKey,
    'Internal risk',
    'id,name,kind\nC-1,Karakum Logistics LLP,organization\n',
  );
});
after(async () => {
  await t?.close();
});

type Counts = Record<string, number>;

/** A screening service over the container's real dependencies and pure steps, each wrapped to count calls. */
function countedService(): { service: ScreeningService; counts: Counts } {
  const counts: Counts = {};
  const count =
    <A extends unknown[], R>(name: string, fn: (...a: A) => R) =>
    (...a: A): R => {
      counts[name] = (counts[name] ?? 0) + 1;
      return fn(...a);
    };
  const c = t.container;
  const deps: ScreeningDeps = {
    pool: c.pool,
    lists: c.lists,
    policy: { current: count('policy', (id: string) => c.policies.current(id)) },
    watchlists: {
      sourceIds: count('sourceIds', c.watchlists.sourceIds),
      inForce: count('inForce', c.watchlists.inForce),
    },
    falsePositives: { suppressRemembered: count('suppress', c.reviews.falsePositives.suppressRemembered) },
    write: screeningWrite,
    licensing: { mark: count('licensing', c.licences.licensing.mark) },
  };
  const core: ScreeningCore = {
    requestProblems: count('requestProblems', SCREENING_CORE.requestProblems),
    screenCase: count('screenCase', SCREENING_CORE.screenCase),
    conclude: count('conclude', SCREENING_CORE.conclude),
  };
  return { service: createScreeningService(deps, core), counts };
}

const SHIPMENT: ScreenRequest = {
  ...(FIXTURE_BLOCKED_SHIPMENT as ScreenRequest),
  parties: [
    ...(FIXTURE_BLOCKED_SHIPMENT as ScreenRequest).parties,
    { role: 'end_user', kind: 'organization', name: 'Karakum Logistics LLP' },
  ],
  options: { lists: { exclude: [] } },
};

describe('one screening: each step once, in one path', () => {
  test('validated once, policy read once, watchlists, licences and suppression once, decided once', async () => {
    const { service, counts } = countedService();
    const { result } = await service.screen(principal, SHIPMENT);
    assert.deepEqual(counts, {
      requestProblems: 1,
      policy: 1,
      sourceIds: 1,
      inForce: 1,
      screenCase: 1,
      licensing: 1,
      suppress: 1,
      conclude: 1,
    });
    // The one decision counts the watchlist hit and the shared lists together, most severe first.
    assert.equal(result.decision, 'block');
    assert.ok(result.findings.some((f) => f.source?.startsWith('custom:') && f.entry?.id === 'C-1'));
    const ranks = result.findings.map((f) => ({ block: 0, review: 1, info: 2 })[f.severity]);
    assert.deepEqual(
      ranks,
      [...ranks].sort((a, b) => a - b),
    );
  });

  test('a batch: each item once; an item with a bad goods line stops before the policy is read', async () => {
    const { service, counts } = countedService();
    const bad: ScreenRequest = { ...SHIPMENT, goods: [{ code: 'not a code' }] };
    const rows = await service.screenMany(principal, [
      { index: 0, req: SHIPMENT },
      { index: 1, req: bad },
      {
        index: 2,
        req: { parties: [{ name: 'Harmless Bakery of Ljubljana', role: 'customer', kind: 'organization' }] },
      },
    ]);
    assert.deepEqual(
      rows.map((r) => [r.index, r.row?.decision ?? r.error?.status]),
      [
        [0, 'block'],
        [1, 400],
        [2, 'clear'],
      ],
    );
    assert.equal(counts.requestProblems, 3);
    assert.equal(counts.policy, 2);
    assert.equal(counts.screenCase, 2);
    assert.equal(counts.conclude, 2);
  });

  test('the one statement stored the screening with its audit event, names and review state', async () => {
    const { service } = countedService();
    const { result } = await service.screen(principal, SHIPMENT);
    const { rows } = await t.container.pool.query(
      `SELECT (SELECT count(*) FROM screenings WHERE id = $1)::int AS screenings,
              (SELECT count(*) FROM audit_events WHERE type = 'screening' AND payload->>'screeningId' = $1::text)::int AS events,
              (SELECT count(*) FROM screening_party_hits WHERE screening_id = $1)::int AS names,
              (SELECT status FROM screening_review_state WHERE screening_id = $1) AS status`,
      [result.id],
    );
    assert.deepEqual(rows[0], { screenings: 1, events: 1, names: 3, status: 'open' });
  });
});
