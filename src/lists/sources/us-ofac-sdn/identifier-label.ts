import type { EntityIdentifier } from '../../../entity/list-entity.ts';

/**
 * OFAC labels identifiers in free text ("Tax ID No.", "C.U.R.P.", "Unified Social Credit Code (USCC)"), and
 * the same labels come back as idType in sdn.xml and as document/feature types in ENHANCED_XML. One table
 * turns them into the model's schemes; keys are lower case without a trailing dot or colon.
 */
const SCHEMES: Record<string, string> = {
  'tax id no': 'tax_id',
  'tax id': 'tax_id',
  'v.a.t. number': 'tax_id',
  'r.f.c': 'tax_id',
  rfc: 'tax_id',
  nit: 'tax_id',
  ruc: 'tax_id',
  rif: 'tax_id',
  cuit: 'tax_id',
  'italian fiscal code': 'tax_id',
  // Found in sdn.csv remarks of 2024 but missing here (counts in that file): "US FEIN 12-3456789" (12),
  // Honduras' "RTN 08011999123456" (6).
  'us fein': 'tax_id',
  rtn: 'tax_id',
  inn: 'inn',
  kpp: 'kpp',
  ogrn: 'ogrn',
  'registration number': 'registration',
  'registration id': 'registration',
  'business registration number': 'registration',
  'business registration document': 'registration',
  'public registration number': 'registration',
  'company number': 'registration',
  'uk company number': 'registration',
  'commercial registry number': 'registration',
  'c.r. no': 'registration',
  'business number': 'registration',
  'trade license no': 'registration',
  'chamber of commerce number': 'registration',
  'enterprise number': 'registration',
  'economic register number': 'registration',
  'central registration system number': 'registration',
  'unified social credit code (uscc)': 'registration',
  // OFAC's other spelling of the same code (7 in the 2024 sdn.csv).
  'united social credit code certificate (usccc)': 'registration',
  'folio mercantil no': 'registration',
  'matricula mercantil no': 'registration',
  'registered charity no': 'registration',
  'certificate of incorporation number': 'registration',
  'legal entity number': 'lei',
  'swift/bic': 'swift',
  imo: 'imo',
  'imo number': 'imo',
  'vessel registration identification': 'vessel_registration',
  mmsi: 'mmsi',
  'aircraft tail number': 'aircraft_registration',
  passport: 'passport',
  'diplomatic passport': 'passport',
  'national id no': 'national_id',
  'identification number': 'national_id',
  'cedula no': 'national_id',
  'c.u.r.p': 'national_id',
  curp: 'national_id',
  'd.n.i': 'national_id',
  dni: 'national_id',
  ssn: 'national_id',
  'personal id card': 'national_id',
  'national foreign id number': 'national_id',
  // 2024 sdn.csv: "Turkish Identification Number 12345678901 (Turkey)" (8), "Numero de Identidad 0801-1970-00001"
  // (8), "Kenyan ID No. 12345678" (6), "Tazkira National ID Card 1234567" (3).
  'turkish identification number': 'national_id',
  'numero de identidad': 'national_id',
  'kenyan id no': 'national_id',
  'tazkira national id card': 'national_id',
  'c.u.i': 'national_id',
  website: 'website',
  'email address': 'email',
  email: 'email',
  'phone number': 'phone',
  telephone: 'phone',
  'telephone no': 'phone',
  fax: 'phone',
};

/** Labels that are identifiers but have no scheme of their own; they become `other` with the label kept. */
const OTHER_LABELS = [
  'government gazette number',
  'd-u-n-s number',
  'bik (ru)',
  'bik',
  'isin',
  'equity ticker',
  'birth certificate number',
  'electoral registry no',
  'credencial electoral',
  'residency number',
  'i.f.e',
  "driver's license no",
  'license',
  'permit number',
  "aircraft manufacturer's serial number (msn)",
  'aircraft construction number (also called l/n or s/n or f/n)',
  'istanbul chamber of comm. no',
  'dubai chamber of commerce membership no',
  'chinese commercial code',
  'branch unit number',
];

export function labelKey(label: string): string {
  return label
    .trim()
    .replace(/[.:]+$/, '')
    .toLowerCase();
}

/** Remarks labels this module recognises, longest first so "Tax ID No." wins over "Tax ID". */
export const KNOWN_LABELS: readonly string[] = [...Object.keys(SCHEMES), ...OTHER_LABELS].sort(
  (a, b) => b.length - a.length,
);

export function isIdentifierLabel(label: string): boolean {
  const key = labelKey(label);
  return key in SCHEMES || OTHER_LABELS.includes(key) || key.startsWith('digital currency address');
}

/** Maps a labelled value to the model; `country` is ISO alpha-2 when the source named one. */
export function classifyIdentifier(label: string, value: string, country?: string): EntityIdentifier {
  const key = labelKey(label);
  let type = SCHEMES[key] ?? 'other';
  let clean = value.trim();
  // "Vessel Registration Identification IMO 9187629": the IMO number hides behind the generic label.
  const imo = /^IMO\s*(\d{7})$/i.exec(clean);
  if (imo?.[1]) {
    type = 'imo';
    clean = imo[1];
  }
  // OFAC files Russian INNs as "Tax ID No." and OGRNs as "Registration Number"; the digits tell them apart.
  if (country === 'RU' && type === 'tax_id' && /^\d{10}$|^\d{12}$/.test(clean)) type = 'inn';
  if (country === 'RU' && type === 'registration' && /^\d{13}$|^\d{15}$/.test(clean)) type = 'ogrn';
  // "Legal Entity Number" is also used for national company numbers that are not 20-character LEIs.
  if (type === 'lei' && !/^[A-Z0-9]{18}\d{2}$/.test(clean)) type = 'registration';
  const id: EntityIdentifier = { type, value: clean };
  if (country) id.country = country;
  const generic = type === 'other' || type === 'registration' || type === 'tax_id' || type === 'national_id';
  if (generic) id.label = label.trim();
  return id;
}
