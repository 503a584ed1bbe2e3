import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { DashboardList } from '../../console/src/api-types.ts';
import { publicationAgeByDay, rankedSummary } from '../../console/src/pages/dashboard-data.ts';

const list = (versions: DashboardList['versions']): DashboardList => ({
  id: 'un-sc',
  title: 'UN',
  kind: 'sanctions',
  stale: false,
  activeVersion: versions[0]?.version ?? null,
  publishedAt: versions[0]?.publishedAt ?? null,
  versions,
});

describe('dashboard data', () => {
  test("ages each day by the publication of the version in use at the day's end", () => {
    const l = list([
      {
        version: 2,
        status: 'active',
        publishedAt: '2026-03-02T00:00:00Z',
        activatedAt: '2026-03-03T12:00:00Z',
        deactivatedAt: null,
      },
      {
        version: 1,
        status: 'superseded',
        publishedAt: '2026-02-20T00:00:00Z',
        activatedAt: '2026-02-28T09:00:00Z',
        deactivatedAt: '2026-03-03T12:00:00Z',
      },
    ]);
    const now = Date.parse('2026-03-04T06:00:00Z');
    const ages = publicationAgeByDay(
      l,
      ['2026-02-27', '2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04'],
      now,
    );
    // Nothing in use on 27 Feb; v1 (published 20 Feb) until 3 March, then v2; today is aged at `now`.
    assert.deepEqual(ages, [null, 10, 11, 2, 2]);
  });

  test('a version without a publication date draws no point', () => {
    const l = list([
      {
        version: 1,
        status: 'active',
        publishedAt: null,
        activatedAt: '2026-01-01T00:00:00Z',
        deactivatedAt: null,
      },
    ]);
    assert.deepEqual(publicationAgeByDay(l, ['2026-03-01'], Date.parse('2026-03-05T00:00:00Z')), [null]);
  });

  test('summarises the top three of a ranking, or says there is nothing', () => {
    assert.equal(rankedSummary('lists with hits', [], 'hits'), 'No lists with hits in this period.');
    assert.equal(
      rankedSummary(
        'finding kinds',
        [
          { name: 'party_match', count: 9 },
          { name: 'red_flag', count: 4 },
          { name: 'route', count: 2 },
          { name: 'destination', count: 1 },
        ],
        'findings',
      ),
      '4 finding kinds; most findings: party_match 9, red_flag 4, route 2.',
    );
  });
});
