import { createReadStream } from 'node:fs';
import { type XmlNode, xmlRecords } from '../../formats/xml-records.ts';
import { emptyRecord, type FsfPlace, type FsfRecord } from './record.ts';

/** The export uses a default namespace today; strip any prefix so a prefixed copy reads the same. */
function local(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}

function children(node: XmlNode, name: string): XmlNode[] {
  return node.children.filter((c) => local(c.name) === name);
}

function a(node: XmlNode, attr: string): string {
  return (node.attrs[attr] ?? '').trim();
}

function place(node: XmlNode): FsfPlace {
  return { countryIso2Code: a(node, 'countryIso2Code'), countryDescription: a(node, 'countryDescription') };
}

export function recordFromXml(node: XmlNode): FsfRecord {
  const r = emptyRecord(a(node, 'logicalId'));
  r.euReferenceNumber = a(node, 'euReferenceNumber');
  r.unitedNationId = a(node, 'unitedNationId');
  r.designationDate = a(node, 'designationDate');
  r.subjectType = children(node, 'subjectType').map((s) => a(s, 'code'))[0] ?? '';
  r.remarks = children(node, 'remark')
    .map((n) => n.text.trim())
    .filter(Boolean);
  r.regulations = children(node, 'regulation').map((n) => ({
    programme: a(n, 'programme'),
    numberTitle: a(n, 'numberTitle'),
    publicationDate: a(n, 'publicationDate'),
    regulationType: a(n, 'regulationType'),
    publicationUrl: children(n, 'publicationUrl')[0]?.text.trim() ?? '',
  }));
  r.names = children(node, 'nameAlias').map((n) => ({
    wholeName: a(n, 'wholeName'),
    strong: a(n, 'strong') !== 'false',
    nameLanguage: a(n, 'nameLanguage'),
    function: a(n, 'function'),
    gender: a(n, 'gender'),
  }));
  r.citizenships = children(node, 'citizenship').map(place);
  r.birthdates = children(node, 'birthdate').map((n) => ({
    ...place(n),
    birthdate: a(n, 'birthdate'),
    year: a(n, 'year'),
    // Older exports used day/month, 1.1 uses dayOfMonth/monthOfYear; both occur in the wild.
    monthOfYear: a(n, 'monthOfYear') || a(n, 'month'),
    dayOfMonth: a(n, 'dayOfMonth') || a(n, 'day'),
    circa: a(n, 'circa') === 'true',
    city: a(n, 'city'),
  }));
  r.identifications = children(node, 'identification').map((n) => ({
    ...place(n),
    number: a(n, 'number'),
    identificationTypeCode: a(n, 'identificationTypeCode'),
    identificationTypeDescription: a(n, 'identificationTypeDescription'),
  }));
  r.addresses = children(node, 'address').map((n) => ({
    ...place(n),
    street: a(n, 'street'),
    city: a(n, 'city'),
    zipCode: a(n, 'zipCode'),
    poBox: a(n, 'poBox'),
    region: a(n, 'region'),
    place: a(n, 'place'),
  }));
  return r;
}

/** Streams `sanctionEntity` records; `onGenerated` receives the root's generationDate (the publish date). */
export async function* parseFsfXml(
  file: string,
  onGenerated: (iso: string) => void,
): AsyncGenerator<FsfRecord> {
  let sawRoot = false;
  const records = xmlRecords(
    createReadStream(file),
    {
      isRecord: (name) => local(name) === 'sanctionEntity',
      onOutside: (name, attrs) => {
        if (local(name) !== 'export') return;
        sawRoot = true;
        if (attrs.generationDate) onGenerated(attrs.generationDate);
      },
    },
    file,
  );
  for await (const node of records) yield recordFromXml(node);
  if (!sawRoot) throw new Error(`${file}: not an FSF export (no <export> root element)`);
}
