/**
 * One FSF sanction entity as both official layouts carry it: the XML nests `nameAlias`, `citizenship`,
 * `birthdate`, `identification`, `address` and `regulation` elements under `sanctionEntity`; the CSV repeats the
 * entity columns on one row per name/attribute. Attribute names follow the XML.
 */
export interface FsfName {
  wholeName: string;
  strong: boolean;
  nameLanguage: string;
  function: string;
  gender: string;
}

export interface FsfPlace {
  countryIso2Code: string;
  countryDescription: string;
}

export interface FsfAddress extends FsfPlace {
  street: string;
  city: string;
  zipCode: string;
  poBox: string;
  region: string;
  place: string;
}

export interface FsfBirthdate extends FsfPlace {
  birthdate: string;
  year: string;
  monthOfYear: string;
  dayOfMonth: string;
  circa: boolean;
  city: string;
}

export interface FsfIdentification extends FsfPlace {
  number: string;
  identificationTypeCode: string;
  identificationTypeDescription: string;
}

export interface FsfRegulation {
  programme: string;
  numberTitle: string;
  publicationDate: string;
  regulationType: string;
  publicationUrl: string;
}

export interface FsfRecord {
  logicalId: string;
  euReferenceNumber: string;
  unitedNationId: string;
  designationDate: string;
  /** `person`, `enterprise` (classification P / E); vessels and aircraft are listed as enterprises. */
  subjectType: string;
  remarks: string[];
  regulations: FsfRegulation[];
  names: FsfName[];
  citizenships: FsfPlace[];
  birthdates: FsfBirthdate[];
  identifications: FsfIdentification[];
  addresses: FsfAddress[];
}

export function emptyRecord(logicalId: string): FsfRecord {
  return {
    logicalId,
    euReferenceNumber: '',
    unitedNationId: '',
    designationDate: '',
    subjectType: '',
    remarks: [],
    regulations: [],
    names: [],
    citizenships: [],
    birthdates: [],
    identifications: [],
    addresses: [],
  };
}
