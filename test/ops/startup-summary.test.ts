import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startupSummary } from '../../src/ops/startup-summary.ts';

const sources = [
  { id: 'us-ofac-sdn', kind: 'sanctions' as const },
  { id: 'un-sc', kind: 'sanctions' as const },
  { id: 'chpl', kind: 'export_control' as const },
];

test('a first run with nothing loaded says where the console and docs are, how to get a key, and that no list is in', () => {
  const lines = startupSummary({
    baseUrl: 'http://localhost:8080',
    sources,
    loaded: new Set(['chpl']),
    bootstrapKey: false,
  });
  assert.match(lines[0]!, /http:\/\/localhost:8080\/console\/.*http:\/\/localhost:8080\/docs/);
  assert.match(lines[1]!, /tenant:create/);
  assert.equal(lines[2], 'lists: 1 of 3 enabled sources loaded (not yet: us-ofac-sdn, un-sc)');
  assert.match(lines[3]!, /no sanctions list is loaded yet/);
});

test('with a sanctions list loaded and a bootstrap key there is no warning line', () => {
  const lines = startupSummary({
    baseUrl: 'http://h:1',
    sources,
    loaded: new Set(['us-ofac-sdn', 'un-sc', 'chpl']),
    bootstrapKey: true,
  });
  assert.equal(lines.length, 3);
  assert.match(lines[1]!, /TRADESCREEN_ADMIN_KEY you set/);
  assert.equal(lines[2], 'lists: 3 of 3 enabled sources loaded');
});
