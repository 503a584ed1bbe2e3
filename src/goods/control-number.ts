import type { ControlRegime } from './control-rule.ts';

export type ControlNumberReading =
  | { ok: true; value: string; regimes: ControlRegime[]; ear99: boolean }
  | { ok: false; reason: string };

/** Category 0-9, product group A-E, three digits: the shape shared by EU Annex I numbers and US ECCNs. */
const BASE = /^[0-9][A-E][0-9]{3}/;
/** US ECCN sub-paragraphs: `5A992.c`, `3A001.a.1`, `0A919.a.1`. */
const ECCN = /^[0-9][A-E][0-9]{3}(\.[a-z0-9.]+)?$/;
/** EU Annex I sub-items are written the same way (`5A002.a.1`), without the US-only 5xx/6xx/9xx families. */
const EU_ANNEX_I = /^[0-9][A-E][0-4][0-9]{2}(\.[a-z0-9.]+)?$/;

/**
 * Numbers with a third digit of 0-4 exist in both EU Annex I and the US CCL (both transpose the Wassenaar,
 * MTCR, NSG and Australia Group lists), so such a number is screened under both regimes. The 5xx (0Y521),
 * 6xx (600 series) and 9xx (anti-terrorism) families exist only in the US CCL.
 */
export function readControlNumber(raw: string): ControlNumberReading {
  const trimmed = raw.trim();
  // Declarations vary in case (`5a992.C`); the canonical form is an upper-case stem and lower-case paragraphs.
  const value = trimmed.slice(0, 5).toUpperCase() + trimmed.slice(5).toLowerCase();
  if (value === 'EAR99') return { ok: true, value: 'EAR99', regimes: ['US'], ear99: true };
  if (!BASE.test(value) || !ECCN.test(value) || value.endsWith('.') || value.includes('..')) {
    return {
      ok: false,
      reason: `control number "${raw}" is neither an EU Annex I number nor a US ECCN (e.g. 3A001, 5A992.c, EAR99)`,
    };
  }
  const regimes: ControlRegime[] = EU_ANNEX_I.test(value) ? ['EU', 'US'] : ['US'];
  return { ok: true, value, regimes, ear99: false };
}
