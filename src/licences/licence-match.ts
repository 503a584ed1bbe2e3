import type { Party } from '../contract/screening-types.ts';
import type { GoodsLine } from '../goods/index.ts';
import { type ControlRule, readControlNumber, readTariffCode } from '../goods/index.ts';
import { toAscii } from '../parties/index.ts';
import type { LicenceGoods, LicenceRecord, LicenceRegime } from './licence.ts';

/**
 * Which rule jurisdictions a licence of each regime can authorise. A member state's authority (`national`)
 * grants the authorisations of Reg. (EU) 2021/821 (Chapter III, export authorisation), so it covers EU controls; no national-only control
 * list is shipped. Jointly published lists (`INTL`, e.g. the CHPL) belong to no single regime: no licence
 * lifts them, which leaves such a finding standing (fail safe).
 */
const REGIME_COVERS: Record<LicenceRegime, readonly string[]> = {
  EU: ['EU'],
  national: ['EU'],
  US: ['US'],
  UK: ['UK'],
};

/** The declared item a finding is about, as its rule reads it. */
export type GoodsSubject = { kind: 'control-number'; value: string } | { kind: 'tariff'; digits: string };

export function subjectOf(rule: ControlRule, line: GoodsLine): GoodsSubject | undefined {
  if (rule.subject === 'control-number' && line.controlNumber !== undefined) {
    const n = readControlNumber(line.controlNumber);
    return n.ok ? { kind: 'control-number', value: n.value } : undefined;
  }
  if (rule.subject === 'tariff' && line.code !== undefined) {
    const c = readTariffCode(line.code, line.codeSystem);
    return c.ok ? { kind: 'tariff', digits: c.digits } : undefined;
  }
  return undefined;
}

/** A licence for 5A002 covers 5A002.a.1; one for heading 8542 covers 8542.31.90. */
export function licenceCovers(goods: readonly LicenceGoods[], subject: GoodsSubject): boolean {
  return goods.some((g) => {
    if (subject.kind === 'control-number') {
      const n = g.controlNumber === undefined ? undefined : readControlNumber(g.controlNumber);
      return !!n?.ok && (subject.value === n.value || subject.value.startsWith(`${n.value}.`));
    }
    const c = g.code === undefined ? undefined : readTariffCode(g.code);
    return !!c?.ok && subject.digits.startsWith(c.digits);
  });
}

/** Names compared as written, up to case, accents, script and punctuation ("ACME Ltd." = "Acme Ltd"). */
export function normaliseName(name: string): string {
  return toAscii(name)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function partyMismatch(
  role: 'consignee' | 'end_user',
  licensed: string | undefined,
  parties: readonly Party[],
): string | undefined {
  if (licensed === undefined) return undefined;
  const word = role === 'consignee' ? 'consignee' : 'end user';
  const named = parties.filter((p) => p.role === role);
  if (named.length === 0) return `the screening names no ${word} (the licence is for "${licensed}")`;
  const want = normaliseName(licensed);
  const other = named.find((p) => ![p.name, ...(p.aliases ?? [])].some((n) => normaliseName(n) === want));
  return other ? `its ${word} is "${licensed}", not "${other.name}"` : undefined;
}

export interface LicenceCase {
  date: string;
  /** Jurisdiction of the rule behind the finding (`EU`, `US`, `UK`, `INTL`). */
  jurisdiction: string;
  destination: string | undefined;
  parties: readonly Party[];
  line: GoodsLine;
  /** What was drawn on this licence: recorded drawdowns plus earlier lines of the same screening. */
  used: { quantity: number; value: number };
}

/** Undefined when the licence applies to this goods finding; otherwise why not, as a sentence for the officer. */
export function licenceRefusal(l: LicenceRecord, c: LicenceCase): string | undefined {
  const name = `licence ${l.number}`;
  if (l.revokedAt !== null)
    return `${name} was revoked on ${l.revokedAt.slice(0, 10)}: ${l.revocationReason}`;
  if (c.date < l.validFrom) return `${name} is valid only from ${l.validFrom}`;
  if (c.date > l.validTo) return `${name} expired ${l.validTo}`;
  if (!REGIME_COVERS[l.regime].includes(c.jurisdiction)) {
    return `${name} was issued under the ${l.regime} regime and does not cover a ${c.jurisdiction} control`;
  }
  if (c.destination !== l.destination) {
    return `${name} is for destination ${l.destination}, not ${c.destination ?? 'an unnamed destination'}`;
  }
  const party =
    partyMismatch('consignee', l.consignee, c.parties) ?? partyMismatch('end_user', l.endUser, c.parties);
  if (party) return `${name}: ${party}`;
  if (l.quantityLimit !== undefined && c.line.quantity !== undefined) {
    const left = l.quantityLimit - c.used.quantity;
    if (c.line.quantity > left) {
      return `${name} is exhausted: quantity ${c.line.quantity} exceeds the ${left} of ${l.quantityLimit} left`;
    }
  }
  if (l.valueLimit !== undefined && c.line.value !== undefined) {
    if (c.line.currency !== l.currency) {
      const given = c.line.currency ?? 'no currency';
      return `${name} limits value in ${l.currency}; the line's value in ${given} cannot be checked against it`;
    }
    const left = l.valueLimit - c.used.value;
    if (c.line.value > left) {
      return `${name} is exhausted: value ${c.line.value} ${l.currency} exceeds the ${left} of ${l.valueLimit} left`;
    }
  }
  return undefined;
}
