import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ControlRule } from '../../src/goods/index.ts';
import {
  type LicenceCase,
  licenceCovers,
  licenceRefusal,
  normaliseName,
  subjectOf,
} from '../../src/licences/licence-match.ts';
import { EU_ANNEX_I, licenceRecord } from './fixtures.ts';

const CONSIGNEE = 'Shenzhen Example Telecom Co., Ltd.';

function caseOf(over: Partial<LicenceCase> = {}): LicenceCase {
  return {
    date: '2026-06-01',
    jurisdiction: 'EU',
    destination: 'CN',
    parties: [
      { kind: 'organization', role: 'exporter', name: 'Muster GmbH' },
      { kind: 'organization', role: 'consignee', name: CONSIGNEE },
    ],
    line: { controlNumber: '5A002.a.1', quantity: 10, value: 5000, currency: 'EUR' },
    used: { quantity: 0, value: 0 },
    ...over,
  };
}

describe('licenceCovers', () => {
  const five = subjectOf(EU_ANNEX_I, { controlNumber: '5a002.A.1' })!;
  test('a control number covers itself and its sub-items, not a sibling or a longer stem', () => {
    assert.deepEqual(five, { kind: 'control-number', value: '5A002.a.1' });
    assert.ok(licenceCovers([{ controlNumber: '5A002' }], five));
    assert.ok(licenceCovers([{ controlNumber: '5A002.a.1' }], five));
    assert.ok(!licenceCovers([{ controlNumber: '5A002.a.2' }], five));
    assert.ok(!licenceCovers([{ controlNumber: '5A001' }], five));
    assert.ok(
      !licenceCovers([{ controlNumber: '5A002.a' }], subjectOf(EU_ANNEX_I, { controlNumber: '5A002.b' })!),
    );
  });

  test('a tariff code covers every longer code under it; a control number does not cover a tariff finding', () => {
    const rule: ControlRule = { ...EU_ANNEX_I, id: 't', subject: 'tariff', codeSystem: 'HS', code: '8517' };
    const line = subjectOf(rule, { code: '8517 62 00', controlNumber: '5A002' })!;
    assert.deepEqual(line, { kind: 'tariff', digits: '85176200' });
    assert.ok(licenceCovers([{ code: '8517' }], line));
    assert.ok(licenceCovers([{ code: '8517.62' }], line));
    assert.ok(!licenceCovers([{ code: '8542' }], line));
    assert.ok(!licenceCovers([{ controlNumber: '5A002' }], line));
  });
});

describe('licenceRefusal', () => {
  test('a valid licence for the goods, destination and consignee applies', () => {
    assert.equal(licenceRefusal(licenceRecord(), caseOf()), undefined);
    // Validity is inclusive at both ends.
    assert.equal(licenceRefusal(licenceRecord(), caseOf({ date: '2026-01-01' })), undefined);
    assert.equal(licenceRefusal(licenceRecord(), caseOf({ date: '2026-12-31' })), undefined);
  });

  test('expired, not yet valid and revoked licences say so', () => {
    assert.equal(
      licenceRefusal(licenceRecord(), caseOf({ date: '2027-01-01' })),
      'licence EXP-1 expired 2026-12-31',
    );
    assert.equal(
      licenceRefusal(licenceRecord(), caseOf({ date: '2025-12-31' })),
      'licence EXP-1 is valid only from 2026-01-01',
    );
    const revoked = licenceRecord({
      revokedAt: '2026-03-02T10:00:00.000Z',
      revokedBy: 'k1',
      revocationReason: 'end user changed',
    });
    assert.equal(
      licenceRefusal(revoked, caseOf()),
      'licence EXP-1 was revoked on 2026-03-02: end user changed',
    );
  });

  test('another regime, destination, consignee or end user does not apply', () => {
    assert.match(licenceRefusal(licenceRecord(), caseOf({ jurisdiction: 'US' }))!, /EU regime .* US control/);
    assert.match(licenceRefusal(licenceRecord(), caseOf({ jurisdiction: 'INTL' }))!, /INTL control/);
    assert.equal(licenceRefusal(licenceRecord({ regime: 'national' }), caseOf()), undefined);
    assert.equal(
      licenceRefusal(licenceRecord(), caseOf({ destination: 'RU' })),
      'licence EXP-1 is for destination CN, not RU',
    );
    const other = caseOf({
      parties: [{ kind: 'organization', role: 'consignee', name: 'Other Trading Ltd' }],
    });
    assert.equal(
      licenceRefusal(licenceRecord(), other),
      `licence EXP-1: its consignee is "${CONSIGNEE}", not "Other Trading Ltd"`,
    );
    // The licensed name under another role is not the consignee.
    const asBuyer = caseOf({ parties: [{ kind: 'organization', role: 'buyer', name: CONSIGNEE }] });
    assert.match(licenceRefusal(licenceRecord(), asBuyer)!, /names no consignee/);
    // A second consignee the licence does not name is a mismatch, even beside the licensed one.
    const two = caseOf({
      parties: [
        { kind: 'organization', role: 'consignee', name: CONSIGNEE },
        { kind: 'organization', role: 'consignee', name: 'X Ltd' },
      ],
    });
    assert.match(licenceRefusal(licenceRecord(), two)!, /not "X Ltd"/);
    const endUser = licenceRecord({ endUser: 'PLA Unit 61398' });
    assert.match(licenceRefusal(endUser, caseOf())!, /names no end user/);
  });

  test('party names compare up to case, punctuation, accents and script; an alias may carry the name', () => {
    assert.equal(normaliseName('  SHENZHEN example-Telecom Co., LTD. '), normaliseName(CONSIGNEE));
    assert.equal(normaliseName('Société Générale'), 'societe generale');
    const alias = caseOf({
      parties: [{ kind: 'organization', role: 'consignee', name: '深圳示例', aliases: [CONSIGNEE] }],
    });
    assert.equal(licenceRefusal(licenceRecord(), alias), undefined);
    assert.notEqual(normaliseName('Acme Ltd'), normaliseName('Acme Limited'));
  });

  test('quantity and value: within what is left, else exhausted; a value in another currency is not checked', () => {
    const limited = licenceRecord({ quantityLimit: 100, valueLimit: 50_000, currency: 'EUR' });
    assert.equal(licenceRefusal(limited, caseOf()), undefined);
    assert.equal(
      licenceRefusal(limited, caseOf({ used: { quantity: 95, value: 0 } })),
      'licence EXP-1 is exhausted: quantity 10 exceeds the 5 of 100 left',
    );
    assert.equal(
      licenceRefusal(limited, caseOf({ used: { quantity: 0, value: 46_000 } })),
      'licence EXP-1 is exhausted: value 5000 EUR exceeds the 4000 of 50000 left',
    );
    const usd = caseOf({ line: { controlNumber: '5A002', value: 10, currency: 'USD' } });
    assert.match(licenceRefusal(limited, usd)!, /value in EUR; the line's value in USD cannot be checked/);
    // A line without quantity or value is not held to the limits (the request does not say).
    assert.equal(licenceRefusal(limited, caseOf({ line: { controlNumber: '5A002' } })), undefined);
  });
});
