import type { Finding } from '../contract/screening-types.ts';
import type { GoodsLicensing, LicensingInput } from '../screening/goods-licensing.ts';
import type { LicenceRecord } from './licence.ts';
import { licenceCovers, licenceRefusal, subjectOf } from './licence-match.ts';

/**
 * A finding a licence may lift: a goods control that holds the line up (block or review). Destination and
 * route findings are embargoes on a place, party matches are sanctions: no export licence lifts those.
 */
function licensable(f: Finding): boolean {
  return (
    f.kind === 'goods_control' &&
    f.goodsIndex !== undefined &&
    (f.severity === 'block' || f.severity === 'review') &&
    !f.suppressed &&
    !f.licensed &&
    f.entry !== undefined
  );
}

export function hasLicensableFinding(findings: readonly Finding[]): boolean {
  return findings.some(licensable);
}

/**
 * Pure: each licensable finding checked against the licences that cover its goods item (newest first); the
 * first that applies marks it `licensed`; recorded drawdowns and the lines before it on the same licence add up
 * against its limits.
 */
export function markLicensed(input: Omit<LicensingInput, 'tenantId'>, licences: readonly LicenceRecord[]) {
  const used = new Map<string, { quantity: number; value: number }>();
  const drawn = new Set<string>();
  return input.findings.map((f): Finding => {
    if (!licensable(f)) return f;
    const rule = input.ruleOf(f.entry!.id);
    const line = input.req.goods?.[f.goodsIndex!];
    const subject = rule && line ? subjectOf(rule, line) : undefined;
    if (!rule || !line || !subject) return f;
    const checks: NonNullable<Finding['licenceChecks']> = [];
    for (const l of licences) {
      if (!licenceCovers(l.goods, subject)) continue;
      // What earlier shipments drew (recorded drawdowns), plus earlier lines of this screening.
      const sofar = used.get(l.id) ?? { quantity: l.quantityUsed, value: l.valueUsed };
      const refusal = licenceRefusal(l, {
        date: input.date,
        jurisdiction: rule.jurisdiction,
        destination: input.req.route?.destination,
        parties: input.req.parties,
        line,
        used: sofar,
      });
      if (refusal) {
        checks.push({ licenceId: l.id, number: l.number, reason: refusal });
        continue;
      }
      // One line is drawn once per licence, however many of its findings the licence covers.
      const key = `${l.id}\u0000${f.goodsIndex}`;
      if (!drawn.has(key)) {
        drawn.add(key);
        used.set(l.id, {
          quantity: sofar.quantity + (line.quantity ?? 0),
          value: sofar.value + (line.value ?? 0),
        });
      }
      const licensed = { licenceId: l.id, number: l.number, authority: l.authority, regime: l.regime };
      return { ...f, licensed: { ...licensed, validTo: l.validTo } };
    }
    return checks.length > 0 ? { ...f, licenceChecks: checks } : f;
  });
}

/** Screening's GoodsLicensing: the tenant's licences are read only when a finding could use one. */
export function createGoodsLicensing(read: (tenantId: string) => Promise<LicenceRecord[]>): GoodsLicensing {
  return {
    async mark(input) {
      if (!hasLicensableFinding(input.findings)) return input.findings;
      const licences = await read(input.tenantId);
      return licences.length === 0 ? input.findings : markLicensed(input, licences);
    },
  };
}
