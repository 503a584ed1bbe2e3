import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { alignedPairs, alignedSegments, wordKey } from '../../console/src/aligned-words.ts';

// The explanation strings below are as src/parties/name-explain.ts writes them (seen in the console seed).
describe('aligned words of a name explanation', () => {
  test('pairs are read from the part before the first semicolon', () => {
    assert.deepEqual(
      alignedPairs(
        'kominvex=kominvex (exact); unmatched: list beograd; query covered 100%, entry name covered 80%',
      ),
      [{ query: ['kominvex'], list: ['kominvex'], grade: 'exact' }],
    );
    assert.deepEqual(alignedPairs('abd+alrahman=abdulrahman (glued 0.92), harbi≈harby (translit 0.97)'), [
      { query: ['abd', 'alrahman'], list: ['abdulrahman'], grade: 'glued 0.92' },
      { query: ['harbi'], list: ['harby'], grade: 'translit 0.97' },
    ]);
    assert.deepEqual(alignedPairs('no word aligned; unmatched: query x'), []);
    assert.deepEqual(alignedPairs(undefined), []);
  });

  test('both sides mark the aligned words of the displayed names, and only those', () => {
    const pairs = alignedPairs(
      'ivan=ivan (exact), sergeevich=sergeevich (exact), petrov=petrov (exact); query covered 100%',
    );
    const marked = (name: string, side: 'query' | 'list') =>
      alignedSegments(name, pairs, side)
        .filter((s) => s.pair)
        .map((s) => s.text);
    assert.deepEqual(marked('Ivan Sergeevich Petrov', 'query'), ['Ivan', 'Sergeevich', 'Petrov']);
    assert.deepEqual(marked('PETROV, Ivan Sergeevich', 'list'), ['PETROV', 'Ivan', 'Sergeevich']);
    const partial = alignedPairs('kominvex=kominvex (exact); unmatched: list beograd');
    assert.deepEqual(
      alignedSegments('KOMINVEX DOO BEOGRAD', partial, 'list').map((s) => [s.text, !!s.pair]),
      [
        ['KOMINVEX', true],
        [' ', false],
        ['DOO', false],
        [' ', false],
        ['BEOGRAD', false],
      ],
    );
    assert.equal(
      alignedSegments('Ivan Petrov', pairs, 'query')
        .map((s) => s.text)
        .join(''),
      'Ivan Petrov',
      'the name reads as it was written',
    );
  });

  test('word keys drop accents and punctuation, as the engine does', () => {
    assert.equal(wordKey('d.o.o.'), 'doo');
    assert.equal(wordKey('Müller'), 'muller');
    assert.equal(wordKey('Звезда'), 'звезда', 'another script keeps no Latin key and is not marked');
  });
});
