/** One ConList row: one name (or name variation) of one designation, with that row's address. */
export interface ConListRow {
  /** 1-based row number among data rows, for warnings. */
  row: number;
  /** Name 1 … Name 5 then Name 6; Name 6 is the surname for individuals and the whole name for entities. */
  names: string[];
  title: string;
  nonLatinName: string;
  nonLatinScriptType: string;
  nonLatinScriptLanguage: string;
  dob: string;
  townOfBirth: string;
  countryOfBirth: string;
  nationality: string;
  passportNumber: string;
  passportDetails: string;
  nationalIdNumber: string;
  nationalIdDetails: string;
  position: string;
  addressLines: string[];
  postCode: string;
  country: string;
  otherInformation: string;
  groupType: string;
  aliasType: string;
  aliasQuality: string;
  regime: string;
  listedOn: string;
  ukDesignated: string;
  lastUpdated: string;
  groupId: string;
}

const REQUIRED = ['Name 6', 'Name 1', 'DOB', 'Nationality', 'Group Type', 'Alias Type', 'Regime', 'Group ID'];

/** Column positions by header name; the layout has moved columns before, so nothing is read by position. */
export function conListColumns(header: string[], label: string): Map<string, number> {
  const columns = new Map(header.map((name, i) => [name.trim(), i]));
  const missing = REQUIRED.filter((c) => !columns.has(c));
  if (missing.length > 0)
    throw new Error(`${label}: not an OFSI ConList header (missing ${missing.join(', ')})`);
  return columns;
}

export function conListRow(cells: string[], columns: Map<string, number>, row: number): ConListRow {
  const cell = (name: string) => {
    const i = columns.get(name);
    return i === undefined ? '' : (cells[i] ?? '').trim();
  };
  return {
    row,
    names: ['Name 1', 'Name 2', 'Name 3', 'Name 4', 'Name 5', 'Name 6'].map(cell),
    title: cell('Title'),
    nonLatinName: cell('Name Non-Latin Script'),
    nonLatinScriptType: cell('Non-Latin Script Type'),
    nonLatinScriptLanguage: cell('Non-Latin Script Language'),
    dob: cell('DOB'),
    townOfBirth: cell('Town of Birth'),
    countryOfBirth: cell('Country of Birth'),
    nationality: cell('Nationality'),
    passportNumber: cell('Passport Number'),
    passportDetails: cell('Passport Details'),
    nationalIdNumber: cell('National Identification Number'),
    nationalIdDetails: cell('National Identification Details'),
    position: cell('Position'),
    addressLines: ['Address 1', 'Address 2', 'Address 3', 'Address 4', 'Address 5', 'Address 6'].map(cell),
    postCode: cell('Post/Zip Code'),
    country: cell('Country'),
    otherInformation: cell('Other Information'),
    groupType: cell('Group Type'),
    aliasType: cell('Alias Type'),
    aliasQuality: cell('Alias Quality'),
    regime: cell('Regime'),
    listedOn: cell('Listed On'),
    ukDesignated: cell('UK Sanctions List Date Designated'),
    lastUpdated: cell('Last Updated'),
    groupId: cell('Group ID'),
  };
}
