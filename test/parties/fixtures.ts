import assert from 'node:assert/strict';
import type { ListEntity } from '../../src/entity/list-entity.ts';
import type { IndexData } from '../../src/parties/index-data.ts';
import { indexLinks } from '../../src/parties/prepare-query.ts';
import { skeleton } from '../../src/parties/skeleton.ts';
import { typoLinks } from '../../src/parties/typo-links.ts';

/** Invented entries (no real list content) for unit tests. */
export function mk(entryId: string, name: string, extra: Partial<ListEntity> = {}): ListEntity {
  return {
    source: 'test-list',
    entryId,
    kind: 'organization',
    name,
    aliases: [],
    countries: [],
    identifiers: [],
    addresses: [],
    birthDates: [],
    programs: ['TEST-PROGRAM'],
    listedOn: '2024-01-02',
    raw: {},
    ...extra,
  };
}

const WORDS = ['ALPHA', 'BRAVO', 'CEDAR', 'DELTA', 'EMBER', 'FJORD', 'GARNET', 'HARBOR', 'IRIS', 'JUNO'];
const CITIES = ['BEOGRAD', 'MOSCOW'];

/** Enough filler that "trading", "group", "international" and two cities are common words. */
export function filler(count = 400): ListEntity[] {
  const out: ListEntity[] = [];
  for (let i = 0; i < count; i++) {
    const a = WORDS[i % WORDS.length]!;
    const b = `${WORDS[(i * 7 + 3) % WORDS.length]}${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + ((i * 11) % 26))}`;
    const common = ['TRADING', 'GROUP', 'INTERNATIONAL'][i % 3]!;
    out.push(mk(`F${i}`, `${a} ${b} ${common} LLC ${CITIES[i % 2]}`));
  }
  return out;
}

export const ENTRIES: ListEntity[] = [
  mk('E1', 'OOO BITTERIYA', {
    countries: ['RU'],
    identifiers: [{ type: 'inn', value: '7707083893', country: 'RU' }],
  }),
  mk('E2', 'KOMINVEX DOO BEOGRAD', { countries: ['RS'] }),
  mk('E3', 'LIMITED LIABILITY COMPANY VELESSTORE', { countries: ['RU'] }),
  mk('E4', 'SOHAINFO DOO NOVI BANOVCI', { countries: ['RS'] }),
  mk('E5', 'QWERTA TRADING DOO BEOGRAD PALILULA'),
  mk('E6', 'GOODFORWARDING DOO BEOGRAD'),
  mk('E7', 'PUTIN, Vladimir Vladimirovich', {
    kind: 'person',
    birthDates: ['1952-10-07'],
    countries: ['RU'],
    aliases: [{ value: 'ПУТИН Владимир Владимирович', quality: 'strong', script: 'Cyrl' }],
  }),
  mk('E8', 'PETROVIC, Zoran', { kind: 'person', birthDates: ['1969-04-25'] }),
  mk('E9', 'ZARYA SHIPPING', {
    kind: 'vessel',
    identifiers: [
      { type: 'imo', value: 'IMO 9074729' },
      { type: 'phone', value: '+7 495 000 0000' },
    ],
  }),
  mk('E10', 'Ωμέγα Ναυτιλιακή', { countries: ['GR'] }),
  mk('E11', 'شركة النور', { countries: ['AE'] }),
  mk('E12', '北京华信科技', { countries: ['CN'] }),
  mk('E13', 'ГРАНИТ-ЦЕНТР', {
    countries: ['UA'],
    identifiers: [{ type: 'lei', value: '5493001KJTIIGC8Y1R12' }],
  }),
  mk('E15', 'NORTHWIND LOGISTICS', {
    aliases: [{ value: 'SEVERNYI VETER', quality: 'strong', script: 'Latn' }],
  }),
  mk('E14', 'SHCHUKIN, Yevgeniy Khristoforovich', { kind: 'person', countries: ['RU'] }),
];

/** Every field of a built index but the build's own duration, which is a measurement: two builds compare equal. */
export function comparable(d: IndexData): Omit<IndexData, 'buildMs'> {
  const { buildMs: _ms, ...rest } = d;
  return rest;
}

/** The similarity a typed word's slip lookup (typo-links.ts) gives the listed word, 0 when it links none. */
export function typoLinkSim(d: IndexData, typed: string, listed: string): number {
  const v = d.vocabMap.get(skeleton(listed));
  assert.ok(v !== undefined, `${listed} is in the vocabulary`);
  return typoLinks(d, typed, skeleton(typed), indexLinks).get(v) ?? 0;
}
