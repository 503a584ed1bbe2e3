import { type ControlRule, isIsoDate, type LegalBasis } from './control-rule.ts';

/** One CSV row as header → cell. */
export type Row = Readonly<Record<string, string | undefined>>;

/** Columns every list file carries, whatever its subject: the legal basis and where an officer can read it. */
export const BASIS_COLUMNS = ['act', 'provision', 'valid_from', 'source_url'] as const;

export class RowError extends Error {}

export function cell(row: Row, column: string): string | undefined {
  const value = row[column]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

export function required(row: Row, column: string): string {
  const value = cell(row, column);
  if (value === undefined) throw new RowError(`column ${column} is empty`);
  return value;
}

/**
 * Public sources are http(s) pages. `urn:` is accepted for an entry an analyst added from a case file that
 * has no public page yet; PROVENANCE.md must say so, and the shipped-data test lists such entries.
 */
export function sourceUrl(row: Row): string {
  const value = required(row, 'source_url');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new RowError(`source_url "${value}" is not a URL`);
  }
  if (!['http:', 'https:', 'urn:'].includes(url.protocol)) {
    throw new RowError(`source_url "${value}" must be http(s) or urn`);
  }
  return value;
}

export function legalBasis(row: Row): LegalBasis {
  const inForce = required(row, 'valid_from');
  const until = cell(row, 'valid_to');
  if (!isIsoDate(inForce)) throw new RowError(`valid_from "${inForce}" is not YYYY-MM-DD`);
  if (until !== undefined && !isIsoDate(until)) throw new RowError(`valid_to "${until}" is not YYYY-MM-DD`);
  if (until !== undefined && until < inForce)
    throw new RowError(`valid_to ${until} is before valid_from ${inForce}`);
  return {
    act: required(row, 'act'),
    provision: required(row, 'provision'),
    inForce,
    ...(until === undefined ? {} : { until }),
  };
}

export function kind(row: Row): ControlRule['kind'] {
  const value = cell(row, 'kind') ?? 'control';
  if (value !== 'control' && value !== 'exception') {
    throw new RowError(`kind "${value}" is neither control nor exception`);
  }
  return value;
}

/** The fields every rule shares; `citation` defaults to act and provision so findings always cite something. */
export function ruleBase(row: Row, list: string, id: string, jurisdiction: string) {
  const basis = legalBasis(row);
  const tier = cell(row, 'tier');
  return {
    id,
    list,
    kind: kind(row),
    jurisdiction: cell(row, 'jurisdiction') ?? jurisdiction,
    ...(tier === undefined ? {} : { tier }),
    description: cell(row, 'description') ?? cell(row, 'name') ?? '',
    legalBasis: basis,
    citation: cell(row, 'citation') ?? `${basis.act} ${basis.provision}`,
    sourceUrl: sourceUrl(row),
  };
}
