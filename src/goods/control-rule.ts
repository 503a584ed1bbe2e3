/**
 * Control rules are data, not code: every tariff heading, control number and country the engine knows comes
 * from a CSV under `data/` (or an officer's own file) and carries the legal act that makes it bite, so a
 * finding can always be traced to an article and a published source.
 */

/** Tariff nomenclatures. HS (6 digits) is shared worldwide; CN (8), TARIC (10) and US HTS (8/10) are national. */
export type TariffSystem = 'HS' | 'CN' | 'TARIC' | 'HTS';

/** The longest code each nomenclature defines; a shorter code is a heading or subheading within it. */
export const MAX_DIGITS: Readonly<Record<TariffSystem, number>> = { HS: 6, CN: 8, TARIC: 10, HTS: 10 };

/** EU Annex I dual-use numbers (Reg. 2021/821) or US ECCNs (15 CFR Part 774, Supp. 1). */
export type ControlRegime = 'EU' | 'US';

export interface LegalBasis {
  act: string;
  /** Article, annex or section, e.g. `Art. 2a and Annex XL`. */
  provision: string;
  /** First day the rule applies, YYYY-MM-DD. */
  inForce: string;
  /** Last day the rule applies (inclusive), YYYY-MM-DD; absent while it is still in force. */
  until?: string;
}

interface RuleBase {
  /** Stable across list versions (`chpl:HS:854231`), so a diff between two versions names what changed. */
  id: string;
  /** `chpl`, `embargoes`, `diversion-risk`, `dual-use`, `eu-member-states`, `partner-countries` or an annex id. */
  list: string;
  /** An `exception` carves goods or countries out of a broader `control` of the same list. */
  kind: 'control' | 'exception';
  /** Who made the rule: `EU`, `US`, `UK`, or `INTL` for jointly published lists. */
  jurisdiction: string;
  /** CHPL tier (`1`, `3.A`…), annex category, or the sanctions regime of an embargo. */
  tier?: string;
  description: string;
  legalBasis: LegalBasis;
  /** Human citation used verbatim in findings, e.g. `Reg. (EU) 833/2014 Annex XL`. */
  citation: string;
  sourceUrl: string;
}

/** Matches tariff codes by prefix: a rule on heading 8542 covers 8542.31.90. */
export interface TariffRule extends RuleBase {
  subject: 'tariff';
  codeSystem: TariffSystem;
  /** Digits only, 4 to 10 long, or 2 for a whole HS chapter (a rule row only, never a declared line). */
  code: string;
  /**
   * Destinations (ISO 3166-1) a prohibition-table row bites on, e.g. `RU` for Reg. 833/2014 or `RU BY` for
   * EAR Supp. 4; absent for lists that name goods whatever the destination (CHPL, officer tables).
   */
  destinations?: string[];
  /**
   * Value (EUR per item) at or below which the row does not bite, e.g. EUR 50 000 for Annex XVIII cars
   * (Reg. 833/2014 Art. 3h). A line whose EUR value is unknown is treated as above it: fail safe.
   */
  thresholdEur?: number;
}

/** Matches a declared control number (EU Annex I number or US ECCN) against a regular expression. */
export interface ControlNumberRule extends RuleBase {
  subject: 'control-number';
  regime: ControlRegime;
  controlNumberPattern: string;
}

/** A country (ISO 3166-1 alpha-2) or region (ISO 3166-2, e.g. `UA-43` for Crimea). */
export interface CountryRule extends RuleBase {
  subject: 'country';
  country: string;
  /**
   * What listed goods to this place get under this rule: `block` (an export ban or licence requirement) or
   * `review` where only part of a regime remains (Syria after the EU lifted its economic sanctions in 2025).
   * A `review` rule alone does not make the destination a finding for unlisted goods. Rules stored by list
   * versions older than this field lack it and read as `block`, what they meant then.
   */
  listedGoods: 'block' | 'review';
}

export type ControlRule = TariffRule | ControlNumberRule | CountryRule;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

/** A row scoped to destinations is used only when the route ends in or passes one of them. */
export function inScopeFor(rule: ControlRule, places: readonly string[]): boolean {
  if (rule.subject !== 'tariff' || rule.destinations === undefined) return true;
  return places.some((place) => rule.destinations?.includes(place.slice(0, 2)));
}

/**
 * A row with a value threshold does not bite on a line whose declared EUR value is at or below it. The line
 * value covers every item on it, so a multi-item line errs towards the ban, never away from it.
 */
export function belowThreshold(
  rule: ControlRule,
  value: number | undefined,
  currency: string | undefined,
): boolean {
  if (rule.subject !== 'tariff' || rule.thresholdEur === undefined) return false;
  return value !== undefined && currency?.toUpperCase() === 'EUR' && value <= rule.thresholdEur;
}

/** ISO dates compare correctly as strings, so no Date objects (and no time zones) are involved. */
export function inForceOn(rule: ControlRule, date: string): boolean {
  const { inForce, until } = rule.legalBasis;
  return inForce <= date && (until === undefined || date <= until);
}
