import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ListEntity } from '../../src/entity/list-entity.ts';
import { EntityTable } from '../../src/parties/index.ts';
import { addressKey, listedAddresses } from '../../src/red-flags/listed-addresses.ts';

const entity = (entryId: string, full: string, country?: string): ListEntity => ({
  source: 'us-ofac-sdn',
  entryId,
  kind: 'organization',
  name: `Entry ${entryId}`,
  aliases: [],
  countries: country ? [country] : [],
  identifiers: [],
  addresses: [{ full, ...(country ? { country } : {}) }],
  birthDates: [],
  programs: [],
  raw: null,
});

describe('address keys', () => {
  test('order, case, punctuation and a trailing country name do not matter', () => {
    assert.equal(
      addressKey('Ul. Vymyshlennaya D. 17, Moscow 101000, Russia'),
      addressKey('ul vymyshlennaya d 17, 101000 MOSCOW'),
    );
    assert.notEqual(
      addressKey('Ul. Vymyshlennaya D. 17, Moscow'),
      addressKey('Ul. Vymyshlennaya D. 19, Moscow'),
    );
  });

  test('a city and a country alone are no address to match on', () => {
    assert.equal(addressKey('Moscow, Russia'), undefined);
    assert.equal(addressKey('Lenina street, Moscow'), undefined, 'no number');
  });
});

describe('listed addresses', () => {
  const table = EntityTable.of([
    entity('1', 'Ul. Vymyshlennaya D. 17, Moscow 101000, Russia', 'RU'),
    entity('2', '17 Harbour Road, Wan Chai, Hong Kong', 'HK'),
  ]);

  test("a consignee's address on a list is found, with the entry", async () => {
    const found = await listedAddresses(
      [
        { role: 'exporter', kind: 'organization', name: 'Seller', address: '17 Harbour Road, Wan Chai' },
        {
          role: 'consignee',
          kind: 'organization',
          name: 'Buyer',
          country: 'RU',
          address: 'ul. Vymyshlennaya d. 17, 101000 Moscow',
        },
      ],
      table,
    );
    assert.deepEqual([...found.keys()], [1], 'only consignees and end users are looked up');
    assert.equal(found.get(1)?.entryId, '1');
  });

  test('the same street and number in another country is not a match', async () => {
    const found = await listedAddresses(
      [
        {
          role: 'end_user',
          kind: 'organization',
          name: 'Buyer',
          country: 'KZ',
          address: 'Ul. Vymyshlennaya D. 17, Moscow 101000',
        },
      ],
      table,
    );
    assert.equal(found.size, 0);
  });
});

describe('listed addresses over several lists', () => {
  test('an address in a later list is found with its own entry, whatever the lists before it hold', async () => {
    const first = EntityTable.of([entity('1', '17 Harbour Road, Wan Chai, Hong Kong', 'HK')]);
    const second = EntityTable.of([
      entity('2', 'Ul. Vymyshlennaya D. 19, Moscow 101000, Russia', 'RU'),
      entity('3', 'Ul. Vymyshlennaya D. 17, Moscow 101000, Russia', 'RU'),
    ]);
    const consignee = {
      role: 'consignee' as const,
      kind: 'organization' as const,
      name: 'Buyer',
      address: 'ul. Vymyshlennaya d. 17, 101000 Moscow',
    };
    for (const table of [EntityTable.concat([first, second]), EntityTable.concat([second, first])]) {
      const found = await listedAddresses([consignee], table);
      assert.equal(found.get(0)?.entryId, '3');
    }
    // A snapshot's table after an activation: the first list replaced, the second the same object.
    const replaced = EntityTable.of([entity('4', '9 Quay Street, Moscow 101000', 'RU')]);
    const after = await listedAddresses([consignee], EntityTable.concat([replaced, second]));
    assert.equal(after.get(0)?.entryId, '3');
  });
});
