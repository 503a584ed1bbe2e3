import { parse } from 'csv-parse/sync';
import type { ParseReport } from '../entity/list-entity.ts';
import { readControlNumber } from './control-number.ts';
import { type ControlRule, MAX_DIGITS, type TariffSystem } from './control-rule.ts';
import { BASIS_COLUMNS, cell, type Row, RowError, required, ruleBase } from './rule-row.ts';
import { readTariffCode } from './tariff-code.ts';

export interface ControlListParse {
  rules: ControlRule[];
  report: ParseReport;
}

const PLACE = /^[A-Z]{2}(-[A-Z0-9]{1,3})?$/;
const CHAPTER = /^\d{2}$/;

/** A national tariff table (HTS) is American; everything else this product ships or expects is EU law. */
function tariffRule(row: Row, list: string): ControlRule {
  const system = required(row, 'code_system').toUpperCase();
  if (!Object.hasOwn(MAX_DIGITS, system))
    throw new RowError(`code_system "${system}" is not HS, CN, TARIC or HTS`);
  const codeSystem = system as TariffSystem;
  const raw = required(row, 'code');
  // A rule may name a whole HS chapter: EAR Supp. No. 4 to Part 746 lists chapters 84, 85 and 90 entire since
  // 88 FR 33422. A declared goods line never may (readTariffCode), so only rule files take this path.
  const code =
    CHAPTER.test(raw) && codeSystem === 'HS'
      ? { ok: true as const, digits: raw }
      : readTariffCode(raw, codeSystem);
  if (!code.ok) throw new RowError(code.reason);
  const base = ruleBase(row, list, '', codeSystem === 'HTS' ? 'US' : 'EU');
  const suffix = base.kind === 'exception' ? ':exception' : '';
  const destinations = cell(row, 'destinations')?.toUpperCase().split(/\s+/);
  const badPlace = destinations?.find((place) => !PLACE.test(place));
  if (badPlace !== undefined) throw new RowError(`destination "${badPlace}" is not an ISO 3166 code`);
  const threshold = cell(row, 'threshold_eur');
  if (threshold !== undefined && !/^\d+(\.\d+)?$/.test(threshold))
    throw new RowError(`threshold_eur "${threshold}" is not an amount in euro`);
  return {
    ...base,
    id: `${list}:${codeSystem}:${code.digits}${suffix}`,
    subject: 'tariff',
    codeSystem,
    code: code.digits,
    ...(destinations === undefined ? {} : { destinations }),
    ...(threshold === undefined ? {} : { thresholdEur: Number(threshold) }),
  };
}

function countryRule(row: Row, list: string): ControlRule {
  const country = required(row, 'country').toUpperCase();
  if (!PLACE.test(country)) throw new RowError(`country "${country}" is not an ISO 3166 code`);
  const jurisdiction = required(row, 'jurisdiction');
  // A regime that changed over time (Syria before and after 2025) has one row per period, told apart by `part`.
  const part = cell(row, 'part');
  const listedGoods = cell(row, 'listed_goods') ?? 'block';
  if (listedGoods !== 'block' && listedGoods !== 'review') {
    throw new RowError(`listed_goods "${listedGoods}" is neither block nor review`);
  }
  return {
    ...ruleBase(row, list, `${list}:${country}:${jurisdiction}${part ? `:${part}` : ''}`, jurisdiction),
    subject: 'country',
    country,
    listedGoods,
  };
}

/** Patterns are anchored so `3A001` can never match inside `13A0011`. */
function controlNumberRule(row: Row, list: string): ControlRule {
  const pattern = required(row, 'pattern');
  if (!pattern.startsWith('^')) throw new RowError(`pattern "${pattern}" must be anchored with ^`);
  try {
    new RegExp(pattern);
  } catch {
    throw new RowError(`pattern "${pattern}" is not a regular expression`);
  }
  const regime = required(row, 'regime');
  if (regime !== 'EU' && regime !== 'US') throw new RowError(`regime "${regime}" is neither EU nor US`);
  const example = cell(row, 'example');
  if (example !== undefined && !(readControlNumber(example).ok && new RegExp(pattern).test(example))) {
    throw new RowError(`example "${example}" is not matched by pattern ${pattern}`);
  }
  const id = `${list}:${required(row, 'id')}`;
  return {
    ...ruleBase(row, list, id, regime),
    subject: 'control-number',
    regime,
    controlNumberPattern: pattern,
  };
}

function shapeOf(header: readonly string[]): ((row: Row, list: string) => ControlRule) | string {
  const missing = BASIS_COLUMNS.filter((column) => !header.includes(column));
  if (missing.length) return `header lacks ${missing.join(', ')}`;
  if (header.includes('pattern')) return controlNumberRule;
  if (header.includes('country')) return countryRule;
  if (header.includes('code') && header.includes('code_system')) return tariffRule;
  return 'header has none of code+code_system, country or pattern';
}

/**
 * Reads a control list CSV (tariff codes, countries or control-number patterns, told apart by the header).
 * A bad row is skipped with a warning naming its line, never guessed at; a bad header or a duplicate id
 * throws, because either means the file is not what the officer thinks it is.
 */
export function parseControlList(list: string, text: string): ControlListParse {
  const [header = [], ...cells] = parse(text, {
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    trim: true,
  }) as string[][];
  const report: ParseReport = { recordsSeen: 0, recordsSkipped: 0, warnings: [] };
  const records = cells.map((values, i): Row => {
    if (values.length !== header.length) {
      throw new Error(`${list}: line ${i + 2} has ${values.length} cells, the header has ${header.length}`);
    }
    return Object.fromEntries(header.map((column, at) => [column, values[at]]));
  });
  const read = shapeOf(header);
  if (typeof read === 'string') throw new Error(`${list}: ${read}`);
  const rules: ControlRule[] = [];
  const ids = new Set<string>();
  records.forEach((row, i) => {
    report.recordsSeen++;
    try {
      const rule = read(row, list);
      if (ids.has(rule.id)) throw new Error(`${list}: line ${i + 2} repeats rule ${rule.id}`);
      ids.add(rule.id);
      rules.push(rule);
    } catch (err) {
      if (!(err instanceof RowError)) throw err;
      report.recordsSkipped++;
      report.warnings.push(`${list}: line ${i + 2} skipped: ${err.message}`);
    }
  });
  return { rules, report };
}
