import { MAX_DIGITS, type TariffSystem } from './control-rule.ts';

export type CodeReading = { ok: true; digits: string } | { ok: false; reason: string };

/** Headings (4), HS subheadings (6), CN and HTS lines (8), TARIC and HTS statistical codes (10). */
const VALID_LENGTHS = new Set([4, 6, 8, 10]);

/** Declarations write `8542.31.90`, `8542 31 90` or `85423190`; all mean the same code. */
export function readTariffCode(raw: string, system?: TariffSystem): CodeReading {
  const digits = raw.replace(/[.\s]/g, '');
  if (digits === '') return { ok: false, reason: 'the tariff code is empty' };
  if (!/^\d+$/.test(digits)) {
    return { ok: false, reason: `tariff code "${raw}" may contain only digits, dots and spaces` };
  }
  if (!VALID_LENGTHS.has(digits.length)) {
    return {
      ok: false,
      reason: `tariff code "${raw}" has ${digits.length} digits; a code has 4, 6, 8 or 10 digits`,
    };
  }
  if (system && digits.length > MAX_DIGITS[system]) {
    return {
      ok: false,
      reason: `${system} codes have at most ${MAX_DIGITS[system]} digits but "${raw}" has ${digits.length}`,
    };
  }
  return { ok: true, digits };
}

/** `85423190` → `8542.31.90`: the dotted form officers read in the nomenclature. */
export function formatTariffCode(digits: string): string {
  const parts = [digits.slice(0, 4)];
  for (let at = 4; at < digits.length; at += 2) parts.push(digits.slice(at, at + 2));
  return parts.join('.');
}

/** The label for a code in a sentence; a code of 4 or 6 digits is HS whatever system the line named. */
export function tariffLabel(digits: string, system?: TariffSystem): string {
  if (digits.length <= 6) return 'HS';
  return system ?? 'tariff code';
}
