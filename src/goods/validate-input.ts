import { readControlNumber } from './control-number.ts';
import { isIsoDate, MAX_DIGITS, type TariffSystem } from './control-rule.ts';
import type { GoodsLine, LineProblem, Route } from './goods-line.ts';
import { readTariffCode } from './tariff-code.ts';

/** ISO 3166-1 alpha-2, or an ISO 3166-2 subdivision where a regime targets a region (`UA-43` Crimea). */
const PLACE = /^[A-Z]{2}(-[A-Z0-9]{1,3})?$/;

function isTariffSystem(value: unknown): value is TariffSystem {
  return typeof value === 'string' && Object.hasOwn(MAX_DIGITS, value);
}

/** Every problem in the lines, each naming its line, so one 400 answer lists them all. */
export function validateGoodsLines(lines: readonly GoodsLine[]): LineProblem[] {
  const problems: LineProblem[] = [];
  lines.forEach((line, index) => {
    const system = isTariffSystem(line.codeSystem) ? line.codeSystem : undefined;
    if (line.codeSystem !== undefined && !system) {
      problems.push({
        index,
        field: 'codeSystem',
        value: String(line.codeSystem),
        reason: `code system "${line.codeSystem}" is not one of ${Object.keys(MAX_DIGITS).join(', ')}`,
      });
    }
    if (line.code !== undefined) {
      const reading = readTariffCode(line.code, system);
      if (!reading.ok) problems.push({ index, field: 'code', value: line.code, reason: reading.reason });
    }
    if (line.controlNumber !== undefined) {
      const reading = readControlNumber(line.controlNumber);
      if (!reading.ok) {
        problems.push({ index, field: 'controlNumber', value: line.controlNumber, reason: reading.reason });
      }
    }
  });
  return problems;
}

export function validateRoute(route: Route, date: string): LineProblem[] {
  const problems: LineProblem[] = [];
  const place = (field: string, value: string) => {
    if (!PLACE.test(value)) {
      problems.push({
        field,
        value,
        reason: `"${value}" is not an ISO 3166 country (RU) or region (UA-43) code`,
      });
    }
  };
  if (route.origin !== undefined) place('route.origin', route.origin);
  place('route.destination', route.destination);
  route.transit.forEach((country, i) => {
    place(`route.transit[${i}]`, country);
  });
  if (!isIsoDate(date)) {
    problems.push({ field: 'date', value: date, reason: `"${date}" is not a calendar date (YYYY-MM-DD)` });
  }
  return problems;
}
