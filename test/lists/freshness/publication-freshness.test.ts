import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  PUBLICATION_LIMITS,
  publicationFreshness,
} from '../../../src/lists/freshness/publication-freshness.ts';
import { BUILT_IN_SOURCES } from '../../../src/lists/source-registry.ts';

const DAY = 86_400_000;
const now = Date.parse('2026-12-06T12:00:00Z');

test('every built-in sanctions source has a publication limit', () => {
  for (const s of BUILT_IN_SOURCES) assert.ok(PUBLICATION_LIMITS.has(s.id), `${s.id} has no limit`);
});

test('a version older than its source limit is stale, and the reason names the date and the limit', () => {
  const limit = PUBLICATION_LIMITS.get('us-bis-dpl')!.maxAgeDays;
  const atLimit = new Date(now - limit * DAY).toISOString();
  const pastLimit = new Date(now - (limit + 1) * DAY).toISOString();
  assert.deepEqual(publicationFreshness('us-bis-dpl', atLimit, now), { stale: false });
  const old = publicationFreshness('us-bis-dpl', pastLimit, now);
  assert.equal(old.stale, true);
  assert.match(old.reason!, new RegExp(`${pastLimit.slice(0, 10)}, ${limit + 1} days ago`));
  assert.match(old.reason!, new RegExp(`more than ${limit} days`));
  // The Denied Persons List of November 2023 (issue 23): stale in December 2026, whenever it was fetched.
  assert.equal(publicationFreshness('us-bis-dpl', '2023-11-15T00:00:00Z', now).stale, true);
});

test('versions without a publication date, and sources without a limit, are not judged here', () => {
  assert.deepEqual(publicationFreshness('us-ofac-sdn', null, now), { stale: false });
  assert.deepEqual(publicationFreshness('us-ofac-sdn', 'not a date', now), { stale: false });
  assert.deepEqual(publicationFreshness('custom:tenant-list', '2001-01-01', now), { stale: false });
});
