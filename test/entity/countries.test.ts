import assert from 'node:assert/strict';
import { createReadStream } from 'node:fs';
import { test } from 'node:test';
import { parse } from 'csv-parse';
import { countryCode, knownCountryCodes } from '../../src/entity/countries.ts';
import { unzipXmlText } from '../../src/lists/sources/us-ofac-cons/parse.ts';
import { listFile, skipWithoutLists } from '../support/lists-dir.ts';

test('every ISO 3166-1 alpha-2 code is covered, plus Kosovo', () => {
  const codes = knownCountryCodes();
  assert.equal(codes.size, 250);
  for (const code of ['AD', 'KP', 'KR', 'MM', 'PS', 'SS', 'XK', 'ZW']) assert.ok(codes.has(code), code);
});

test('sanctions-list spellings map to the right code', () => {
  const cases: [string, string][] = [
    ['Russia', 'RU'],
    ['Russian Federation', 'RU'],
    ['Korea, North', 'KP'],
    ['Korea, South', 'KR'],
    ['Burma', 'MM'],
    ['Iran', 'IR'],
    ['Syria', 'SY'],
    ['Turkey', 'TR'],
    ['Türkiye', 'TR'],
    ['Czech Republic', 'CZ'],
    ['Congo, Democratic Republic of the', 'CD'],
    ['Congo, Republic of the', 'CG'],
    ['Region: Crimea', 'UA'],
    ['Bahamas, The', 'BS'],
    ["Cote d'Ivoire", 'CI'],
    ['Côte d’Ivoire', 'CI'],
    ['Palestinian', 'PS'],
    ['Virgin Islands, British', 'VG'],
    ['  united arab emirates ', 'AE'],
    ['RS', 'RS'],
    ['Region: Gaza', 'PS'],
    ['Region: Russia', 'RU'],
    ['Man, Isle of', 'IM'],
  ];
  for (const [name, code] of cases) assert.equal(countryCode(name), code, name);
});

test('unknown names and non-codes are undefined', () => {
  for (const name of ['None Identified', 'Atlantis', '', 'ZZ', 'rs', 'Region: Kafia Kingi'])
    assert.equal(countryCode(name), undefined, name);
});

/** Places OFAC names that are no single ISO country: disputed areas, dissolved states, groupings. */
const NOT_A_COUNTRY = new Set([
  'undetermined',
  'Netherlands Antilles',
  'Region: Kafia Kingi',
  'Region: Jammu and Kashmir',
  'Region: Commonwealth of Independent States',
]);

test('every country in the real OFAC address files is known', { skip: skipWithoutLists }, async () => {
  const unknown = new Set<string>();
  for (const file of [listFile('ofac_sdn_aux', 'add.csv'), listFile('ofac_cons', 'cons_add.csv')]) {
    for await (const row of createReadStream(file).pipe(parse({ relax_column_count: true })) as AsyncIterable<
      string[]
    >) {
      const country = row[4]?.trim();
      if (country && country !== '-0-' && !NOT_A_COUNTRY.has(country) && !countryCode(country))
        unknown.add(country);
    }
  }
  assert.deepEqual([...unknown], []);
});

test('OFAC reference countries map to the ISO code OFAC gives', { skip: skipWithoutLists }, async () => {
  let xml = '';
  for await (const chunk of unzipXmlText(listFile('ofac_cons', 'CONS_ENHANCED.ZIP'))) {
    xml += chunk;
    if (xml.includes('</referenceValues>')) break;
  }
  const pairs = [
    ...xml.matchAll(/<type>COUNTRY<\/type>\s*<value>([^<]+)<\/value>\s*<isoCode>([A-Z]{2})<\/isoCode>/g),
  ];
  assert.ok(pairs.length > 150);
  const wrong = pairs
    .filter(([, name, iso]) => countryCode(name ?? '') !== iso)
    .map(([, name, iso]) => `${name}→${iso}`);
  assert.deepEqual(wrong, []);
});
