import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pathologicalNames } from '../../bench/support/pathological-names.ts';
import { deletionHashes, tokenHash } from '../../src/parties/deletions.ts';
import { MAX_RUN_CHARS, segmentUnspaced } from '../../src/parties/segment.ts';
import { skeleton } from '../../src/parties/skeleton.ts';
import {
  glueKey,
  MAX_GLUE_CHARS,
  MAX_TOKEN_CHARS,
  MAX_TOKENS,
  tokenizeName,
} from '../../src/parties/tokenize.ts';

const words = (s: string) => segmentUnspaced(s).trim().split(/\s+/);
const skels = (s: string) => tokenizeName(s).skels;

test('Han characters and Hangul syllable blocks become one token each', () => {
  assert.deepEqual(words('金铁三'), ['金', '铁', '三']);
  assert.deepEqual(words('김영복'), ['김', '영', '복']);
  assert.deepEqual(tokenizeName('金铁三').words, ['jin', 'tie', 'san']);
  // Spacing is a writer's choice in these scripts: with or without it, the same tokens.
  assert.deepEqual(skels('김 영복'), skels('김영복'));
  assert.deepEqual(skels('長安 海連 技術'), skels('長安海連技術'));
});

test('Thai and kana go through the dictionary segmenter, spaced or not alike', () => {
  assert.ok(words('บริษัทไทยจำกัด').length >= 3, JSON.stringify(words('บริษัทไทยจำกัด')));
  assert.deepEqual(skels('บริษัท เอ็กโซร่า จำกัด'), skels('บริษัทเอ็กโซร่าจำกัด'));
  assert.deepEqual(skels('ソー・サン・アウン'), skels('ソーサンアウン'));
  assert.deepEqual(words('カザン火薬工場'), ['カザン', '火', '薬', '工', '場']);
});

test('other scripts pass unchanged', () => {
  for (const s of ['KIM Yong Bok', 'ООО Звезда', 'صدام حسين التكريتي', 'Ουρανός', 'Petrović & Co.']) {
    assert.equal(segmentUnspaced(s), s);
  }
});

test('an unspaced run is cut to MAX_RUN_CHARS before it is segmented', () => {
  const run = '가'.repeat(300);
  assert.equal(words(run).length, MAX_RUN_CHARS);
});

test('300-character names of every pathological class give at most 16 tokens of at most 32 letters', () => {
  for (const cls of ['hangul, unspaced', 'han, unspaced', 'kana, unspaced', 'thai, unspaced']) {
    for (const name of pathologicalNames(cls, 5, 7)) {
      const t = tokenizeName(name);
      assert.ok(t.skels.length > 1 && t.skels.length <= MAX_TOKENS, `${cls}: ${t.skels.length} tokens`);
      for (const s of t.skels) assert.ok(s.length <= MAX_TOKEN_CHARS, `${cls}: ${s}`);
    }
  }
  for (const cls of ['latin, unspaced', 'arabic, unspaced', 'digits']) {
    const [name] = pathologicalNames(cls, 1, 7);
    const t = tokenizeName(name!);
    assert.equal(t.skels.length, 1, cls);
    assert.ok(t.skels[0]!.length <= MAX_TOKEN_CHARS, `${cls}: ${t.skels[0]!.length} letters`);
  }
});

test('a glued pair longer than MAX_GLUE_CHARS has no key; shorter ones keep theirs', () => {
  assert.equal(glueKey('soha', 'info'), 'sohainfo');
  assert.equal(glueKey('volgograd', 'neftepererabotka'), skeleton('volgogradneftepererabotka'));
  const long = skeleton('konstruktorskotehnologicheskivolgogradneftepererabotka');
  assert.ok(long.length > MAX_GLUE_CHARS);
  assert.equal(glueKey('konstruktorskotehnologicheski', 'volgogradneftepererabotka'), undefined);
});

test('deletion hashes are the hashes of the deletion strings themselves', () => {
  // The hash of a string with characters deleted is assembled from prefix hashes: it must equal the hash of
  // that string computed directly, or a list word and a typo of it would never meet.
  for (const token of ['petrov', 'bitteriia', 'konstruktorskotehnologicheski', 'aabbccdd']) {
    const got = deletionHashes(token, new Set());
    assert.ok(got.has(tokenHash(token)));
    for (let i = 0; i < token.length; i++) {
      const d1 = token.slice(0, i) + token.slice(i + 1);
      assert.ok(got.has(tokenHash(d1)), `${token} without ${i}`);
      if (token.length < 8) continue;
      for (let j = i + 1; j < token.length; j++) {
        const d2 = token.slice(0, i) + token.slice(i + 1, j) + token.slice(j + 1);
        assert.ok(got.has(tokenHash(d2)), `${token} without ${i}, ${j}`);
      }
    }
  }
  // Short words must be equal (maxEdits 0): only their own hash.
  assert.deepEqual([...deletionHashes('ivo', new Set())], [tokenHash('ivo')]);
  // Past the backstop, only the token's own hash, however long.
  assert.equal(deletionHashes('x'.repeat(1000), new Set()).size, 1);
});
