import assert from 'node:assert/strict';
import { test } from 'node:test';
import { legalAgrees, legalFamilies } from '../../src/parties/legal-forms.ts';
import {
  CEIL_BELOW,
  CEIL_NONE,
  CEIL_REVIEW,
  CEILING_REASONS,
  ceilingReason,
  type MatchShape,
} from '../../src/parties/name-ceiling.ts';
import { tokenizeName } from '../../src/parties/tokenize.ts';

// The pure rules behind "Names that cannot decide alone" (CALIBRATION.md), without an index.
const shape = (s: Partial<MatchShape>): MatchShape => ({
  chars: 12,
  pairs: 2,
  corePairs: 2,
  coreChars: 12,
  weak: false,
  listLeftOver: false,
  listLeftOverWord: false,
  onlyAlike: false,
  onlyAlikeCore: false,
  commonInLonger: false,
  commonPartly: false,
  org: true,
  queryLeftOver: false,
  kindLeftOver: false,
  sameLegal: true,
  looseGlued: false,
  ...s,
});
const ceiling = (s: Partial<MatchShape>) => CEILING_REASONS[ceilingReason(shape(s))]!.ceiling;
const families = (name: string) => legalFamilies(tokenizeName(name).legal);

test('three letters: an organisation needs the whole query and an agreeing legal-form family', () => {
  const three = { chars: 3, pairs: 1, corePairs: 1, coreChars: 3 };
  assert.equal(ceiling({ ...three }), CEIL_REVIEW, '"ACB" on "ACB"');
  assert.equal(ceiling({ ...three, sameLegal: false }), CEIL_BELOW, '"NEC Corporation" on "JSC NEC"');
  assert.equal(ceiling({ ...three, queryLeftOver: true }), CEIL_BELOW, '"ANZ Group Holdings" on "LLC ANZ"');
  // A person's name keeps the rule it had: the whole list name reaches review.
  assert.equal(ceiling({ ...three, org: false, sameLegal: false }), CEIL_REVIEW);
  assert.equal(ceiling({ chars: 2, pairs: 1, org: false }), CEIL_BELOW);
});

test('one core word inside a longer listed name, or only alike, is held for organisations only', () => {
  const one = { pairs: 1, corePairs: 1, chars: 6, coreChars: 6 };
  assert.equal(ceiling({ ...one, listLeftOverWord: true }), CEIL_BELOW, '"Yandex" on "JSC Yandex Bank"');
  assert.equal(ceiling({ ...one, listLeftOverWord: true, org: false }), CEIL_NONE);
  assert.equal(
    ceiling({ ...one, pairs: 2, onlyAlikeCore: true }),
    CEIL_BELOW,
    '"StoneX Group" on "STANEX GROUP"',
  );
  assert.equal(
    ceiling({ ...one, pairs: 2, coreChars: 9, onlyAlikeCore: true }),
    CEIL_NONE,
    'a long word keeps its grade',
  );
  assert.equal(
    ceiling({ ...one, chars: 16, coreChars: 16, looseGlued: true }),
    CEIL_BELOW,
    '"Micron Technology"',
  );
  assert.equal(ceiling({ kindLeftOver: true }), CEIL_REVIEW, '"Zephyr Orchid" on "ZEPHYR ORCHID HOLDINGS"');
  assert.equal(ceiling({}), CEIL_NONE);
});

test('legal-form families: renderings of one form agree, another jurisdiction does not', () => {
  assert.ok(legalAgrees(families('NMZ OAO'), families('NMZ OJSC')));
  assert.ok(legalAgrees(families('AST JSC'), families('AKTSIONERNOE OBSHCHESTVO AST')));
  assert.ok(legalAgrees(families('DSD OOO'), families('LLC DSD')));
  assert.ok(legalAgrees(families('ACB'), families('ACB')), 'neither has one');
  assert.ok(!legalAgrees(families('NEC Corporation'), families('JSC NEC')));
  assert.ok(!legalAgrees(families('UCB SA'), families('UCB JSC')));
  assert.ok(!legalAgrees(families('AMD Inc.'), families('AMD')), 'one side without a legal form');
  // A legal word the table does not know agrees with itself only.
  assert.ok(legalAgrees(families('Nordwind KD'), families('Nordwind KD')));
});
