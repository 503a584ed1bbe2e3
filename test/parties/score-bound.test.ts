import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ListEntity } from '../../src/entity/list-entity.ts';
import { buildIndexData } from '../../src/parties/build-index.ts';
import type { IndexData } from '../../src/parties/index-data.ts';
import { scoreName } from '../../src/parties/name-score.ts';
import { indexLinks, prepareName } from '../../src/parties/prepare-query.ts';
import { nameScoreBound, queryShape } from '../../src/parties/score-bound.ts';
import { ENTRIES, filler, mk } from './fixtures.ts';
import { variantQueries } from './recall-check.ts';

/**
 * The bound decides which candidates are scored at all (search.ts): one below a name's real score loses a hit
 * without a trace. Every query is compared with every list name, both ways of reading it.
 */
function assertBounds(d: IndexData, names: string[]): void {
  const broken: string[] = [];
  for (const raw of names) {
    for (const person of [false, true]) {
      const q = prepareName(d, raw, person, indexLinks, undefined, true);
      if (!q) continue;
      const shape = queryShape(q);
      for (let n = 0; n < d.nameEntity.length; n++) {
        const score = scoreName(d, q, n).score;
        const bound = nameScoreBound(d, q, shape, n);
        if (score > bound + 1e-6)
          broken.push(`${raw} (${person ? 'person' : 'other'}) on name ${n}: ${score} > ${bound}`);
      }
    }
  }
  assert.deepEqual(broken, []);
}

// Invented names that exercise each rule the bound follows: initials, acronyms, nasab markers on one side,
// a given and family name inside a longer name, an organisation's name as a phrase of a longer one.
const SHAPES: ListEntity[] = [
  mk('B1', 'Tarvek ben Halum ben Sadir Quorani', { kind: 'person' }),
  mk('B2', 'QUORANI, Tarvek Halum Sadir', { kind: 'person' }),
  mk('B3', 'Joint Stock Company Special Economic Zone of Industrial Production Velmora'),
  mk(
    'B4',
    'Brenholt Vessel Design and Technological Bureau Named After K. Ostrander Public Joint Stock Company',
  ),
  mk('B5', 'V. Dravoskin', { kind: 'person' }),
  mk('B6', 'Ilarion Petrovich Semyon Arkadyevich DRAVOSKIN', { kind: 'person' }),
  mk('B7', 'Tarvek Halum Sadir Nizar Ebrak QUORANI', { kind: 'person' }),
  mk('B8', 'ZELVANOV, Orest', { kind: 'person' }),
  // A listed Arabic compound keyed as one word of three (GLUE_TRIPLE): "Abdulvarim" meets "Abd al-Varim".
  mk('B9', 'QELMANI, Abd al-Varim', { kind: 'person' }),
];

test('the name score never exceeds its bound (invented entities)', () => {
  const entities = [...ENTRIES, ...filler(), ...SHAPES];
  const d = buildIndexData(entities);
  const typed = [
    'Tarvek Halum Sadir Quorani',
    'Tarvek bin Halum Quorani',
    'JSC SEZ Velmora',
    'SEZ Velmora',
    'Brenholt Vessel Design Bureau',
    'Vessel Design and Technological Bureau',
    'I. Dravoskin',
    'Ilarion Dravoskin',
    'QUORANI, Tarvek',
    'Orest Semyon Vadimir Gennady Zelvanov',
    'Tarvek Halum Quorani Sadir Nizar Ebrak Fellan',
    'Dravoskin Ilarion Petrovich Senior',
    'Abdulvarim Qelmani Tarvek',
  ];
  assertBounds(d, [...typed, ...variantQueries(entities, 150, 5).map((q) => q.name)]);
});
