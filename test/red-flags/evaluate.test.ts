import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { type ControlRule, loadControlLists } from '../../src/goods/index.ts';
import { redFlagFindings } from '../../src/red-flags/evaluate.ts';
import {
  carriesRedFlagFacts,
  type PartyHistory,
  type RedFlagSettings,
  type ScreenRequest,
} from '../../src/red-flags/facts.ts';
import { diversionRiskOf, priorityItems } from '../../src/red-flags/goods-knowledge.ts';
import { RULE_TABLE } from '../../src/red-flags/rule-table.ts';
import { APPLES_TO_GERMANY, KOMINVEX_FLAGS, PROCESSORS_TO_RUSSIA, SOHA_LIKE_SHIPMENT } from './profiles.ts';

// The pure rules on the shipped goods data (CHPL and diversion-risk tables), no database.
let rules: ControlRule[];
before(async () => {
  rules = (await loadControlLists()).rules;
});

function flags(body: object, settings: RedFlagSettings = {}, history = new Map<number, PartyHistory>()) {
  const req = body as ScreenRequest;
  const date = req.date!;
  return redFlagFindings(
    {
      req,
      date,
      priority: priorityItems(req, date, rules),
      diversionRisk: diversionRiskOf(rules, date),
      history,
      listedAddresses: new Map(),
    },
    settings,
  );
}

describe('red flags of the seed story', () => {
  test('the Kominvex-like exporter shipping processors to Russia via MY/VN/CN raises the expected flags', () => {
    const found = flags(PROCESSORS_TO_RUSSIA);
    assert.deepEqual(found.map((f) => f.redFlag!.rule).sort(), KOMINVEX_FLAGS);
    for (const f of found) {
      assert.equal(f.kind, 'red_flag');
      assert.equal(f.severity, 'review');
      assert.ok(f.redFlag!.sources.length > 0, `${f.id} cites its guidance`);
      assert.ok(f.redFlag!.sources.every((s) => s.url.startsWith('https://')));
      assert.match(f.reason, new RegExp(f.redFlag!.rule), 'the reason names the rule');
      assert.match(f.reason, /Source: /);
    }
    const byRule = new Map(found.map((f) => [f.redFlag!.rule, f]));
    assert.deepEqual(byRule.get('activity-changed-recently')!.redFlag!.facts, {
      activity: 'NACE 46.52',
      activityChangedOn: '2022-11-15',
      monthsSinceChange: 7,
      goods: '8542.31 (CHPL tier 1)',
    });
    const route = byRule.get('diversion-route')!.redFlag!;
    assert.equal(route.facts.diversionRiskCountries, 'MY CN', 'Viet Nam is on no diversion-risk table');
    assert.equal(route.facts.endDestination, 'RU');
    assert.ok(route.sources.some((s) => s.title.includes('FIN-2022-Alert003')));
    assert.equal(byRule.get('value-vs-turnover')!.redFlag!.facts.ratio, 12);
    assert.equal(byRule.get('value-per-employee')!.partyIndex, 0);
    assert.deepEqual(byRule.get('third-country-payment')!.redFlag!.facts, {
      paymentOriginCountry: 'HK',
      buyerCountry: 'RU',
      sellerCountry: 'RS',
    });
  });

  test('the same exporter profile shipping apples to Germany raises none', () => {
    assert.deepEqual(flags(APPLES_TO_GERMANY), []);
  });

  test('a Soha-Info-like profile (incorporated June 2022, millions in turnover) raises the new-company flag', () => {
    const found = flags(SOHA_LIKE_SHIPMENT);
    const young = found.find((f) => f.redFlag!.rule === 'new-company');
    assert.ok(young, JSON.stringify(found));
    assert.equal(young.redFlag!.facts.ageMonths, 11);
    assert.equal(young.redFlag!.threshold, 24);
    assert.ok(
      !found.some((f) => f.redFlag!.rule === 'value-vs-turnover'),
      'millions of turnover: in proportion',
    );
  });

  test('an activity whose trade does not include the goods: agricultural machinery shipping processors', () => {
    const tractorParts = structuredClone(PROCESSORS_TO_RUSSIA) as unknown as ScreenRequest;
    tractorParts.parties[0]!.company = { activity: { scheme: 'NACE', code: '46.61' } };
    const found = flags(tractorParts).filter((f) => f.redFlag!.rule === 'activity-goods-mismatch');
    assert.equal(found.length, 1);
    assert.equal(found[0]!.goodsIndex, 0);
    assert.match(String(found[0]!.redFlag!.facts.activity), /agricultural machinery/);
  });

  test('a counterparty screened before that now ships goods of a new chapter', () => {
    const history = new Map([
      [0, { screenings: 3, firstSeen: '2021-02-01T00:00:00.000Z', chapters: ['08'] }],
    ]);
    const f = flags(PROCESSORS_TO_RUSSIA, {}, history).find((x) => x.redFlag!.rule === 'new-goods-for-party');
    assert.equal(f?.redFlag?.facts.newChapters, '85');
    assert.equal(f?.redFlag?.facts.earlierChapters, '08');
    const known = new Map([[0, { screenings: 3, firstSeen: '2021-02-01T00:00:00.000Z', chapters: ['85'] }]]);
    assert.ok(!flags(PROCESSORS_TO_RUSSIA, {}, known).some((x) => x.redFlag!.rule === 'new-goods-for-party'));
  });
});

describe('tenant settings', () => {
  test('a rule switched off says nothing; a threshold changed moves the line; info lowers the severity', () => {
    const off = flags(PROCESSORS_TO_RUSSIA, { 'diversion-route': { enabled: false } });
    assert.ok(!off.some((f) => f.redFlag!.rule === 'diversion-route'));
    assert.equal(off.length, KOMINVEX_FLAGS.length - 1);
    const strict = flags(SOHA_LIKE_SHIPMENT, { 'new-company': { threshold: 6 } });
    assert.ok(!strict.some((f) => f.redFlag!.rule === 'new-company'), 'eleven months is not under six');
    const info = flags(SOHA_LIKE_SHIPMENT, { 'new-company': { severity: 'info' } });
    assert.equal(info.find((f) => f.redFlag!.rule === 'new-company')?.severity, 'info');
  });

  test('no rule of the table can block', () => {
    for (const row of RULE_TABLE.rules.values()) assert.ok(row.sources.length > 0, `${row.id} has a source`);
    assert.ok(flags(PROCESSORS_TO_RUSSIA).every((f) => f.severity !== 'block'));
  });
});

describe('nothing inferred', () => {
  test('a request without transaction or company facts carries none, and the rules that need facts stay silent', () => {
    const { transaction: _t, ...bare } = PROCESSORS_TO_RUSSIA;
    const plain = { ...bare, parties: [{ role: 'exporter', name: 'Komtrade Invest d.o.o.', country: 'RS' }] };
    assert.equal(carriesRedFlagFacts(plain as ScreenRequest), false);
    assert.equal(carriesRedFlagFacts(PROCESSORS_TO_RUSSIA as unknown as ScreenRequest), true);
    const rest = flags({
      ...PROCESSORS_TO_RUSSIA,
      transaction: { value: { amount: 1800000, currency: 'RSD' } },
    });
    assert.ok(!rest.some((f) => f.redFlag!.rule.startsWith('value-')), 'no exchange rate is applied');
  });
});
