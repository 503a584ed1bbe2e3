import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gapsIn, type ProhibitionTable, screenGoods } from '../../src/goods/index.ts';
import { shipped } from './shipped-rules.ts';

const { rules } = shipped;
const DATE = '2026-03-01';
const DE = { exporterCountry: 'DE' };

/** A manifest row (data/prohibitions/manifest.csv): EU Annex XXIII reaching chapters 84 and 85 only. Refrigerators
 * 8418.10 are in no shipped Annex XXIII row (Reg. 2023/2878 lists 8419, not 8418), so they fall in the gap. */
const XXIII: ProhibitionTable = {
  list: 'eu-833-annex-xxiii',
  file: '',
  title: 'EU 833/2014 Annex XXIII',
  coverage: 'partial',
  note: 'test fixture',
  jurisdiction: 'EU',
  destinations: ['RU'],
  chapters: ['84', '85'],
  inForce: '2022-04-09',
  legalBasis: 'Reg. (EU) 833/2014 Art. 3k and Annex XXIII',
  sourceUrl: 'https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:02014R0833',
};
const coverageGaps = gapsIn([XXIII]);

describe('partial coverage is never clear', () => {
  it('reviews goods to Russia in a chapter the partial table covers, with a list_coverage finding', () => {
    const { findings } = screenGoods(
      [{ code: '8418.10' }],
      { destination: 'RU', transit: [] },
      DATE,
      rules,
      undefined,
      {
        ...DE,
        coverageGaps,
      },
    );
    const gap = findings.find((f) => f.kind === 'list_coverage');
    assert.equal(gap?.severity, 'review');
    assert.equal(gap?.goodsIndex, 0);
    assert.equal(gap?.list, 'eu-833-annex-xxiii');
    assert.match(gap?.reason ?? '', /reaches HS 84 .*cannot be cleared.*EU rule: exporter established in DE/);
  });

  it('says nothing for chapters the table does not reach, other destinations, or before it applied', () => {
    const gaps = (code: string, destination: string, date: string) =>
      screenGoods([{ code }], { destination, transit: [] }, date, rules, undefined, {
        ...DE,
        coverageGaps,
      }).findings.filter((f) => f.kind === 'list_coverage');
    assert.deepEqual(gaps('0808.10', 'RU', DATE), []);
    assert.deepEqual(gaps('8418.10', 'KZ', DATE), []);
    assert.deepEqual(gaps('8418.10', 'RU', '2022-04-08'), []);
    assert.equal(gaps('8418.10', 'RU-MOW', DATE).length, 1);
  });

  it('does not add a gap for goods a loaded row of that same table already lists', () => {
    const listed = [
      ...rules,
      {
        ...rules.find((r) => r.id === 'chpl:HS:854231')!,
        id: 'eu-833-annex-xxiii:CN:84181000',
        list: 'eu-833-annex-xxiii',
        subject: 'tariff' as const,
        codeSystem: 'HS' as const,
        code: '841810',
        jurisdiction: 'EU',
      },
    ];
    const { findings } = screenGoods(
      [{ code: '8418.10' }],
      { destination: 'RU', transit: [] },
      DATE,
      listed,
      undefined,
      {
        ...DE,
        coverageGaps,
      },
    );
    assert.deepEqual(
      findings.filter((f) => f.kind === 'list_coverage'),
      [],
    );
  });

  it('drops the gap where its regime does not bind (a US exporter of US goods, EU table)', () => {
    const { findings } = screenGoods(
      [{ code: '8418.10', originCountry: 'US' }],
      { destination: 'RU', transit: [] },
      DATE,
      rules,
      undefined,
      { exporterCountry: 'US', coverageGaps },
    );
    assert.deepEqual(
      findings.filter((f) => f.kind === 'list_coverage'),
      [],
    );
  });

  it('by default treats the known but unloaded Russia and Belarus tables as gaps for all goods', () => {
    for (const destination of ['RU', 'BY']) {
      const { findings } = screenGoods(
        [{ code: '0808.10' }],
        { destination, transit: [] },
        DATE,
        rules,
        undefined,
        DE,
      );
      const lists = findings.filter((f) => f.kind === 'list_coverage').map((f) => f.list);
      assert.ok(lists.length > 0, destination);
      assert.ok(findings.every((f) => f.severity !== 'info' || f.kind !== 'list_coverage'));
    }
  });
});
