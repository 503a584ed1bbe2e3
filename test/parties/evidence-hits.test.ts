import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildIndex, type Hit, type PartyQuery } from '../../src/parties/index.ts';
import { partyFindings } from '../../src/screening/party-findings.ts';
import { filler, mk } from './fixtures.ts';

// Issue 19, "What goes wrong" 5: contradictions that must pull a hit down, on invented entries.
const index = buildIndex([
  mk('P1', 'KARIMOV, Rustam Aliyevich', { kind: 'person', birthDates: ['1970-05-12'], countries: ['UZ'] }),
  mk('V1', 'OCEAN STAR', {
    kind: 'vessel',
    countries: ['PA'],
    identifiers: [
      { type: 'imo', value: 'IMO 9074729' },
      { type: 'mmsi', value: '351234567' },
    ],
  }),
  mk('O1', 'BELMONT TRADING HOUSE', {
    countries: ['RU'],
    identifiers: [{ type: 'registration', value: '1234567890', country: 'RU' }],
  }),
  ...filler(),
]);

function hit(q: PartyQuery, id: string): Hit {
  const h = index.search(q, { minScore: 0, limit: 50 }).find((x) => x.entryId === id);
  assert.ok(h, `${JSON.stringify(q)} should reach ${id}`);
  return h;
}

test('a birth date 13 years off pulls a review hit below review; same date lifts it; a year off barely moves it', () => {
  const name = 'Rustam Karimov'; // a listed word missing: review, not block
  const base = hit({ name }, 'P1');
  assert.equal(base.band, 'review', `precondition: ${base.score}`);
  const far = hit({ name, birthDate: '1957' }, 'P1');
  assert.equal(far.band, 'below', `${far.score}: ${far.evidence.birthDate.detail}`);
  assert.equal(far.evidence.birthDate.detail, 'birth year 1957 vs listed 1970: 13 years apart, −0.25');
  assert.ok(hit({ name, birthDate: '1970-05-12' }, 'P1').score > base.score);
  const month = hit({ name, birthDate: '1970-09-12' }, 'P1');
  assert.ok(month.score < base.score, 'a wrong month costs something');
  const oneYear = hit({ name, birthDate: '1971-05-12' }, 'P1');
  assert.ok(
    base.score - oneYear.score <= 0.02 + 1e-9 && oneYear.band === 'review',
    'a year off is nearly neutral',
  );
  // Even the exact full name falls below review when the birth date is far apart: a namesake.
  assert.equal(hit({ name: 'Rustam Aliyevich Karimov', birthDate: '1990-01-01' }, 'P1').band, 'below');
});

test('organisation "Ocean Star" is not the vessel "Ocean Star"; an unknown kind is neutral', () => {
  const unknown = hit({ name: 'Ocean Star' }, 'V1');
  assert.equal(unknown.band, 'block', `precondition: ${unknown.score}`);
  assert.equal(hit({ name: 'Ocean Star', kind: 'unknown' }, 'V1').score, unknown.score);
  const org = hit({ name: 'Ocean Star', kind: 'organization' }, 'V1');
  assert.equal(org.band, 'below', `${org.score}`);
  assert.equal(hit({ name: 'Ocean Star', kind: 'person' }, 'V1').band, 'below');
  assert.equal(hit({ name: 'Ocean Star', kind: 'vessel' }, 'V1').band, 'block');
});

test('vessel: another valid IMO is near-proof of another ship, a different flag pulls clearly, matches raise', () => {
  const vessel = { name: 'Ocean Star', kind: 'vessel' } as const;
  const otherImo = hit({ ...vessel, identifiers: [{ scheme: 'imo', value: '9176187' }] }, 'V1');
  assert.equal(otherImo.band, 'below', `${otherImo.score}: ${otherImo.evidence.identifiers.detail}`);
  const otherFlag = hit({ ...vessel, country: 'KM' }, 'V1');
  const base = hit(vessel, 'V1');
  assert.ok(base.score - otherFlag.score >= 0.1, `${base.score} → ${otherFlag.score}`);
  assert.ok(hit({ ...vessel, country: 'PA' }, 'V1').score >= base.score);
  assert.ok(
    hit({ ...vessel, identifiers: [{ scheme: 'mmsi', value: '351000001' }] }, 'V1').score < base.score,
  );
  // A misspelt name with the listed IMO blocks: the IMO is the ship.
  const sameImo = hit(
    { name: 'Ocean Stars', kind: 'vessel', identifiers: [{ scheme: 'imo', value: 'IMO 9074729' }] },
    'V1',
  );
  assert.equal(sameImo.band, 'block');
  assert.match(
    sameImo.evidence.identifiers.detail,
    /^imo 9074729 matches: identity, score at least 0\.9\d, \+0\.\d\d$/,
  );
  // A misspelt name with another flag falls out of review.
  const misspelt = hit({ name: 'Ocean Stars', kind: 'vessel' }, 'V1');
  assert.equal(misspelt.band, 'review', `precondition: ${misspelt.score}`);
  assert.equal(hit({ name: 'Ocean Stars', kind: 'vessel', country: 'KM' }, 'V1').band, 'below');
});

test('another registration number of the same country pulls a company below review', () => {
  const name = 'Belmont Trading House';
  assert.equal(hit({ name }, 'O1').band, 'block', 'precondition');
  const other = hit(
    { name, country: 'RU', identifiers: [{ scheme: 'registration', value: '1234567899' }] },
    'O1',
  );
  assert.ok(other.score < 0.8, `${other.score}: ${other.evidence.identifiers.detail}`);
  // From another country's registry the number says nothing about this entry.
  const foreign = hit(
    { name, identifiers: [{ scheme: 'registration', value: '1234567899', country: 'DE' }] },
    'O1',
  );
  assert.equal(foreign.evidence.identifiers.score, null);
});

test('the explanation of a finding names each evidence effect in words', () => {
  const findings = partyFindings(
    index,
    [
      {
        role: 'customer',
        name: 'Rustam Aliyevich Karimov',
        kind: 'person',
        country: 'UZ',
        birthDate: '1970-05',
      },
    ],
    { reviewThreshold: 0.8, blockThreshold: 0.95, sourceAllowed: () => true, sourceTitle: () => 'Test list' },
  );
  const f = findings.find((x) => x.kind === 'party_match');
  assert.ok(f && 'explanation' in f, JSON.stringify(findings));
  const parts = Object.fromEntries((f.explanation ?? []).map((p) => [p.part, p.detail]));
  assert.equal(parts.country, 'country UZ listed, +0.02');
  assert.equal(parts.birth_date, 'birth date 1970-05 vs listed 1970-05-12: same year and month, +0.02');
  assert.equal(parts.kind, 'both person, no effect');
});
