import fc from 'fast-check';

// Names that hit the invented SDN fixture, so some generated screenings produce findings, not only `clear`.
const LISTED_NAMES = [
  'OOO ZVEZDA MIKROELEKTRONIKA',
  'ООО Звезда Микроэлектроника',
  'Ivan Sergeevich Petrov',
  'Nordlicht Handels GmbH',
];
const COUNTRIES = ['DE', 'RU', 'BY', 'IR', 'KP', 'CN', 'US', 'FR', 'RS', 'UA-43', 'TR', 'AE', 'XX', 'ZZ-999'];
const ROLES = [
  'exporter',
  'consignee',
  'end_user',
  'intermediary',
  'freight_forwarder',
  'bank',
  'buyer',
  'seller',
  'customer',
  'other',
];
const SOURCES = ['us-ofac-sdn', 'chpl', 'embargoes', 'dual-use', 'un-sc', 'eu-fsf', 'nope', ''];

/** Well-formed text without NUL: what a careful client sends (any script, emoji, combining marks). */
const text = (minLength: number, maxLength: number) =>
  fc
    .string({ unit: 'grapheme', minLength, maxLength })
    .map((s) => s.replaceAll('\u0000', ''))
    .filter((s) => s.length >= minLength && s.length <= maxLength);

const country = fc.oneof(fc.constantFrom(...COUNTRIES), fc.stringMatching(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/));
const isoDate = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const party = fc.record(
  {
    role: fc.constantFrom(...ROLES),
    kind: fc.constantFrom('organization', 'person', 'vessel', 'unknown'),
    name: fc.oneof(fc.constantFrom(...LISTED_NAMES), text(1, 300)),
    aliases: fc.array(text(1, 60), { maxLength: 3 }),
    country,
    address: text(0, 200),
    identifiers: fc.array(
      fc.record(
        {
          scheme: fc.oneof(
            fc.constantFrom('inn', 'ogrn', 'lei', 'imo'),
            fc.stringMatching(/^[a-z][a-z0-9_]{0,39}$/),
          ),
          value: text(1, 100),
          country,
        },
        { requiredKeys: ['scheme', 'value'] },
      ),
      { maxLength: 2 },
    ),
    birthDate: fc.oneof(fc.stringMatching(/^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$/), isoDate),
  },
  { requiredKeys: ['name'] },
);

const goodsLine = fc.record(
  {
    code: fc.oneof(
      fc.constantFrom('8542 31 90', '854231', '8471.30.0100', '9306.30', '2710', '0101'),
      fc.stringMatching(/^[0-9 .]{0,20}$/),
      text(0, 20),
    ),
    codeSystem: fc.constantFrom('HS', 'CN', 'TARIC', 'HTS'),
    controlNumber: fc.oneof(fc.constantFrom('3A001', '5A992.c', 'EAR99', '0A501', '9X515'), text(0, 30)),
    description: text(0, 200),
    manufacturer: text(0, 100),
    originCountry: country,
    quantity: fc.oneof(fc.double({ min: 0, noNaN: true, noDefaultInfinity: true }), fc.constant(1e308)),
    value: fc.oneof(fc.double({ min: 0, noNaN: true, noDefaultInfinity: true }), fc.nat()),
    currency: fc.stringMatching(/^[A-Z]{3}$/),
  },
  { requiredKeys: [] },
);

const route = fc.record(
  { origin: country, destination: country, transit: fc.array(country, { maxLength: 4 }) },
  { requiredKeys: [] },
);

const options = fc.record(
  {
    threshold: fc.double({ min: 0.5, max: 1, noNaN: true }),
    lists: fc.record(
      {
        include: fc.array(fc.constantFrom(...SOURCES), { maxLength: 3 }),
        exclude: fc.array(fc.constantFrom(...SOURCES), { maxLength: 3 }),
      },
      { requiredKeys: [] },
    ),
    asOf: fc
      .date({
        min: new Date('0001-01-01T00:00:00Z'),
        max: new Date('9999-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString()),
  },
  { requiredKeys: [] },
);

/** A request the schema accepts (POST /screen body, or one batch item). */
export const screenRequest = fc.record(
  {
    reference: text(0, 200),
    date: isoDate,
    options,
    parties: fc.array(party, { minLength: 1, maxLength: 4 }),
    goods: fc.array(goodsLine, { maxLength: 3 }),
    route,
  },
  { requiredKeys: ['parties'] },
);

/** Values that break assumptions wherever they land. */
export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({ maxDepth: 3, withNullPrototype: true, withObjectString: true }),
  fc.constantFrom(
    'NaN',
    '1e308',
    '-0',
    'Infinity',
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '\ud800',
    'x\udfffy',
    '\u202e\u200b\ufeff',
    '\r\n\t\u0007\u001b[31m',
    "' OR 1=1 --",
    '%_\\',
    '__proto__',
    1e308,
    -0,
    -1,
    Number.MAX_SAFE_INTEGER + 2,
    true,
    null,
    [],
    {},
  ),
  fc.string({ unit: 'binary', maxLength: 50 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)), maxLength: 20 }),
  fc.integer({ min: 301, max: 5000 }).map((n) => 'W'.repeat(n)),
);

/** A valid request with one field (at any depth) replaced by a nasty value, or a nasty extra field added. */
export const mutatedScreenRequest = fc
  .tuple(
    screenRequest,
    fc.nat(),
    nastyValue,
    fc.constantFrom('replace', 'add'),
    fc.constantFrom('x', '__proto__', 'constructor', 'prototype', 'toString', ''),
  )
  .map(([req, pick, value, how, extraKey]) => {
    const slots: Array<[Record<string, unknown> | unknown[], string | number]> = [];
    const walk = (node: unknown) => {
      if (Array.isArray(node))
        node.forEach((v, i) => {
          slots.push([node, i]);
          walk(v);
        });
      else if (node && typeof node === 'object') {
        for (const [k, v] of Object.entries(node)) {
          slots.push([node as Record<string, unknown>, k]);
          walk(v);
        }
      }
    };
    walk(req);
    const [holder, key] = slots[pick % slots.length]!;
    if (how === 'replace' || Array.isArray(holder)) (holder as Record<string | number, unknown>)[key] = value;
    else
      Object.defineProperty(holder, extraKey, {
        value,
        enumerable: true,
        configurable: true,
        writable: true,
      });
    return req as unknown;
  });
