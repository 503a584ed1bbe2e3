export interface CslAddress {
  address: string;
  city: string;
  state: string;
  postalCode: string;
  country: string;
}

export interface CslId {
  type: string;
  number: string;
  country: string;
}

/** One CSL row (CSV) or result (JSON), multi-valued fields split into arrays. */
export interface CslRecord {
  id: string;
  /** The sub-list, e.g. "Entity List (EL) - Bureau of Industry and Security". */
  source: string;
  entityNumber: string;
  type: string;
  programs: string[];
  name: string;
  title: string;
  addresses: CslAddress[];
  federalRegisterNotice: string;
  startDate: string;
  endDate: string;
  licenseRequirement: string;
  licensePolicy: string;
  vesselFlag: string;
  remarks: string;
  altNames: string[];
  citizenships: string[];
  datesOfBirth: string[];
  nationalities: string[];
  placesOfBirth: string[];
  sourceInformationUrl: string;
  ids: CslId[];
}
