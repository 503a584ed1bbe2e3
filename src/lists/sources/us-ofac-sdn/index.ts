import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import type { ListEntity, ListSource, ParseReport } from '../../../entity/list-entity.ts';
import { files } from './download.ts';
import { filesByLowerName } from './files.ts';
import { readLegacySet } from './read-legacy.ts';
import { readOfacXml } from './read-xml.ts';

const ID = 'us-ofac-sdn';
const XML_NAMES = ['sdn_enhanced.xml', 'sdn.xml'];

async function* read(path: string, report: ParseReport): AsyncGenerator<ListEntity> {
  const dir = await filesByLowerName(path);
  if (!dir) {
    const name = basename(path).toLowerCase();
    if (name.endsWith('.xml')) {
      yield* readOfacXml(createReadStream(path, { encoding: 'utf8' }), basename(path), ID, report);
    } else if (name.endsWith('.csv')) {
      yield* readLegacySet({ primary: path }, ID, report);
    } else {
      throw new Error(
        `${ID}: cannot tell the format of ${basename(path)} (expected sdn.csv or an SDN XML file)`,
      );
    }
    return;
  }
  const primary = dir.get('sdn.csv');
  if (primary) {
    const set = {
      primary,
      addresses: dir.get('add.csv'),
      aliases: dir.get('alt.csv'),
      comments: dir.get('sdn_comments.csv'),
    };
    yield* readLegacySet(set, ID, report);
    return;
  }
  const xml = XML_NAMES.map((n) => dir.get(n)).find((p) => p !== undefined);
  if (!xml) throw new Error(`${ID}: ${path} holds neither sdn.csv nor ${XML_NAMES.join(' / ')}`);
  yield* readOfacXml(createReadStream(xml, { encoding: 'utf8' }), basename(xml), ID, report);
}

export const source: ListSource = {
  id: ID,
  title: 'OFAC Specially Designated Nationals and Blocked Persons List (SDN)',
  authority: 'U.S. Department of the Treasury, Office of Foreign Assets Control',
  pageUrl:
    'https://ofac.treasury.gov/specially-designated-nationals-and-blocked-persons-list-sdn-human-readable-lists',
  files,
  read,
};
