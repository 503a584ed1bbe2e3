/**
 * The common entity model every list parser maps into. One shape for OFAC, EU, UN, UK, CSL, OpenSanctions
 * and tenants' own watchlists, so matching, diffs and the console never care where an entry came from.
 */
export type EntityKind = 'person' | 'organization' | 'vessel' | 'aircraft' | 'unknown';

/** ISO 15924-like script tag, detected from the characters (not guessed from a language). */
export type Script = 'Latn' | 'Cyrl' | 'Grek' | 'Arab' | 'Hani' | 'Hang' | 'Other';

export interface EntityName {
  value: string;
  /** OFAC and others mark some aliases "weak" (low quality a.k.a.); matching weighs them down, never drops them. */
  quality: 'strong' | 'weak';
  script: Script;
}

export interface EntityIdentifier {
  /**
   * Normalised scheme: inn, ogrn, kpp, lei, imo, mmsi, swift, passport, national_id, tax_id, registration,
   * vessel_registration, aircraft_registration, email, website, phone, other. Unknown schemes keep `other` and
   * the original label in `label`.
   */
  type: string;
  value: string;
  country?: string;
  label?: string;
}

export interface EntityAddress {
  full: string;
  city?: string;
  country?: string;
}

export interface ListEntity {
  /** Source id, e.g. `us-ofac-sdn`, or `custom:<watchlistId>` for a tenant watchlist. */
  source: string;
  /** The source's own id for the entry (OFAC ent_num, UN DATAID, EU logical id, OFSI Group ID…). */
  entryId: string;
  kind: EntityKind;
  name: string;
  aliases: EntityName[];
  /** ISO 3166-1 alpha-2, upper case; nationality, citizenship, registration and address countries. */
  countries: string[];
  identifiers: EntityIdentifier[];
  addresses: EntityAddress[];
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  birthDates: string[];
  /** Programmes or regimes (OFAC program tags, EU regulation, UN committee, CSL list name). */
  programs: string[];
  /** `YYYY-MM-DD` when the source gives a listing date. */
  listedOn?: string;
  remarks?: string;
  /** A page at the authority where a person can read the entry or the list. */
  url?: string;
  /** The source record as parsed, for display and for the diff; must be JSON-serialisable. */
  raw: unknown;
}

/** What a parser learnt about the file besides its entities; guardrails read it before activation. */
export interface ParseReport {
  /** Records the parser saw in the file (rows, elements, lines), whether mapped or not. */
  recordsSeen: number;
  /** Records it could not map; each one must also have a warning saying why. */
  recordsSkipped: number;
  warnings: string[];
  /** Publish date found inside the file, ISO 8601, if the format carries one. */
  publishedAt?: string;
}

export function newParseReport(): ParseReport {
  return { recordsSeen: 0, recordsSkipped: 0, warnings: [] };
}

/** A file a source fetches by default: where the authority publishes it and the local name parsers expect. */
export interface SourceFile {
  url: string;
  fileName: string;
  /** Optional files (e.g. sdn_comments.csv) do not fail a refresh when missing. */
  optional?: boolean;
}

/**
 * A list source: a stable id, where the authority publishes it, and how to read it from local files.
 * `read` takes a path that is either a single file or a directory holding the source's files
 * (download writes the defaults into a directory; LIST_SOURCE_<ID> may point at either).
 */
export interface ListSource {
  id: string;
  title: string;
  authority: string;
  /** The authority's human page for the list, used as the fallback entry URL. */
  pageUrl: string;
  files: SourceFile[];
  /** Yields every entity in the files at `path`; fills `report` as it goes; throws on a malformed or truncated file. */
  read(path: string, report: ParseReport): AsyncIterable<ListEntity>;
}
