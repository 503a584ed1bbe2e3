import fc from 'fast-check';
import { screenRequest } from './screen-arbitraries.ts';

/** Bodies as bytes on the wire, for the parser rather than the schema: anything a broken or hostile client sends. */
export interface RawBody {
  body: string | Buffer;
  contentType: string | undefined;
  contentEncoding: string | undefined;
}

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=UTF-16',
  'application/json; charset=latin1',
  'application/json; charset="',
  'application/problem+json',
  'application/merge-patch+json',
  'text/plain',
  'text/csv',
  'application/x-ndjson',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=xyz',
  'application/octet-stream',
  'application/xml',
  'garbage/;;;=',
  '*/*',
];

const NUMBERS = [
  '-0',
  '1e308',
  '1e309',
  '-1e309',
  '1e-400',
  `1${'0'.repeat(400)}`,
  '0x10',
  '01',
  'NaN',
  '-',
  '.5',
];
const valid = '{"parties":[{"name":"Acme"}]}';

const deepNesting = fc
  .tuple(fc.integer({ min: 1, max: 300_000 }), fc.constantFrom('[', '{"a":', '{"parties":'), fc.boolean())
  .map(([depth, open, close]) => {
    const closer = open === '[' ? ']' : '}';
    return `${open.repeat(depth)}1${close ? closer.repeat(depth) : ''}`;
  });

const templated = fc.oneof(
  fc.constantFrom(...NUMBERS).map((n) => `{"parties":[{"name":"Acme"}],"goods":[{"quantity":${n}}]}`),
  fc.constantFrom(...NUMBERS).map((n) => `{"parties":[{"name":"Acme"}],"options":{"threshold":${n}}}`),
  fc.constantFrom(
    '{"parties":[{"name":"a"}],"parties":[{"name":"b"}]}',
    '{"parties":[{"name":"a"}],"parties":7}',
    '{"parties":[{"name":"a","name":{"x":1}}]}',
    '{"__proto__":{"parties":[{"name":"x"}]}}',
    '{"__proto__":{"polluted":true},"parties":[{"name":"a"}]}',
    '{"parties":[{"name":"a","__proto__":{"isAdmin":true}}]}',
    '{"constructor":{"prototype":{"polluted":true}},"parties":[{"name":"a"}]}',
    '{"parties":[{"name":"a"}],"options":{"lists":{"__proto__":["x"]}}}',
    '{"items":[{"__proto__":{"polluted":true},"parties":[{"name":"a"}]}]}',
    '{"items":[{"constructor":{"prototype":{"polluted":true}}}]}',
    '{"parties":[{"name":"\\ud800"}]}',
    '{"parties":[{"name":"\\udc00\\ud800"}]}',
    '{"parties":[{"name":"\\u0000"}]}',
    '{"reference":"\\u0000","parties":[{"name":"a"}]}',
    '{"items":[{"parties":[{"name":"\\ud83d"}]}]}',
    `\ufeff${valid}`,
    ` \n\t${valid}\n `,
    `${valid}${valid}`,
    `${valid}garbage`,
    'null',
    'true',
    '"string"',
    '[]',
    '{}',
    '',
    '{"items":[]}',
    '{"items":null}',
    '{"items":[1,"a",null,[],true]}',
  ),
  screenRequest.chain((req) => {
    const json = JSON.stringify(req);
    return fc.nat({ max: json.length }).map((cut) => json.slice(0, cut));
  }),
);

const bytes = fc.oneof(
  fc.uint8Array({ maxLength: 2048 }).map((b) => Buffer.from(b)),
  fc
    .uint8Array({ minLength: 1, maxLength: 8 })
    .map((b) => Buffer.concat([Buffer.from('{"parties":[{"name":"'), Buffer.from(b), Buffer.from('"}]}')])),
);

export const rawBody: fc.Arbitrary<RawBody> = fc.record({
  body: fc.oneof(deepNesting, templated, bytes, fc.string({ unit: 'binary', maxLength: 500 })),
  contentType: fc.option(fc.constantFrom(...CONTENT_TYPES), { nil: undefined, freq: 10 }),
  contentEncoding: fc.oneof(
    { weight: 9, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.constantFrom('gzip', 'deflate', 'br', 'identity', 'x-evil') },
  ),
});
