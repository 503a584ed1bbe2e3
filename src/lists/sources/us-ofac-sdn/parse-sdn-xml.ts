import { childrenOf, textOf, type XmlNode } from './xml-subtrees.ts';

/** Leaf fields of one list item (aka, address, id…), keyed by the legacy sdn.xml element names. */
export type XmlFields = Record<string, string>;

/** One `sdnEntry` of the legacy sdn.xml (namespace …/exports/XML, formerly tempuri.org/sdnList.xsd). */
export interface SdnXmlEntry {
  uid: string | undefined;
  firstName?: string;
  lastName?: string;
  title?: string;
  sdnType?: string;
  remarks?: string;
  programs: string[];
  /** uid, type (a.k.a./f.k.a./n.k.a.), category (strong/weak), firstName, lastName. */
  akas: XmlFields[];
  addresses: XmlFields[];
  /** uid, idType, idNumber, idCountry, issueDate, expirationDate. */
  ids: XmlFields[];
  nationalities: string[];
  citizenships: string[];
  datesOfBirth: string[];
  placesOfBirth: string[];
  vesselInfo?: XmlFields;
}

function fields(node: XmlNode | undefined): XmlFields {
  const out: XmlFields = {};
  for (const c of node?.children ?? []) {
    const t = c.text.trim();
    if (c.children.length === 0 && t) out[c.name] = t;
  }
  return out;
}

function list(entry: XmlNode, listName: string, itemName: string): XmlNode[] {
  return childrenOf(entry, listName).flatMap((l) => childrenOf(l, itemName));
}

function optional(entry: XmlNode, name: string): Record<string, string> {
  const t = textOf(entry, name);
  return t ? { [name]: t } : {};
}

export function toSdnXmlEntry(entry: XmlNode): SdnXmlEntry {
  const vessel = childrenOf(entry, 'vesselInfo')[0];
  return {
    uid: textOf(entry, 'uid'),
    ...optional(entry, 'firstName'),
    ...optional(entry, 'lastName'),
    ...optional(entry, 'title'),
    ...optional(entry, 'sdnType'),
    ...optional(entry, 'remarks'),
    programs: list(entry, 'programList', 'program')
      .map((p) => p.text.trim())
      .filter(Boolean),
    akas: list(entry, 'akaList', 'aka').map(fields),
    addresses: list(entry, 'addressList', 'address').map(fields),
    ids: list(entry, 'idList', 'id').map(fields),
    nationalities: list(entry, 'nationalityList', 'nationality').flatMap((n) => textOf(n, 'country') ?? []),
    citizenships: list(entry, 'citizenshipList', 'citizenship').flatMap((n) => textOf(n, 'country') ?? []),
    datesOfBirth: list(entry, 'dateOfBirthList', 'dateOfBirthItem').flatMap(
      (n) => textOf(n, 'dateOfBirth') ?? [],
    ),
    placesOfBirth: list(entry, 'placeOfBirthList', 'placeOfBirthItem').flatMap(
      (n) => textOf(n, 'placeOfBirth') ?? [],
    ),
    ...(vessel ? { vesselInfo: fields(vessel) } : {}),
  };
}
