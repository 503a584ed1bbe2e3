import { createReadStream } from 'node:fs';
import { textAt, textsAt, type XmlNode, xmlRecords } from '../../formats/xml-records.ts';

export interface UnAlias {
  /** `Good`/`Low` for individuals; `a.k.a.`/`f.k.a.` for entities; often empty. */
  quality: string;
  name: string;
}

export interface UnDateOfBirth {
  typeOfDate: string;
  date: string;
  year: string;
  fromYear: string;
  toYear: string;
}

export interface UnDocument {
  type: string;
  type2: string;
  number: string;
  issuingCountry: string;
  note: string;
}

export interface UnAddress {
  street: string;
  city: string;
  stateProvince: string;
  zipCode: string;
  country: string;
  note: string;
}

/** One INDIVIDUAL or ENTITY element, fields as printed (trimmed), repeated elements as arrays. */
export interface UnRecord {
  kind: 'INDIVIDUAL' | 'ENTITY';
  dataId: string;
  names: string[];
  nameOriginalScript: string;
  unListType: string;
  referenceNumber: string;
  listedOn: string;
  comments: string;
  titles: string[];
  designations: string[];
  nationalities: string[];
  aliases: UnAlias[];
  datesOfBirth: UnDateOfBirth[];
  documents: UnDocument[];
  addresses: UnAddress[];
}

const NAME_PARTS = ['FIRST_NAME', 'SECOND_NAME', 'THIRD_NAME', 'FOURTH_NAME'];

function toRecord(node: XmlNode): UnRecord {
  const kind = node.name === 'INDIVIDUAL' ? 'INDIVIDUAL' : 'ENTITY';
  const prefix = kind === 'INDIVIDUAL' ? 'INDIVIDUAL' : 'ENTITY';
  const of = (name: string) => node.children.filter((c) => c.name === name);
  return {
    kind,
    dataId: textAt(node, 'DATAID'),
    names: NAME_PARTS.map((p) => textAt(node, p)),
    nameOriginalScript: textAt(node, 'NAME_ORIGINAL_SCRIPT'),
    unListType: textAt(node, 'UN_LIST_TYPE'),
    referenceNumber: textAt(node, 'REFERENCE_NUMBER'),
    listedOn: textAt(node, 'LISTED_ON'),
    comments: textAt(node, 'COMMENTS1'),
    titles: textsAt(node, 'TITLE', 'VALUE'),
    designations: textsAt(node, 'DESIGNATION', 'VALUE'),
    nationalities: textsAt(node, 'NATIONALITY', 'VALUE'),
    aliases: of(`${prefix}_ALIAS`).map((a) => ({
      quality: textAt(a, 'QUALITY'),
      name: textAt(a, 'ALIAS_NAME'),
    })),
    datesOfBirth: of('INDIVIDUAL_DATE_OF_BIRTH').map((d) => ({
      typeOfDate: textAt(d, 'TYPE_OF_DATE'),
      date: textAt(d, 'DATE'),
      year: textAt(d, 'YEAR'),
      fromYear: textAt(d, 'FROM_YEAR'),
      toYear: textAt(d, 'TO_YEAR'),
    })),
    documents: of('INDIVIDUAL_DOCUMENT').map((d) => ({
      type: textAt(d, 'TYPE_OF_DOCUMENT'),
      type2: textAt(d, 'TYPE_OF_DOCUMENT2'),
      number: textAt(d, 'NUMBER'),
      issuingCountry: textAt(d, 'ISSUING_COUNTRY') || textAt(d, 'COUNTRY_OF_ISSUE'),
      note: textAt(d, 'NOTE'),
    })),
    addresses: of(`${prefix}_ADDRESS`).map((a) => ({
      street: textAt(a, 'STREET'),
      city: textAt(a, 'CITY'),
      stateProvince: textAt(a, 'STATE_PROVINCE'),
      zipCode: textAt(a, 'ZIP_CODE'),
      country: textAt(a, 'COUNTRY'),
      note: textAt(a, 'NOTE'),
    })),
  };
}

export interface UnDocumentInfo {
  /** `dateGenerated` of the root element, ISO 8601. */
  generatedAt?: string;
}

/**
 * Streams the records of a UN consolidated XML; fills `info` as soon as the root element is read. A document
 * whose root is not CONSOLIDATED_LIST is refused: it would otherwise read as an empty list.
 */
export async function* parseUnXml(file: string, info: UnDocumentInfo): AsyncGenerator<UnRecord> {
  const records = xmlRecords(
    createReadStream(file),
    {
      isRecord: (name, path) =>
        (name === 'INDIVIDUAL' && path.at(-1) === 'INDIVIDUALS') ||
        (name === 'ENTITY' && path.at(-1) === 'ENTITIES'),
      onOpen: (name, attrs, path) => {
        if (path.length > 0) return;
        if (name !== 'CONSOLIDATED_LIST')
          throw new Error(`${file}: root <${name}> is not a UN consolidated list`);
        if (attrs.dateGenerated) info.generatedAt = attrs.dateGenerated;
      },
    },
    file,
  );
  for await (const node of records) yield toRecord(node);
}
