import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type LoadedVersion, listReadiness } from '../../src/lists/list-readiness.ts';
import { BUILT_IN_SOURCES } from '../../src/lists/source-registry.ts';

const now = Date.parse('2026-12-07T00:00:00Z');
const recent = '2026-12-01T00:00:00Z';
const loaded = (...ids: string[]) =>
  new Map<string, LoadedVersion>(ids.map((id) => [id, { sourceId: id, publishedAt: recent }]));
const sources = (...ids: string[]) => BUILT_IN_SOURCES.filter((s) => ids.includes(s.id));

describe('listReadiness', () => {
  test('every enabled source loaded: ready, not degraded', () => {
    const c = listReadiness(sources('un-sc', 'eu-fsf', 'eu-oj'), loaded('un-sc', 'eu-fsf', 'eu-oj'), now);
    assert.equal(c.ok, true);
    assert.equal(c.degraded, undefined);
  });

  test('the official EU file missing while the Official Journal transcription is loaded: ready, degraded, naming both', () => {
    const c = listReadiness(sources('un-sc', 'eu-fsf', 'eu-oj'), loaded('un-sc', 'eu-oj'), now);
    assert.equal(c.ok, true);
    assert.equal(c.degraded, true);
    assert.match(c.detail ?? '', /eu-fsf not loaded \(its list is screened from eu-oj\)/);
  });

  test('neither EU source loaded: not ready, both named', () => {
    const c = listReadiness(sources('un-sc', 'eu-fsf', 'eu-oj'), loaded('un-sc'), now);
    assert.equal(c.ok, false);
    assert.equal(c.detail, 'not loaded: eu-fsf, eu-oj');
  });

  test('a source no other stands in for is required: UN missing is not ready', () => {
    const c = listReadiness(sources('un-sc', 'eu-fsf', 'eu-oj'), loaded('eu-fsf', 'eu-oj'), now);
    assert.equal(c.ok, false);
    assert.equal(c.detail, 'not loaded: un-sc');
  });

  test('the EU’s official list is enabled by default, with the public download token', () => {
    const fsf = BUILT_IN_SOURCES.find((s) => s.id === 'eu-fsf')!;
    assert.equal(fsf.enabledByDefault, true);
    assert.match(fsf.files[0]!.url, /[?&]token=dG9rZW4tMjAxNw$/);
  });
});
