import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { coverage, LISTS, readControlList, SHIPPED_DATA_DIR, SHIPPED_LISTS } from '../../src/goods/index.ts';
import { shipped } from './shipped-rules.ts';

describe('shipped control-list data', () => {
  it('ships every CSV in data/ as a list, and nothing unknown', async () => {
    const csvs = (await readdir(SHIPPED_DATA_DIR)).filter((f) => f.endsWith('.csv')).sort();
    assert.deepEqual(csvs, Object.values(SHIPPED_LISTS).sort());
  });

  it('parses every row of every file (none skipped)', async () => {
    for (const [list, file] of Object.entries(SHIPPED_LISTS)) {
      const { rules, report } = await readControlList(list, `${SHIPPED_DATA_DIR}/${file}`);
      assert.deepEqual(report.warnings, [], list);
      assert.equal(report.recordsSkipped, 0, list);
      assert.equal(rules.length, report.recordsSeen, list);
      assert.ok(rules.length > 0, list);
    }
  });

  it('gives every rule a legal basis, a citation and a source URL', () => {
    for (const rule of shipped.rules) {
      const { act, provision, inForce } = rule.legalBasis;
      assert.ok(act.length > 3 && provision.length > 0, rule.id);
      assert.match(inForce, /^\d{4}-\d{2}-\d{2}$/, rule.id);
      assert.ok(rule.citation.length > 3, rule.id);
      assert.match(rule.sourceUrl, /^(https:\/\/|urn:tradescreen:)/, rule.id);
    }
  });

  it('limits non-public (urn) sources to the entries PROVENANCE.md flags', () => {
    const urn = shipped.rules.filter((r) => r.sourceUrl.startsWith('urn:')).map((r) => r.id);
    assert.deepEqual(urn, ['diversion-risk:MY:TRADESCREEN']);
  });

  it('has stable, unique rule ids', () => {
    const ids = shipped.rules.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    assert.ok(ids.includes('chpl:HS:854231'));
  });

  it('holds exactly 50 CHPL codes in tiers T1 4, T2 5, T3.A 16, T3.B 9, T4.A 11, T4.B 5', () => {
    const chpl = shipped.rules.filter((r) => r.list === LISTS.chpl);
    assert.equal(chpl.length, 50);
    const tiers: Record<string, number> = {};
    for (const rule of chpl) {
      assert.equal(rule.subject, 'tariff');
      if (rule.subject === 'tariff') assert.match(rule.code, /^\d{6}$/);
      assert.ok(rule.description.length > 5, rule.id);
      tiers[rule.tier ?? '?'] = (tiers[rule.tier ?? '?'] ?? 0) + 1;
    }
    assert.deepEqual(tiers, { '1': 4, '2': 5, '3.A': 16, '3.B': 9, '4.A': 11, '4.B': 5 });
  });

  it('lists the seed route and the EU 27 as data', () => {
    const countries = (list: string) =>
      new Set(shipped.rules.flatMap((r) => (r.list === list && r.subject === 'country' ? [r.country] : [])));
    // The FinCEN/BIS alert's 18 transshipment points and the seed case's MY; Annex IV countries (HK, VN, TH,
    // LK…) are derived from the EU list data instead (annex-iv-diversion.test.ts).
    const alert = [
      'AM',
      'BR',
      'CN',
      'GE',
      'IN',
      'IL',
      'KZ',
      'KG',
      'MX',
      'NI',
      'RS',
      'SG',
      'ZA',
      'TW',
      'TJ',
      'TR',
      'AE',
      'UZ',
    ];
    assert.deepEqual([...countries(LISTS.diversionRisk)].sort(), [...alert, 'MY'].sort());
    for (const c of ['RU', 'BY', 'IR', 'KP', 'SY', 'CU', 'UA-43', 'UA-14', 'UA-09', 'UA-23', 'UA-65']) {
      assert.ok(countries(LISTS.embargoes).has(c), c);
    }
    const current = shipped.rules.filter(
      (r) => r.list === LISTS.euMemberStates && r.legalBasis.until === undefined,
    );
    assert.equal(current.length, 27);
  });

  it('states partial coverage, naming the annexes that are not loaded', () => {
    const report = coverage(shipped.rules);
    assert.equal(report.level, 'partial');
    const missing = report.annexes.filter((a) => !a.loaded).map((a) => a.list);
    // Prohibition tables with no verified row are declared in data/prohibitions/manifest.csv, not loaded.
    assert.deepEqual(missing, ['eu-2021-821-correlation']);
    assert.ok(report.annexes.find((a) => a.list === LISTS.chpl)?.loaded);
    assert.ok(report.annexes.find((a) => a.list === 'eu-765-belarus')?.loaded);
    // EAR Supp. No. 4 is loaded, but only in part (PROVENANCE.md): it is named among the partial tables.
    const supp4 = report.annexes.find((a) => a.list === 'us-746-supp-4');
    assert.ok(supp4?.loaded && supp4.completeness === 'partial');
    assert.match(report.summary, /not loaded: .*2021\/821/);
    assert.match(report.summary, /Partially transcribed: .*Part 746/);
  });
});
