import { createReadStream } from 'node:fs';
import { childrenOf, textAt, textsAt, type XmlNode, xmlRecords } from '../../formats/xml-records.ts';
import { parsePrintedDate } from '../../printed-dates.ts';
import type { UkFileInfo } from './conlist-csv.ts';
import { emptyDesignation, type FcdoDesignation } from './fcdo-designation.ts';
import { ukDate } from './uk-date.ts';

function designationFromXml(node: XmlNode): FcdoDesignation {
  const d = emptyDesignation(textAt(node, 'UniqueID'));
  d.ofsiGroupId = textAt(node, 'OFSIGroupID');
  d.unReferenceNumber = textAt(node, 'UNReferenceNumber');
  d.type = textAt(node, 'IndividualEntityShip');
  d.regime = textAt(node, 'RegimeName');
  d.designationSource = textAt(node, 'DesignationSource');
  d.sanctionsImposed = textAt(node, 'SanctionsImposed');
  d.otherInformation = textAt(node, 'OtherInformation');
  d.statementOfReasons = textAt(node, 'UKStatementofReasons');
  d.dateDesignated = textAt(node, 'DateDesignated');
  d.lastUpdated = textAt(node, 'LastUpdated');
  for (const n of textsAtNodes(node, 'Names', 'Name')) {
    d.names.push({
      parts: ['Name1', 'Name2', 'Name3', 'Name4', 'Name5', 'Name6'].map((p) => textAt(n, p)),
      type: textAt(n, 'NameType'),
      strength: textAt(n, 'AliasStrength'),
    });
  }
  d.nonLatinNames = textsAt(node, 'NonLatinNames', 'NonLatinName', 'NameNonLatinScript');
  for (const a of textsAtNodes(node, 'Addresses', 'Address')) {
    d.addresses.push({
      lines: [1, 2, 3, 4, 5, 6].map((i) => textAt(a, `AddressLine${i}`)),
      postalCode: textAt(a, 'AddressPostalCode'),
      country: textAt(a, 'AddressCountry'),
    });
  }
  // Person details sit under IndividualDetails/Individual in the published file, but fixtures in the wild put
  // them directly under Designation too; reading both costs nothing.
  for (const scope of [node, ...textsAtNodes(node, 'IndividualDetails', 'Individual')]) {
    d.dobs.push(...textsAt(scope, 'DOBs', 'DOB'));
    d.nationalities.push(...textsAt(scope, 'Nationalities', 'Nationality'));
    d.passports.push(...textsAt(scope, 'PassportDetails', 'Passport', 'PassportNumber'));
    d.nationalIds.push(
      ...textsAt(scope, 'NationalIdentifierDetails', 'NationalIdentifier', 'NationalIdentifierNumber'),
    );
    d.positions.push(...textsAt(scope, 'Positions', 'Position'));
  }
  d.phones = textsAt(node, 'PhoneNumbers', 'PhoneNumber');
  d.emails = textsAt(node, 'EmailAddresses', 'EmailAddress');
  d.websites = textsAt(node, 'Websites', 'Website');
  d.businessRegistrations = textsAt(
    node,
    'EntityDetails',
    'Entity',
    'BusinessRegistrationNumbers',
    'BusinessRegistrationNumber',
  );
  d.imoNumbers = textsAt(node, 'ShipDetails', 'Ship', 'IMONumbers', 'IMONumber');
  d.flags = textsAt(node, 'ShipDetails', 'Ship', 'CurrentBelievedFlagOfShips', 'CurrentBelievedFlagOfShip');
  return d;
}

function textsAtNodes(node: XmlNode, ...names: string[]): XmlNode[] {
  let level: XmlNode[] = [node];
  for (const name of names) level = level.flatMap((n) => childrenOf(n, name));
  return level;
}

/** Designations of UK-Sanctions-List.xml; `<DateGenerated>` (before the designations) fills `info`. */
export async function* fcdoXmlDesignations(file: string, info: UkFileInfo): AsyncGenerator<FcdoDesignation> {
  const nodes = xmlRecords(
    createReadStream(file),
    {
      isRecord: (name) => name === 'Designation',
      onOpen: (name, _attrs, path) => {
        if (path.length === 0 && name !== 'Designations')
          throw new Error(`${file}: root <${name}> is not Designations`);
      },
      onOutside: (name, _attrs, text) => {
        if (name !== 'DateGenerated') return;
        const published = ukDate(text.trim()) ?? parsePrintedDate(text);
        if (published) info.publishedAt = published;
      },
    },
    file,
  );
  for await (const node of nodes) yield designationFromXml(node);
}
