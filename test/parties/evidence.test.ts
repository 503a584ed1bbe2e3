import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ListEntity } from '../../src/entity/list-entity.ts';
import {
  compareBirthDate,
  compareCountry,
  compareIds,
  compareKind,
  prepareFields,
} from '../../src/parties/evidence.ts';
import type { PartyQuery } from '../../src/parties/types.ts';
import { mk } from './fixtures.ts';

const person = (birthDates: string[], extra: Partial<ListEntity> = {}) =>
  mk('P', 'KARIMOV, Rustam', { kind: 'person', birthDates, ...extra });
const dob = (query: string, listed: string[], kind: string | null = 'person', e = person(listed)) =>
  compareBirthDate(query, kind, e);

test('birth date: graded from the same day to far apart, each side of each boundary', () => {
  const cases: [string, string[], number][] = [
    ['1969-04-25', ['1969-04-25'], 0.04], // exact
    ['1969-04', ['1969-04-25'], 0.02], // same year and month at the query's precision
    ['1969', ['1969-04-25'], 0.01], // same year
    ['1969-04-25', ['1969'], 0.01], // a listed year-only date agrees as far as it goes
    ['1969-05-04', ['1969-04-05'], -0.01], // day and month swapped: clerical, nearly neutral
    ['1969-04-26', ['1969-04-25'], -0.04], // same month, another day
    ['1969-08-25', ['1969-04-25'], -0.08], // a wrong month with the same year costs something
    ['1970-04-25', ['1969-04-25'], -0.02], // a year off by one is nearly neutral
    ['1970', ['1969'], -0.02],
    ['1971', ['1969'], -0.05], // 2 years
    ['1972', ['1969'], -0.15], // 3 years: a clear contradiction
    ['1974', ['1969'], -0.15], // 5 years
    ['1975', ['1969'], -0.25], // 6 years: far apart
    ['1957', ['1970'], -0.25], // 13 years
    ['1996-04-25', ['1969-04-25'], -0.05], // same day and month, year digits swapped: a typo, not 27 years
    ['1989-04-25', ['1969-04-25'], -0.05], // one digit of the year mistyped
    ['1989-04-26', ['1969-04-25'], -0.25], // no typo pattern: 20 years
  ];
  for (const [q, listed, effect] of cases) {
    const p = dob(q, listed);
    assert.equal(p.effect, effect, `${q} vs ${listed.join(', ')}: ${p.detail}`);
  }
  // Agreement scores fall as the effect falls.
  assert.equal(dob('1969-04-25', ['1969-04-25']).score, 1);
  assert.equal(dob('1957', ['1970']).score, 0);
});

test('birth date: the best of several listed dates counts, and listed ranges hold the years inside', () => {
  assert.equal(dob('1969-04-25', ['1960', '1969-04-25', '1975-01-01']).effect, 0.04);
  assert.equal(dob('1961', ['1960', '1975-01-01']).effect, -0.02);
  // "1951 to 1953" is listed as its two ends: 1952 lies inside.
  const inside = dob('1952-06-01', ['1951', '1953']);
  assert.equal(inside.effect, 0.01);
  assert.match(inside.detail, /1951–1953/);
  // Two alternative years too far apart to be a range: the nearest one counts.
  assert.equal(dob('1955', ['1951', '1960']).effect, -0.15);
});

test('birth date: persons only, unknown kinds compared, missing or malformed dates neutral', () => {
  const org = mk('O', 'ACME', { kind: 'organization', birthDates: ['1990'] });
  assert.equal(compareBirthDate('1950', null, org).effect, 0);
  assert.equal(compareBirthDate('1950', 'organization', person(['1990'])).effect, 0);
  assert.equal(
    compareBirthDate('1950', null, mk('U', 'X', { kind: 'unknown', birthDates: ['1990'] })).effect,
    -0.25,
  );
  assert.equal(dob('1950', []).score, null);
  assert.equal(compareBirthDate(null, 'person', person(['1990'])).score, null);
  assert.equal(dob('1950', ['circa 1950']).score, null);
});

test('birth date detail says the dates, the distance and the effect in words', () => {
  assert.equal(dob('1957', ['1970-03-01']).detail, 'birth year 1957 vs listed 1970: 13 years apart, −0.25');
  assert.equal(
    dob('1969-08-25', ['1969-04-25']).detail,
    'birth date 1969-08-25 vs listed 1969-04-25: same year, another month, −0.08',
  );
  assert.match(dob('1969-04-25', ['1969-04-25']).detail, /same date, \+0\.04$/);
});

const fields = (q: Partial<PartyQuery>) => prepareFields({ name: 'x', ...q });

test('kind: a clear contradiction costs enough to leave review, unknown is neutral', () => {
  const vessel = mk('V', 'OCEAN STAR', { kind: 'vessel' });
  assert.equal(compareKind(fields({ kind: 'organization' }), vessel).effect, -0.25);
  assert.equal(compareKind(fields({ kind: 'person' }), vessel).effect, -0.25);
  assert.equal(compareKind(fields({ kind: 'person' }), mk('A', 'X', { kind: 'aircraft' })).effect, -0.25);
  // A sole trader carries its owner's name: weaker, so an exact name stays at review.
  assert.equal(compareKind(fields({ kind: 'person' }), mk('O', 'X')).effect, -0.2);
  assert.equal(compareKind(fields({ kind: 'vessel' }), vessel).effect, 0);
  assert.equal(compareKind(fields({ kind: 'unknown' }), vessel).score, null);
  assert.equal(compareKind(fields({ kind: 'organization' }), mk('U', 'X', { kind: 'unknown' })).score, null);
  assert.equal(
    compareKind(fields({ kind: 'organization' }), vessel).detail,
    'organization vs listed vessel: different kinds, −0.25',
  );
});

test('country: agreement +0.02; disagreement by kind, weakest for persons, strongest for a vessel flag', () => {
  const f = fields({ country: 'FR' });
  assert.equal(compareCountry(fields({ country: 'ru' }), mk('O', 'X', { countries: ['RU'] })).effect, 0.02);
  assert.equal(compareCountry(f, mk('O', 'X', { countries: ['RU'] })).effect, -0.1);
  assert.equal(compareCountry(f, person([], { countries: ['RU'] })).effect, -0.06);
  const ship = mk('V', 'X', { kind: 'vessel', countries: ['PA'] });
  assert.equal(compareCountry(f, ship).effect, -0.12);
  assert.match(compareCountry(f, ship).detail, /^flag FR vs listed PA: no overlap, −0\.12$/);
  // An address country is a residence: it agrees too.
  const resident = person([], { countries: ['RU'], addresses: [{ full: 'Paris', country: 'FR' }] });
  assert.equal(compareCountry(f, resident).effect, 0.02);
  assert.equal(compareCountry(f, mk('O', 'X')).score, null);
  assert.equal(compareCountry(fields({}), mk('O', 'X', { countries: ['RU'] })).score, null);
});

const ids = (q: PartyQuery['identifiers'], e: ListEntity, country?: string) => {
  const f = fields({ identifiers: q, ...(country ? { country } : {}) });
  return compareIds(f.ids, f.country, e);
};

test('identifiers: a different valid IMO is near-proof of another vessel; MMSI weaker; matches win', () => {
  const ship = mk('V', 'OCEAN STAR', {
    kind: 'vessel',
    identifiers: [
      { type: 'imo', value: 'IMO 9074729' },
      { type: 'mmsi', value: '273456789' },
    ],
  });
  const otherImo = ids([{ scheme: 'imo', value: '9176187' }], ship);
  assert.equal(otherImo.part.effect, -0.3);
  assert.match(otherImo.part.detail, /^imo 9176187 vs listed 9074729: another valid number.*−0\.30$/);
  // A mistyped IMO (bad check digit) proves nothing.
  assert.equal(ids([{ scheme: 'imo', value: '9176188' }], ship).part.score, null);
  assert.equal(ids([{ scheme: 'mmsi', value: '273000001' }], ship).part.effect, -0.1);
  assert.equal(ids([{ scheme: 'imo', value: '9074729' }], ship).strong, true);
  // The IMO is shared, the MMSI changed with a new flag: the same ship.
  const both = ids(
    [
      { scheme: 'mmsi', value: '636000001' },
      { scheme: 'imo', value: '9074729' },
    ],
    ship,
  );
  assert.equal(both.strong, true);
});

test('identifiers: another passport or registry number of the same country conflicts, of another does not', () => {
  const listed = person([], {
    countries: ['RU'],
    identifiers: [
      { type: 'passport', value: '721234567', country: 'RU' },
      { type: 'registration', value: '7712345678', country: 'RU' },
    ],
  });
  assert.equal(ids([{ scheme: 'passport', value: '729999999', country: 'RU' }], listed).part.effect, -0.12);
  // The party's country stands in for a number without one.
  assert.equal(ids([{ scheme: 'passport', value: '729999999' }], listed, 'RU').part.effect, -0.12);
  assert.equal(ids([{ scheme: 'passport', value: '729999999', country: 'UA' }], listed).part.score, null);
  assert.equal(ids([{ scheme: 'passport', value: '729999999' }], listed).part.score, null);
  assert.equal(
    ids([{ scheme: 'registration', value: '7799999999', country: 'RU' }], listed).part.effect,
    -0.25,
  );
  // A short number collides across registries: never a contradiction.
  assert.equal(ids([{ scheme: 'registration', value: '12345', country: 'RU' }], listed).part.score, null);
  const phone = mk('O', 'X', { identifiers: [{ type: 'phone', value: '+7 495 000 0000' }] });
  const weak = ids([{ scheme: 'phone', value: '+74950000000' }], phone).part;
  assert.equal(weak.effect, 0.03);
  assert.equal(ids([{ scheme: 'phone', value: '+74950000001' }], phone).part.score, null);
});

test('identifiers: a BIC with a branch code is the same bank as its 8-character form', () => {
  const bank = mk('B', 'X BANK', { identifiers: [{ type: 'swift', value: 'DEUTDEFF' }] });
  assert.equal(ids([{ scheme: 'swift', value: 'DEUTDEFF500' }], bank).strong, true);
  assert.equal(ids([{ scheme: 'swift', value: 'DEUTDEFFXXX' }], bank).strong, true);
  assert.equal(ids([{ scheme: 'swift', value: 'COBADEFF' }], bank).part.effect, -0.25);
});

test('maxBonus covers the largest bonus every field can give', () => {
  const q: PartyQuery = {
    name: 'x',
    country: 'RU',
    birthDate: '1970-01-01',
    identifiers: [{ scheme: 'phone', value: '+7 495 000 0000' }],
  };
  const f = prepareFields(q);
  const best = person(['1970-01-01'], {
    countries: ['RU'],
    identifiers: [{ type: 'phone', value: '+7 495 000 0000' }],
  });
  const gained =
    compareCountry(f, best).effect +
    compareBirthDate(f.dob, f.kind, best).effect +
    compareIds(f.ids, f.country, best).part.effect +
    compareKind(f, best).effect;
  assert.ok(gained > 0.05, `every field agreed: ${gained}`);
  assert.ok(gained <= f.maxBonus + 1e-9, `${gained} > maxBonus ${f.maxBonus}`);
  assert.equal(prepareFields({ name: 'x' }).maxBonus, 0);
});
