import type { FactValue, PriorityItem, RedFlagCase, RuleHit } from './facts.ts';
import { monthsBetween } from './months.ts';
import { ACTIVITY_TABLE, type ActivityRow, type RuleId } from './rule-table.ts';

type Threshold = (rule: RuleId) => number;

const goodsFacts = (items: readonly PriorityItem[]): Record<string, FactValue> => ({
  goods: items.map((i) => `${i.code} (CHPL tier ${i.tier})`).join(', '),
});

/** The most specific row of the activity table for a code: NACE 46.61 before a NACE 46 row. */
export function activityRow(scheme: string, code: string): ActivityRow | undefined {
  const digits = code.replace(/\D/g, '');
  return ACTIVITY_TABLE.filter((r) => r.scheme === scheme && digits.startsWith(r.code)).sort(
    (a, b) => b.code.length - a.code.length,
  )[0];
}

/**
 * The rules about one company party's registry and accounts: how old it is, how lately and how well its
 * registered activity fits the goods, and how its size compares with the deal. Each runs only on the facts sent.
 */
export function companyRules(c: RedFlagCase, threshold: Threshold): RuleHit[] {
  const hits: RuleHit[] = [];
  const value = c.req.transaction?.value;
  c.req.parties.forEach((party, partyIndex) => {
    const co = party.company;
    if (!co) return;
    const who = `${party.name} (${party.role ?? 'customer'})`;
    if (co.incorporatedOn) {
      const age = monthsBetween(co.incorporatedOn, c.date);
      if (age < threshold('new-company'))
        hits.push({
          rule: 'new-company',
          partyIndex,
          facts: { incorporatedOn: co.incorporatedOn, ageMonths: age, ...goodsFacts(c.priority) },
          detail: `${who} was incorporated on ${co.incorporatedOn}, ${age} months before the transaction`,
        });
    }
    const activity = co.activity;
    if (activity?.changedOn) {
      const since = monthsBetween(activity.changedOn, c.date);
      if (since < threshold('activity-changed-recently'))
        hits.push({
          rule: 'activity-changed-recently',
          partyIndex,
          facts: {
            activity: `${activity.scheme} ${activity.code}`,
            activityChangedOn: activity.changedOn,
            monthsSinceChange: since,
            ...goodsFacts(c.priority),
          },
          detail: `${who} changed its registered activity to ${activity.scheme} ${activity.code} on ${activity.changedOn}, ${since} months before the transaction`,
        });
    }
    if (activity) {
      const row = activityRow(activity.scheme, activity.code);
      const unfit = row ? c.priority.filter((i) => !row.hsPrefixes.some((p) => i.digits.startsWith(p))) : [];
      for (const item of unfit)
        hits.push({
          rule: 'activity-goods-mismatch',
          partyIndex,
          goodsIndex: item.goodsIndex,
          facts: {
            activity: `${activity.scheme} ${activity.code} ${row!.activity}`,
            plausibleGoods: row!.hsPrefixes.join(' '),
            ...goodsFacts([item]),
          },
          detail: `${who} is registered for ${row!.activity} (${activity.scheme} ${activity.code}), which does not plausibly trade ${item.code}`,
        });
    }
    if (value && co.turnover && co.turnover.currency === value.currency && co.turnover.amount > 0) {
      const ratio = value.amount / co.turnover.amount;
      if (ratio > threshold('value-vs-turnover'))
        hits.push({
          rule: 'value-vs-turnover',
          partyIndex,
          facts: {
            transactionValue: `${value.amount} ${value.currency}`,
            turnover: `${co.turnover.amount} ${co.turnover.currency}`,
            ratio: Math.round(ratio * 100) / 100,
          },
          detail: `the transaction (${value.amount} ${value.currency}) is ${ratio.toFixed(2)} times the last reported turnover of ${who}`,
        });
    }
    // A per-employee threshold is in one currency; other currencies are not converted (nothing is inferred).
    if (value && co.employees !== undefined && co.employees > 0 && value.currency === 'EUR') {
      const perEmployee = value.amount / co.employees;
      if (perEmployee > threshold('value-per-employee'))
        hits.push({
          rule: 'value-per-employee',
          partyIndex,
          facts: {
            transactionValue: `${value.amount} ${value.currency}`,
            employees: co.employees,
            valuePerEmployee: Math.round(perEmployee),
          },
          detail: `the transaction is ${Math.round(perEmployee)} EUR per employee of ${who} (${co.employees} employees)`,
        });
    }
    const seen = c.history.get(partyIndex);
    if (seen && seen.screenings >= threshold('new-goods-for-party')) {
      const earlier = new Set(seen.chapters);
      const fresh = c.priority.filter((i) => !earlier.has(i.digits.slice(0, 2)));
      if (fresh.length > 0)
        hits.push({
          rule: 'new-goods-for-party',
          partyIndex,
          facts: {
            firstSeen: seen.firstSeen,
            earlierScreenings: seen.screenings,
            earlierChapters: seen.chapters.join(' ') || 'none',
            newChapters: [...new Set(fresh.map((i) => i.digits.slice(0, 2)))].join(' '),
            ...goodsFacts(fresh),
          },
          detail: `${who}, screened ${seen.screenings} times since ${seen.firstSeen.slice(0, 10)}, never had goods of HS chapter ${fresh[0]!.digits.slice(0, 2)} before`,
        });
    }
  });
  return hits;
}
