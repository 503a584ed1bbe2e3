import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ListEntity } from '../../src/entity/list-entity.ts';
import { addressCountry, annexIvDiversionRules } from '../../src/goods/annex-iv-diversion.ts';
import { screenGoods } from '../../src/goods/index.ts';
import { shipped } from './shipped-rules.ts';

/** Hand-written entities in the shape the eu-oj mapper gives Annex IV entries (addresses as printed). */
function entry(id: string, listedOn: string | undefined, ...addresses: string[]): ListEntity {
  return {
    source: 'eu-oj',
    entryId: `32014R0833:IV:${id}`,
    kind: 'organization',
    name: `Entity ${id}`,
    aliases: [],
    countries: [],
    identifiers: [],
    addresses: addresses.map((full) => ({ full })),
    birthDates: [],
    programs: ['EU Reg. 833/2014 Annex IV', 'EU-RUS'],
    ...(listedOn ? { listedOn } : {}),
    url: `https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:${id}`,
    raw: {},
  };
}

const FIXTURE: ListEntity[] = [
  entry('1', '2014-09-12', '119435, Moscow, Pirogovskaya M. Str., 18, Russian Federation'),
  entry('2', '2023-06-23', 'Room 5, 88 Queen Str., Hong Kong'),
  entry('3', '2024-02-23', 'Floor 3, Road 12, Shenzhen, People’s Republic of China'),
  entry('4', '2025-10-24', '7 Nanshan Road, Shenzhen, China'),
  entry('5', '2024-02-23', 'KIADB Industrial Area, Bangalore, Karnataka, 562114, Republic of India'),
  entry('6', '2024-02-23', 'Moo 12, Banglamung, Chonburi, Kingdom of Thailand'),
  entry('7', '2024-02-23', 'Katunayake, 11450, Democratic Socialist Republic of Sri Lanka'),
  entry('8', '2025-02-25', '73 Upper Paya Lebar Road, Singapore 534818'),
  entry('9', '2026-04-24', 'Sukhbaatar District, Ulaanbaatar, Mongolia'),
  entry('10', '2026-07-24', 'Artema Str. 2b, Donetsk Temporarily Occupied Territory, Ukraine'),
  entry('11', undefined, 'Somewhere, Republic of Kazakhstan'),
  { ...entry('12', '2022-01-01', 'Somewhere, Türkiye'), programs: ['EU Reg. 269/2014 Annex I'] },
];

describe('diversion-risk countries derived from EU Annex IV addresses', () => {
  const derived = annexIvDiversionRules(FIXTURE);
  const byCountry = new Map(derived.map((r) => [r.country, r]));

  it('reads countries from printed addresses, state forms and postcodes included', () => {
    assert.equal(addressCountry({ full: '562114, Republic of India' }), 'IN');
    assert.equal(addressCountry({ full: 'Chonburi, Kingdom of Thailand' }), 'TH');
    assert.equal(addressCountry({ full: '11450, Democratic Socialist Republic of Sri Lanka' }), 'LK');
    assert.equal(addressCountry({ full: 'Singapore 534818' }), 'SG');
    assert.equal(addressCountry({ full: 'Road, Springfield', country: 'US' }), 'US');
  });

  it('lists every third country with an Annex IV address, dated by its first listing', () => {
    assert.deepEqual([...byCountry.keys()], ['CN', 'HK', 'IN', 'LK', 'MN', 'SG', 'TH']);
    assert.equal(byCountry.get('CN')?.legalBasis.inForce, '2024-02-23');
    assert.equal(byCountry.get('HK')?.legalBasis.inForce, '2023-06-23');
    assert.equal(byCountry.get('CN')?.description, '2 Annex IV entries have an address in CN');
    assert.equal(
      byCountry.get('CN')?.sourceUrl,
      'https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:3',
    );
  });

  it('leaves out Russia, occupied Ukraine, undated entries and other annexes', () => {
    for (const c of ['RU', 'UA', 'KZ', 'TR']) assert.equal(byCountry.has(c), false, c);
  });

  it('gives rules with stable ids, a legal basis and a source, like the shipped rows', () => {
    const india = byCountry.get('IN');
    assert.equal(india?.id, 'diversion-risk:IN:EU-ANNEX-IV');
    assert.equal(india?.list, 'diversion-risk');
    assert.equal(india?.citation, 'Reg. (EU) 833/2014 Annex IV');
    assert.match(india?.legalBasis.provision ?? '', /first listed 2024-02-23/);
  });

  it('makes a CHPL chip to India review, not clear, once India has an Annex IV entry', () => {
    const rules = [...shipped.rules, ...derived];
    const chip = [{ code: '8542.31', originCountry: 'DE' }];
    const facts = { exporterCountry: 'DE' };
    const before = screenGoods(
      chip,
      { destination: 'IN', transit: [] },
      '2022-01-10',
      rules,
      undefined,
      facts,
    );
    assert.ok(
      before.findings.every((f) => f.severity === 'info'),
      JSON.stringify(before.findings),
    );
    const after = screenGoods(
      chip,
      { destination: 'IN', transit: [] },
      '2024-06-01',
      rules,
      undefined,
      facts,
    );
    const review = after.findings.find((f) => f.severity === 'review');
    assert.ok(review, JSON.stringify(after.findings));
    assert.ok(review.relatedRuleIds?.includes('diversion-risk:IN:EU-ANNEX-IV'));
  });
});
