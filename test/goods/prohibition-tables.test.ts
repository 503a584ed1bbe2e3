import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { CONTROL_LIST_SOURCES } from '../../src/goods/control-list-sources.ts';
import {
  type GoodsLine,
  partialCoverageFor,
  readControlList,
  SHIPPED_DATA_DIR,
  SHIPPED_PROHIBITION_TABLES,
  screenGoods,
} from '../../src/goods/index.ts';
import { shipped } from './shipped-rules.ts';

const DIR = resolve(SHIPPED_DATA_DIR, 'prohibitions');
const withRows = SHIPPED_PROHIBITION_TABLES.filter((table) => table.file !== '');
const lists = new Set(SHIPPED_PROHIBITION_TABLES.map((table) => table.list));
const rows = shipped.rules.filter((rule) => lists.has(rule.list));

/**
 * The blocks one goods line draws to a destination on a date, as `list:code` ids. No exporter is named, so the
 * EAR rows of us-746-supp-4 apply too as a precaution; they are left out here and tested in us-supp-4.test.ts.
 */
function blocks(line: GoodsLine, destination: string, date: string): string[] {
  const { findings, lineErrors } = screenGoods([line], { destination, transit: [] }, date, shipped.rules);
  assert.deepEqual(lineErrors, []);
  return findings.filter((f) => f.severity === 'block' && f.list !== 'us-746-supp-4').map((f) => f.ruleId);
}

/** Each EAR row starts on the effective date of the Federal Register rule it cites (PROVENANCE.md). */
const FR_EFFECTIVE: Record<string, string> = {
  '2023-10774': '2023-05-19',
  '2024-01408': '2024-01-23',
  '2024-13148': '2024-06-12',
};

function assertEarRow(rule: (typeof rows)[number]): void {
  assert.match(
    rule.legalBasis.act,
    /^Export Administration Regulations, 15 CFR Part 746, Supp\. No\. 4 (as amended by|para\. \(a\) as revised by) \d\d FR \d+ \(FR Doc\. 20\d\d-\d{5}\)$/,
    rule.id,
  );
  assert.match(
    rule.legalBasis.provision,
    /^§746\.(5\(a\)\(1\)\(ii\)|8\(a\)\(5\)) and Supp\. No\. 4 to Part 746/,
    rule.id,
  );
  assert.equal(rule.citation, '15 CFR Part 746 Supp. No. 4 (EAR)', rule.id);
  const doc = /^https:\/\/www\.federalregister\.gov\/d\/(20\d\d-\d{5})$/.exec(rule.sourceUrl)?.[1] ?? '';
  assert.ok(rule.legalBasis.act.endsWith(`(FR Doc. ${doc})`), rule.id);
  assert.equal(rule.legalBasis.inForce, FR_EFFECTIVE[doc], rule.id);
}

describe('shipped prohibition tables', () => {
  it('lists every CSV of data/prohibitions in the manifest, and each parses with zero skipped rows', async () => {
    const csvs = (await readdir(DIR)).filter((f) => f.endsWith('.csv') && f !== 'manifest.csv').sort();
    assert.deepEqual(csvs, withRows.map((table) => table.file).sort());
    for (const table of withRows) {
      const { rules, report } = await readControlList(table.list, resolve(DIR, table.file));
      assert.deepEqual(report.warnings, [], table.list);
      assert.equal(report.recordsSkipped, 0, table.list);
      assert.ok(rules.length > 0 && rules.length === report.recordsSeen, table.list);
    }
  });

  it('gives every row a legal basis, citation, source, destinations and dates inside its table', () => {
    assert.ok(rows.length >= 10);
    assert.ok(rows.some((rule) => rule.list === 'us-746-supp-4'));
    for (const rule of rows) {
      const table = SHIPPED_PROHIBITION_TABLES.find((t) => t.list === rule.list);
      assert.ok(table && rule.subject === 'tariff', rule.id);
      assert.deepEqual(rule.destinations, table.destinations, rule.id);
      assert.equal(rule.jurisdiction, table.jurisdiction, rule.id);
      // A row cannot bite before its table's coverage starts, or the gap before it would go unreported.
      assert.ok(rule.legalBasis.inForce >= table.inForce, rule.id);
      assert.ok(rule.description.length > 5, rule.id);
      if (table.jurisdiction === 'US') {
        assertEarRow(rule);
        continue;
      }
      // A row cites the amending act that added it or, where only a consolidated text was read (PROVENANCE.md),
      // that consolidated version, with its CELEX date in the source URL.
      assert.match(
        rule.legalBasis.act,
        /^Council Regulation \((EU|EC)\) No (833\/2014|765\/2006), (as amended by Reg\. \(EU\) 20\d\d\/\d+|consolidated version of \d+\.\d+\.20\d\d)$/,
      );
      assert.match(rule.legalBasis.provision, /^Art\. \d+[a-z]*\(1\) and Annex [IVXL]+/, rule.id);
      assert.match(
        rule.citation,
        /^Reg\. \((EU|EC)\) (833\/2014|765\/2006) Art\. \d+[a-z]* and Annex [IVXL]+$/,
        rule.id,
      );
      assert.match(
        rule.sourceUrl,
        /^https:\/\/eur-lex\.europa\.eu\/(eli\/reg\/20\d\d\/\d+\/oj|legal-content\/EN\/TXT\/\?uri=CELEX:02014R0833-20\d{6})$/,
        rule.id,
      );
      if (rule.legalBasis.act.includes('consolidated version')) {
        // A row read only in a consolidated text starts on that version's date: earlier days stay a gap (review).
        assert.equal(
          rule.legalBasis.inForce,
          rule.sourceUrl.replace(/^.*-(\d{4})(\d\d)(\d\d)$/, '$1-$2-$3'),
          rule.id,
        );
      }
    }
  });

  it('registers the tables with the list-version machinery, which reads the same rules', async () => {
    for (const table of SHIPPED_PROHIBITION_TABLES) {
      const source = CONTROL_LIST_SOURCES.find((s) => s.id === table.list);
      assert.ok(source, table.list);
      assert.equal(source.enabledByDefault, table.file !== '', table.list);
      if (!source.shippedPath) continue;
      const report = { recordsSeen: 0, recordsSkipped: 0, warnings: [] };
      const ids: string[] = [];
      for await (const item of source.readItems(source.shippedPath, report)) ids.push(item.entryId);
      assert.deepEqual(
        ids,
        rows.filter((r) => r.list === table.list).map((r) => r.id),
      );
    }
  });
});

describe('prohibition rows on the transaction date', () => {
  it('blocks drones 8806 and aircraft parts 8803/8807 to Russia from 2022-02-26 under Art. 3c / Annex XI', () => {
    const drone = { code: '88062100', codeSystem: 'CN' } as const;
    assert.deepEqual(blocks(drone, 'RU', '2022-02-25'), []);
    assert.deepEqual(blocks(drone, 'RU', '2022-02-26'), ['eu-833-annex-xi:HS:8806']);
    assert.deepEqual(blocks(drone, 'RU', '2026-03-01'), ['eu-833-annex-xi:HS:8806']);
    assert.deepEqual(blocks({ code: '8803' }, 'RU', '2026-03-01'), ['eu-833-annex-xi:HS:8803']);
    const { findings } = screenGoods(
      [drone],
      { destination: 'RU', transit: [] },
      '2026-03-01',
      shipped.rules,
    );
    const block = findings.find((f) => f.severity === 'block' && f.list === 'eu-833-annex-xi');
    // No exporter country and no tenant policy: the EU row applies as a precaution (jurisdiction.ts) and says so.
    assert.match(
      block?.reason ?? '',
      /prohibited under Reg\. \(EU\) 833\/2014 Art\. 3c and Annex XI \[EU rule: applied as a precaution/,
    );
    assert.equal(block?.legalBasis.inForce, '2022-02-26');
  });

  it('blocks processors to Russia under Art. 2a / Annex VII before the CHPL existed', () => {
    assert.deepEqual(blocks({ code: '8542.31' }, 'RU', '2022-02-25'), []);
    // The CHPL row applies from the FinCEN/BIS alert of 2023-05-19 (PROVENANCE.md, chpl.csv).
    assert.deepEqual(blocks({ code: '8542.31' }, 'RU', '2023-05-18'), ['eu-833-annex-vii:HS:854231']);
  });

  it('blocks cars 8703.80 over EUR 50 000 from 2022-03-16 (Annex XVIII) and at any value from 2023-06-24 (Annex XXIII)', () => {
    const car = (value?: number, currency?: string): GoodsLine => ({ code: '870380', value, currency });
    const luxury = 'eu-833-annex-xviii:HS:8703';
    const electric = 'eu-833-annex-xxiii:HS:870380';
    assert.deepEqual(blocks(car(), 'RU', '2022-03-15'), []);
    assert.deepEqual(blocks(car(), 'RU', '2022-03-16'), [luxury]);
    assert.deepEqual(blocks(car(50_000, 'EUR'), 'RU', '2023-06-23'), []);
    assert.deepEqual(blocks(car(50_001, 'EUR'), 'RU', '2023-06-23'), [luxury]);
    // An amount in another currency is not converted here, so the threshold cannot clear the line.
    assert.deepEqual(blocks(car(40_000, 'USD'), 'RU', '2023-06-23'), [luxury]);
    assert.deepEqual(blocks(car(40_000, 'EUR'), 'RU', '2023-06-24'), [electric]);
    assert.deepEqual(blocks(car(), 'RU', '2026-03-01').sort(), [luxury, electric]);
    // A petrol car under the threshold is in no loaded row: Annex XXIII stays a gap, never free.
    assert.deepEqual(blocks({ code: '870323', value: 30_000, currency: 'EUR' }, 'RU', '2026-03-01'), []);
    assert.ok(
      partialCoverageFor('870323', 'RU', '2026-03-01').some((g) => g.table.list === 'eu-833-annex-xxiii'),
    );
  });

  it('blocks bearings and data-processing machines to Russia from the day each Annex XXIII part came into force', () => {
    const coverageLists = (code: string, date: string) =>
      screenGoods([{ code }], { destination: 'RU', transit: [] }, date, shipped.rules)
        .findings.filter((f) => f.kind === 'list_coverage')
        .map((f) => f.list);
    // Part A (Reg. 2022/576, in force 2022-04-09), Part B (Reg. 2022/2474, 2022-12-17), Part C (Reg. 2023/427,
    // 2023-02-26): the day before, the code is a partial-table gap (review), never free.
    const cases = [
      ['848220', '2022-04-08', '2022-04-09'],
      ['847141', '2022-12-16', '2022-12-17'],
      ['847130', '2022-12-16', '2022-12-17'],
      ['848280', '2023-02-25', '2023-02-26'],
    ] as const;
    for (const [code, before, from] of cases) {
      assert.deepEqual(blocks({ code }, 'RU', before), [], code);
      assert.deepEqual(blocks({ code }, 'RU', from), [`eu-833-annex-xxiii:HS:${code}`], code);
      assert.ok(!coverageLists(code, '2026-03-01').includes('eu-833-annex-xxiii'), code);
      // A Reg. 833/2014 row does not reach Belarus (the CHPL row for 8482.20 still does).
      assert.ok(!blocks({ code }, 'BY', '2026-03-01').some((id) => id.startsWith('eu-833-')), code);
    }
    assert.ok(coverageLists('848280', '2023-02-25').includes('eu-833-annex-xxiii'));
    // The rest of Part B (drone and electronics parts): base stations, SSDs, CN 9503 00 75 toys with a motor.
    for (const [code, codeSystem] of [
      ['851761', 'HS'],
      ['95030075', 'CN'],
    ] as const) {
      const xxiii = (date: string) =>
        blocks({ code, codeSystem }, 'RU', date).filter((id) => id.startsWith('eu-833-annex-xxiii:'));
      assert.deepEqual(xxiii('2022-12-16'), [], code);
      assert.deepEqual(xxiii('2022-12-17'), [`eu-833-annex-xxiii:${codeSystem}:${code}`], code);
    }

    // A CN code under a listed subheading is caught too; a heading-level row (8483) catches its subheadings.
    assert.deepEqual(blocks({ code: '84828000', codeSystem: 'CN' }, 'RU', '2026-03-01'), [
      'eu-833-annex-xxiii:HS:848280',
    ]);
    assert.deepEqual(blocks({ code: '8483.40' }, 'RU', '2026-03-01'), ['eu-833-annex-xxiii:HS:8483']);
  });

  it('follows Annex XXIII as replaced by Reg. 2023/1214 from 2023-06-24: all of 8482 and 8473, ex 8471', () => {
    const coverageLists = (code: string, codeSystem: 'HS' | 'CN', date: string) =>
      screenGoods([{ code, codeSystem }], { destination: 'RU', transit: [] }, date, shipped.rules)
        .findings.filter((f) => f.kind === 'list_coverage')
        .map((f) => f.list);
    const xxiii = (code: string, date: string, codeSystem: 'HS' | 'CN' = 'HS') =>
      blocks({ code, codeSystem }, 'RU', date).filter((id) => id.startsWith('eu-833-annex-xxiii:'));
    // Needle roller bearings 8482.40 were in no part before; the restated annex lists heading 8482 whole.
    assert.deepEqual(xxiii('848240', '2023-06-23'), []);
    assert.ok(coverageLists('848240', 'HS', '2023-06-23').includes('eu-833-annex-xxiii'));
    assert.deepEqual(xxiii('848240', '2023-06-24'), ['eu-833-annex-xxiii:HS:8482']);
    // The most specific row still decides for a subheading listed since 2023.
    assert.deepEqual(xxiii('848280', '2026-03-01'), ['eu-833-annex-xxiii:HS:848280']);
    // 8473 whole heading from 2023-06-24 (8473 30 since 2022-12-17).
    assert.deepEqual(xxiii('847350', '2023-06-23'), []);
    assert.deepEqual(xxiii('847350', '2023-06-24'), ['eu-833-annex-xxiii:HS:8473']);
    // "ex 8471 ... excluding 8471 80 and 8471 70 98": those leave the annex; they are not free, only not listed here.
    assert.deepEqual(xxiii('847180', '2023-06-23'), ['eu-833-annex-xxiii:HS:847180']);
    assert.deepEqual(xxiii('847180', '2023-06-24'), []);
    assert.ok(coverageLists('847180', 'HS', '2023-06-24').includes('eu-833-annex-xxiii'));
    assert.deepEqual(xxiii('84717098', '2023-06-23', 'CN'), ['eu-833-annex-xxiii:HS:847170']);
    assert.deepEqual(xxiii('84717098', '2023-06-24', 'CN'), []);
    assert.deepEqual(xxiii('84717050', '2023-06-24', 'CN'), ['eu-833-annex-xxiii:HS:847170']);
    assert.deepEqual(xxiii('847141', '2026-03-01'), ['eu-833-annex-xxiii:HS:847141']);
  });

  it('follows Annex XXIII as replaced again by Reg. 2023/2878 from 2023-12-19, leaving its ex entries a gap', () => {
    const xxiii = (code: string, date: string) =>
      blocks({ code }, 'RU', date).filter((id) => id.startsWith('eu-833-annex-xxiii:'));
    // Chapter 72 is listed whole; machine tools 8456-8466 and heading 8501 by heading.
    assert.deepEqual(xxiii('721710', '2023-12-18'), []);
    assert.deepEqual(xxiii('721710', '2023-12-19'), ['eu-833-annex-xxiii:HS:72']);
    assert.deepEqual(xxiii('845891', '2023-12-19'), ['eu-833-annex-xxiii:HS:8458']);
    // Rows listed since 2022 keep their own dates: 8534 from Reg. 2022/2474.
    assert.deepEqual(xxiii('853400', '2023-12-18'), ['eu-833-annex-xxiii:HS:8534']);
    // "Ex 8704" (lorries, except small ones) is not transcribed: a review gap, never a block or free.
    const lorry = screenGoods(
      [{ code: '870421' }],
      { destination: 'RU', transit: [] },
      '2026-03-01',
      shipped.rules,
    );
    assert.deepEqual(
      lorry.findings.filter((f) => f.list === 'eu-833-annex-xxiii').map((f) => `${f.kind} ${f.severity}`),
      ['list_coverage review'],
    );
  });

  it('follows the 2024 amendments: heading 8504 from 2024-02-24 (Reg. 2024/745), the restated annex from 2024-06-25 (Reg. 2024/1745)', () => {
    const xxiii = (code: string, date: string) =>
      blocks({ code }, 'RU', date).filter((id) => id.startsWith('eu-833-annex-xxiii:'));
    assert.deepEqual(xxiii('850410', '2024-02-23'), []);
    assert.deepEqual(xxiii('850410', '2024-02-24'), ['eu-833-annex-xxiii:HS:8504']);
    // 8504 32 was deleted as an entry when the heading came in: the heading row decides from that day.
    assert.deepEqual(xxiii('850432', '2024-02-23'), ['eu-833-annex-xxiii:HS:850432']);
    assert.deepEqual(xxiii('850432', '2024-02-24'), ['eu-833-annex-xxiii:HS:8504']);
    // Loudspeakers 8518 join in June 2024; polyethers 3907 21 leave (3907 29 replaces them): a gap, not free.
    assert.deepEqual(xxiii('851822', '2024-06-24'), []);
    assert.deepEqual(xxiii('851822', '2024-06-25'), ['eu-833-annex-xxiii:HS:8518']);
    assert.deepEqual(xxiii('390721', '2024-06-24'), ['eu-833-annex-xxiii:HS:390721']);
    assert.deepEqual(xxiii('390721', '2024-06-25'), []);
    assert.ok(
      partialCoverageFor('390721', 'RU', '2024-06-25').some((g) => g.table.list === 'eu-833-annex-xxiii'),
    );
    // Annex VII Part B: capacitors 8532 22 from Reg. 2024/745, aircraft parts 8807 30 from Reg. 2024/1745.
    const vii = (code: string, date: string) =>
      blocks({ code }, 'RU', date).filter((id) => id.startsWith('eu-833-annex-vii:'));
    assert.deepEqual(vii('853222', '2024-02-23'), []);
    assert.deepEqual(vii('853222', '2024-02-24'), ['eu-833-annex-vii:HS:853222']);
    assert.deepEqual(vii('880730', '2024-06-24'), []);
    assert.deepEqual(vii('880730', '2024-06-25'), ['eu-833-annex-vii:HS:880730']);
  });

  it('blocks turbojets from 2023-02-26 (Annex XI Part D, Reg. 2023/427) and aircraft engines from 27.4.2023 at the latest (Part C)', () => {
    assert.deepEqual(blocks({ code: '841112' }, 'RU', '2023-02-25'), []);
    assert.deepEqual(blocks({ code: '841112' }, 'RU', '2023-02-26'), ['eu-833-annex-xi:HS:841112']);
    // Part B (aircraft tyres, aerials...) came with Reg. 2022/1904, in force 2022-10-07.
    assert.deepEqual(blocks({ code: '401130' }, 'RU', '2022-10-06'), []);
    assert.deepEqual(blocks({ code: '401130' }, 'RU', '2022-10-07'), ['eu-833-annex-xi:HS:401130']);
    // Part C was read only in the consolidated text of 27.4.2023: the act that added it is not confirmed here.
    assert.deepEqual(blocks({ code: '840710' }, 'RU', '2023-04-26'), []);
    assert.deepEqual(blocks({ code: '840710' }, 'RU', '2023-04-27'), ['eu-833-annex-xi:HS:840710']);
    // Marine outboard motors 8407.21 are not Annex XI goods.
    assert.ok(
      !blocks({ code: '840721' }, 'RU', '2026-03-01').some((id) => id.startsWith('eu-833-annex-xi:')),
    );
  });

  it('blocks the CN-listed electronics of Annex VII Part B from the act that listed each (Regs. 2022/1904, 2023/427)', () => {
    const vii = (code: string, date: string) =>
      blocks({ code }, 'RU', date).filter((id) => id.startsWith('eu-833-annex-vii:'));
    // Memories were in the first Part B (Reg. 2022/1904, in force 2022-10-07); capacitors came with 2023/427.
    assert.deepEqual(vii('854232', '2022-10-06'), []);
    assert.deepEqual(vii('854232', '2022-10-07'), ['eu-833-annex-vii:HS:854232']);
    assert.deepEqual(vii('853221', '2023-02-25'), []);
    assert.deepEqual(vii('853221', '2023-02-26'), ['eu-833-annex-vii:HS:853221']);
    assert.deepEqual(vii('85411000', '2026-03-01'), ['eu-833-annex-vii:HS:854110']);
    assert.deepEqual(vii('848520', '2026-03-01'), ['eu-833-annex-vii:HS:848520']);
    // Processors keep their own row from 2022-02-26 (Part A, X.A.I.001.a); Part B lists 8542 31 too.
    assert.deepEqual(vii('854231', '2022-02-26'), ['eu-833-annex-vii:HS:854231']);
    // 8541 40 (photovoltaic and LEDs) is not in Part B: it stays a gap, not a block.
    assert.deepEqual(vii('854142', '2026-03-01'), []);
    // Reg. 2023/2878 replaced Annex VII (in force 2023-12-19): wafer machines, CN-only hand tools, bearings.
    assert.deepEqual(vii('848610', '2023-12-18'), []);
    assert.deepEqual(vii('848610', '2023-12-19'), ['eu-833-annex-vii:HS:848610']);
    const tool = blocks({ code: '82055980', codeSystem: 'CN' }, 'RU', '2023-12-19');
    assert.ok(tool.includes('eu-833-annex-vii:CN:82055980'));
    assert.deepEqual(vii('848210', '2023-12-19'), ['eu-833-annex-vii:HS:848210']);
  });

  it('blocks Annex XIV machinery to Belarus from 2022-03-03 (Reg. 765/2006 Art. 1s, inserted by Reg. 2022/355)', () => {
    const by = (code: string, date: string) =>
      blocks({ code }, 'BY', date).filter((id) => id.startsWith('eu-765-belarus:'));
    for (const code of ['848280', '847141', '847130', '848340']) {
      assert.deepEqual(by(code, '2022-03-02'), [], code);
      assert.equal(by(code, '2022-03-03').length, 1, code);
    }
    assert.deepEqual(by('848280', '2026-03-01'), ['eu-765-belarus:HS:8482']);
    // A Reg. 765/2006 row does not reach Russia, and heat pumps (ex 8418) are not loaded: a gap, not a block.
    assert.deepEqual(
      blocks({ code: '848280' }, 'RU', '2026-03-01').filter((id) => id.startsWith('eu-765-belarus:')),
      [],
    );
    assert.deepEqual(by('841861', '2026-03-01'), []);
    assert.ok(
      partialCoverageFor('841861', 'BY', '2026-03-01').some((g) => g.table.list === 'eu-765-belarus'),
    );
  });

  it('applies each Annex XVIII row its own threshold: motorcycles over EUR 5 000', () => {
    const bike = (value: number): GoodsLine => ({ code: '8711.50', value, currency: 'EUR' });
    assert.deepEqual(blocks(bike(5_000), 'RU', '2026-03-01'), []);
    assert.deepEqual(blocks(bike(5_001), 'RU', '2026-03-01'), ['eu-833-annex-xviii:HS:8711']);
  });

  it('keeps Reg. 833/2014 rows to the Russia routes they are written for', () => {
    assert.deepEqual(blocks({ code: '8806' }, 'BY', '2026-03-01'), []);
    const viaRu = screenGoods(
      [{ code: '8806' }],
      { destination: 'KZ', transit: ['RU'] },
      '2026-03-01',
      shipped.rules,
    );
    assert.ok(viaRu.findings.some((f) => f.ruleId === 'eu-833-annex-xi:HS:8806' && f.severity === 'review'));
    const toDe = screenGoods(
      [{ code: '8806' }],
      { destination: 'DE', transit: [] },
      '2026-03-01',
      shipped.rules,
    );
    assert.ok(!toDe.findings.some((f) => f.list === 'eu-833-annex-xi'));
  });
});

describe('partial tables', () => {
  const gaps = (code: string, destination: string, date: string) =>
    partialCoverageFor(code, destination, date).map((gap) => gap.table.list);

  it('reports the partial tables that reach bearings 8482.80 and computers 8471.41 in 2026, whatever rows they hold', () => {
    for (const code of ['848280', '8471.41']) {
      const lists = gaps(code, 'RU', '2026-03-01');
      assert.ok(lists.includes('eu-833-annex-xxiii'), code);
      assert.ok(lists.includes('us-746-supp-4'), code);
      assert.ok(lists.includes('eu-833-annex-vii'), code);
    }
    assert.deepEqual(gaps('848280', 'BY', '2026-03-01').sort(), ['eu-765-belarus', 'us-746-supp-4']);
  });

  it('reports no gap for a destination or date no table reaches', () => {
    assert.deepEqual(gaps('848280', 'DE', '2026-03-01'), []);
    assert.deepEqual(gaps('848280', 'RU', '2022-02-23'), []);
    assert.deepEqual(gaps('848280', 'BY', '2022-02-24'), ['us-746-supp-4']);
  });

  it('marks every shipped table partial until a full transcription is checked', () => {
    for (const table of SHIPPED_PROHIBITION_TABLES) assert.equal(table.coverage, 'partial', table.list);
  });
});

describe('prohibition rows under the regimes that bind (jurisdiction.ts)', () => {
  const drone = { code: '88062100', codeSystem: 'CN' } as const;
  const route = { destination: 'RU', transit: [] };
  const screen = (line: GoodsLine, exporterCountry: string) =>
    screenGoods([line], route, '2026-03-01', shipped.rules, undefined, { exporterCountry }).findings;

  it('blocks an EU exporter under the EU row, saying why EU law binds', () => {
    const block = screen(drone, 'DE').find((f) => f.list === 'eu-833-annex-xi');
    assert.equal(block?.severity, 'block');
    assert.match(block?.reason ?? '', /Art\. 3c and Annex XI \[EU rule: exporter established in DE/);
  });

  it('drops the EU rows and EU coverage gaps for a US exporter of US-origin goods', () => {
    const findings = screen({ ...drone, originCountry: 'US' }, 'US');
    assert.deepEqual(
      findings.filter((f) => f.list?.startsWith('eu-')),
      [],
    );
    // The EAR row for drones (all of chapter 88 since 89 FR 4813) binds instead.
    const block = findings.find((f) => f.list === 'us-746-supp-4');
    assert.equal(block?.ruleId, 'us-746-supp-4:HS:880621');
    assert.equal(block?.severity, 'block');
    // Organic chemicals (chapter 29) are in no loaded EAR row: US Supp. No. 4 is still a gap, never clear.
    const chemical = screen({ code: '290110', originCountry: 'US' }, 'US');
    assert.ok(chemical.some((f) => f.kind === 'list_coverage' && f.list === 'us-746-supp-4'));
  });
});
