/**
 * One designation of the FCDO "UK Sanctions List", as read from either of its layouts. The CSV spreads a
 * designation over one row per name and per address; the XML nests them. Both are read into this shape.
 */
export interface FcdoName {
  /** Name 1 … Name 5 then Name 6 (surname, or the whole name of an entity or ship). */
  parts: string[];
  /** "Primary Name", "Primary Name Variation" or "Alias". */
  type: string;
  /** "Good quality" / "Low quality" for aliases; often blank. */
  strength: string;
}

export interface FcdoAddress {
  lines: string[];
  postalCode: string;
  country: string;
}

export interface FcdoDesignation {
  uniqueId: string;
  ofsiGroupId: string;
  unReferenceNumber: string;
  /** Individual, Entity or Ship. */
  type: string;
  regime: string;
  designationSource: string;
  sanctionsImposed: string;
  otherInformation: string;
  statementOfReasons: string;
  dateDesignated: string;
  lastUpdated: string;
  names: FcdoName[];
  nonLatinNames: string[];
  addresses: FcdoAddress[];
  dobs: string[];
  nationalities: string[];
  passports: string[];
  nationalIds: string[];
  positions: string[];
  phones: string[];
  emails: string[];
  websites: string[];
  businessRegistrations: string[];
  imoNumbers: string[];
  flags: string[];
}

export function emptyDesignation(uniqueId: string): FcdoDesignation {
  return {
    uniqueId,
    ofsiGroupId: '',
    unReferenceNumber: '',
    type: '',
    regime: '',
    designationSource: '',
    sanctionsImposed: '',
    otherInformation: '',
    statementOfReasons: '',
    dateDesignated: '',
    lastUpdated: '',
    names: [],
    nonLatinNames: [],
    addresses: [],
    dobs: [],
    nationalities: [],
    passports: [],
    nationalIds: [],
    positions: [],
    phones: [],
    emails: [],
    websites: [],
    businessRegistrations: [],
    imoNumbers: [],
    flags: [],
  };
}
