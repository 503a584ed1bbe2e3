/**
 * Identifier labels lists print inside text cells, as data. Every label here was found in the OFSI ConList of
 * 10/04/2025 (Other Information, National Identification Number/Details: 252 "(Business Reg No):" parts, 15
 * "(IMO number):" parts, about 40 Russian tax numbers among national IDs); the UN's 2026 comments use the same
 * "IMO number:" and "SWIFT/BIC:" spellings. The comment on each row shows how the list writes it.
 * A label only counts when a value of the scheme's shape follows it, so a name such as "U Tin Oo" or
 * "Hamad bin Khalifa" never yields an identifier: neither is followed by a number.
 */
export interface IdLabel {
  /** Lower case, as matched (case-insensitive, whole words). */
  label: string;
  type: string;
  /** The register the label names, when the label alone says so (an OGRN is always Russian). */
  country?: string;
  /** Kept on the identifier for `other`, `registration` and `tax_id`, where the scheme alone does not say it. */
  keepLabel?: boolean;
  /** Also trusted in the free text of a ConList "Other Information" cell, not only in identifier cells. */
  inText?: boolean;
}

export const ID_LABELS: readonly IdLabel[] = [
  // "(1) OGRN: 1000000000006 (2) TIN: 7700000021"; "OGRNIP: 320000000000003" (a sole trader's OGRN).
  { label: 'ogrnip', type: 'ogrn', country: 'RU', inText: true },
  { label: 'ogrn', type: 'ogrn', country: 'RU', inText: true },
  // "(2) State Registration Number - 1100000000005", "(2) SRN - 1000000000007": the OGRN spelt out.
  { label: 'state registration number', type: 'ogrn', country: 'RU' },
  { label: 'srn', type: 'ogrn', country: 'RU' },
  // "(1) INN – 7700000028"; "INN number: 770000000016".
  { label: 'inn', type: 'inn', country: 'RU', inText: true },
  // "KPP 250000030; OGRN 1000000000010"; "Checkpoint 390000031" is KPP translated.
  { label: 'kpp', type: 'kpp', country: 'RU', inText: true },
  { label: 'checkpoint', type: 'kpp', country: 'RU' },
  // "(3) OKPO: 27000000": Russia's statistical register number.
  { label: 'okpo', type: 'other', keepLabel: true },
  // "Tax ID No.: 7800000018"; "TIN - 7700000023"; "Taxpayer No. 180000000015".
  { label: 'tax identification number', type: 'tax_id', keepLabel: true },
  { label: 'taxpayer identification number', type: 'tax_id', keepLabel: true },
  { label: 'taxpayer id', type: 'tax_id', keepLabel: true },
  { label: 'taxpayer no', type: 'tax_id', keepLabel: true },
  { label: 'tax id no', type: 'tax_id', keepLabel: true, inText: true },
  { label: 'tax id', type: 'tax_id', keepLabel: true },
  { label: 'tax number', type: 'tax_id', keepLabel: true },
  { label: 'tin', type: 'tax_id', keepLabel: true },
  // "(1) Kazakhstan BIN - 170000000017": Kazakhstan's business identification number.
  { label: 'bin', type: 'registration', keepLabel: true },
  // "Unified Social Credit Code: 91000000000000002J": China's 18-character company code.
  { label: 'unified social credit code', type: 'registration', country: 'CN', keepLabel: true },
  // "USCC: 91000000MA00000001".
  { label: 'uscc', type: 'registration', country: 'CN', keepLabel: true },
  // "Business Registration Number 14000033", "UK Company no. 06000037", "Trade register number:120044", and the
  // Gulf and Hong Kong abbreviations "CR No. 2100040" (commercial registration), "BR No. 61000036".
  { label: 'business registration number', type: 'registration', keepLabel: true },
  { label: 'company registration number', type: 'registration', keepLabel: true },
  // "Commercial register number: 180000", "BRN: 53000000", "CRN: 1500000".
  { label: 'commercial register number', type: 'registration', keepLabel: true },
  { label: 'brn', type: 'registration', keepLabel: true },
  { label: 'crn', type: 'registration', keepLabel: true },
  { label: 'trade register number', type: 'registration', keepLabel: true },
  { label: 'company', type: 'registration', keepLabel: true },
  { label: 'cr', type: 'registration', keepLabel: true },
  { label: 'br', type: 'registration', keepLabel: true },
  { label: 'registration number', type: 'registration', keepLabel: true },
  // "Government Gazette Number 92000032 (Russia)": OFAC's label for an OKPO, copied by the UK.
  { label: 'government gazette number', type: 'other', keepLabel: true, inText: true },
  // "SWIFT/BIC: ABCDKPPY"; "SWIFT: EFGHKPPY".
  { label: 'swift/bic', type: 'swift', inText: true },
  { label: 'swift', type: 'swift', inText: true },
  // "IMO number: 5500039" (a ship-owning company's IMO number).
  { label: 'imo', type: 'imo', inText: true },
  // "Legal Entity Identifier: 5200000ONRYZRO00SY01". No UK row spells it "LEI:", but a value of an LEI's
  // 20-character shape after that word cannot be anything else.
  { label: 'legal entity identifier', type: 'lei', inText: true },
  { label: 'lei', type: 'lei', inText: true },
];

/** What a value of each scheme looks like; a label followed by anything else is left as text. */
const SHAPES: Record<string, RegExp> = {
  ogrn: /^\d{13}$|^\d{15}$/,
  inn: /^\d{10}$|^\d{12}$/,
  kpp: /^\d{9}$/,
  imo: /^\d{7}$/,
  swift: /^[A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?$/,
  lei: /^[A-Z0-9]{18}\d{2}$/,
};

/** At least four characters with a digit: "50046", "OC000038", "1600/0000-0004". */
const GENERIC_SHAPE = /^(?=.*\d)[A-Z0-9][A-Z0-9/-]{3,}$/;

export function hasShape(type: string, value: string): boolean {
  return (SHAPES[type] ?? GENERIC_SHAPE).test(value);
}
