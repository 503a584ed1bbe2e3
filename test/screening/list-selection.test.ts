import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { selectionDetail, selectionProblems, selects } from '../../src/screening/list-selection.ts';

const LISTS = ['us-ofac-sdn', 'un-sc', 'chpl', 'embargoes', 'diversion-risk'];
const ctx = (excludable: string[] = [], tenantLists: string[] = ['custom:wl_a']) => ({
  listIds: LISTS,
  tenantLists,
  excludable,
});
const pointers = (p: ReturnType<typeof selectionProblems>) => p.errors.map((e) => e.pointer);

describe('selectionProblems', () => {
  test('no selection → nothing to check', () => {
    assert.deepEqual(selectionProblems(undefined, ctx()), { unknown: [], protectedLists: [], errors: [] });
    assert.deepEqual(selectionProblems({}, ctx()).errors, []);
  });

  test('an unknown id in include is named, with its pointer', () => {
    const p = selectionProblems({ include: ['us-ofac-sdn', 'nonexistent-typo'] }, ctx(LISTS));
    assert.deepEqual(p.unknown, ['nonexistent-typo']);
    assert.deepEqual(pointers(p), ['/options/lists/include/1']);
    assert.match(selectionDetail(p), /unknown lists: nonexistent-typo/);
  });

  test("another tenant's watchlist, or a watchlist id without its custom: prefix, is unknown", () => {
    const p = selectionProblems({ exclude: ['custom:wl_b', 'wl_a'] }, ctx(LISTS));
    assert.deepEqual(p.unknown, ['custom:wl_b', 'wl_a']);
  });

  test('the default policy (nothing excludable) refuses any exclusion of a catalog list', () => {
    const p = selectionProblems({ exclude: ['un-sc', 'diversion-risk'] }, ctx());
    assert.deepEqual(p.protectedLists, ['un-sc', 'diversion-risk']);
    assert.deepEqual(pointers(p), ['/options/lists/exclude/0', '/options/lists/exclude/1']);
    assert.match(selectionDetail(p), /does not let a request exclude: un-sc, diversion-risk/);
  });

  test('include leaving protected lists out names each of them', () => {
    const p = selectionProblems({ include: ['us-ofac-sdn'] }, ctx(['chpl']));
    assert.deepEqual(p.protectedLists, ['un-sc', 'embargoes', 'diversion-risk']);
    assert.ok(pointers(p).every((x) => x === '/options/lists/include'));
  });

  test('what the policy opens may be excluded; the tenant watchlists always may', () => {
    assert.deepEqual(selectionProblems({ exclude: ['un-sc', 'custom:wl_a'] }, ctx(['un-sc'])).errors, []);
    const allOpen = selectionProblems({ include: ['custom:wl_a'] }, ctx(LISTS));
    assert.deepEqual(allOpen.errors, []);
  });

  test('unknown and protected together are both reported', () => {
    const p = selectionProblems({ include: ['typo'] }, ctx());
    assert.deepEqual(p.unknown, ['typo']);
    assert.deepEqual(p.protectedLists, LISTS);
  });
});

test('selects: exclude wins over include; no include means every list', () => {
  assert.equal(selects(undefined, 'x'), true);
  assert.equal(selects({ exclude: ['x'] }, 'x'), false);
  assert.equal(selects({ include: ['x'], exclude: ['x'] }, 'x'), false);
  assert.equal(selects({ include: ['y'] }, 'x'), false);
  assert.equal(selects({ include: ['x'] }, 'x'), true);
});
