import { type Finding, type Party, ROLE_LABEL } from '../contract/screening-types.ts';
import {
  CpuBudget,
  DEFAULT_EVALUATION_BUDGET_MS,
  DEFAULT_PARTY_BUDGET_MS,
  type Hit,
  MAX_QUERY_NAMES,
  type MatchIndex,
  PARTY_ALIAS_FLOOR_MS,
  type PartyQuery,
} from '../parties/index.ts';

export interface PartyScreenOptions {
  reviewThreshold: number;
  blockThreshold: number;
  /** Whether a hit's source may be used (include/exclude lists, tenant's own watchlists). */
  sourceAllowed: (source: string) => boolean;
  sourceTitle: (source: string) => string;
  /** Most findings per party: beyond a few, an officer needs a better query, not a longer list. */
  maxHitsPerParty?: number;
  /** Time for matching all the parties of this call (SCREEN_CPU_BUDGET_MS); see src/parties/cpu-budget.ts. */
  cpuBudgetMs?: number;
  /** One party's share of it (default DEFAULT_PARTY_BUDGET_MS). */
  partyBudgetMs?: number;
}

function toQuery(p: Party): PartyQuery {
  const q: PartyQuery = { name: p.name };
  if (p.kind) q.kind = p.kind;
  if (p.aliases?.length) q.aliases = p.aliases;
  if (p.country) q.country = p.country;
  if (p.identifiers?.length) q.identifiers = p.identifiers.map((i) => ({ ...i }));
  if (p.birthDate) q.birthDate = p.birthDate;
  return q;
}

const pct = (n: number) => n.toFixed(2);

/**
 * Party matches as findings, each with the entry, the evidence and one sentence an officer can act on. A party
 * whose matching the budget cut short (or never reached) gets a `screening_incomplete` finding of severity
 * review instead of silence: what was found is kept, but the absence of a match proves nothing.
 */
export function partyFindings(index: MatchIndex, parties: Party[], o: PartyScreenOptions): Finding[] {
  const findings: Finding[] = [];
  const budget = new CpuBudget(o.cpuBudgetMs ?? DEFAULT_EVALUATION_BUDGET_MS);
  parties.forEach((party, partyIndex) => {
    if (budget.spent()) {
      findings.push(
        incomplete(party, partyIndex, 'the screening’s time budget was spent before it was reached'),
      );
      return;
    }
    const shareMs = o.partyBudgetMs ?? DEFAULT_PARTY_BUDGET_MS;
    const share = budget.share(shareMs, Math.min(PARTY_ALIAS_FLOOR_MS, shareMs));
    const hits = index
      .search(toQuery(party), {
        thresholds: { review: o.reviewThreshold, block: Math.max(o.blockThreshold, o.reviewThreshold) },
        limit: 50,
        budget: share,
      })
      .filter((h) => o.sourceAllowed(h.source))
      .slice(0, o.maxHitsPerParty ?? 5);
    for (const hit of hits) findings.push(toFinding(hit, party, partyIndex, o));
    if (share.cutShort) {
      const why = budget.spent()
        ? 'the screening’s time budget ran out while its names were matched'
        : `its names took longer than one party’s share of the time (${shareMs} ms) to match`;
      findings.push(incomplete(party, partyIndex, why));
    } else if (1 + (party.aliases?.length ?? 0) > MAX_QUERY_NAMES) {
      // The contract allows no more (Party.aliases maxItems); a caller that bypassed it is told, not ignored.
      findings.push(incomplete(party, partyIndex, `only its first ${MAX_QUERY_NAMES} names were matched`));
    }
  });
  return findings;
}

function incomplete(party: Party, partyIndex: number, why: string): Finding {
  const role = ROLE_LABEL[party.role ?? 'customer'] ?? 'Party';
  return {
    id: `incomplete:${partyIndex}`,
    kind: 'screening_incomplete',
    severity: 'review',
    partyIndex,
    reason: `${role} “${party.name}” was screened only in part: ${why}. The lack of a match proves nothing; screen it again or review it by hand.`,
  };
}

function toFinding(hit: Hit, party: Party, partyIndex: number, o: PartyScreenOptions): Finding {
  const severity = hit.score >= Math.max(o.blockThreshold, o.reviewThreshold) ? 'block' : 'review';
  const title = o.sourceTitle(hit.source);
  const role = ROLE_LABEL[party.role ?? 'customer'] ?? 'Party';
  const programs = hit.programs.length > 0 ? ` (${hit.programs.slice(0, 3).join(', ')})` : '';
  const matched =
    hit.matchedName === hit.name ? `“${hit.name}”` : `“${hit.matchedName}”, an alias of “${hit.name}”`;
  const e = hit.evidence;
  const parts = [
    { part: 'name', score: e.name.score ?? 0, detail: e.name.detail },
    ...(
      [
        ['identifier', e.identifiers],
        ['country', e.country],
        ['birth_date', e.birthDate],
        ['kind', e.kind],
      ] as const
    )
      .filter(([, p]) => p.score !== null)
      .map(([part, p]) => ({
        part,
        score: p.score ?? 0,
        // The engine's detail states the effect in words ("13 years apart, −0.25").
        detail: p.detail,
      })),
  ];
  return {
    id: `party:${partyIndex}:${hit.source}:${hit.entryId}`,
    kind: 'party_match',
    severity,
    partyIndex,
    source: hit.source,
    entry: {
      id: hit.entryId,
      name: hit.name,
      kind: hit.kind,
      programs: hit.programs,
      listedOn: hit.listedOn ?? null,
      url: hit.url ?? null,
    },
    score: Math.round(hit.score * 1000) / 1000,
    matchedName: hit.matchedName,
    explanation: parts,
    reason: `${role} “${party.name}” matches ${matched} on the ${title}${programs}, score ${pct(hit.score)}.`,
    legalBasis: {
      act: title,
      provision: hit.programs.join(', ') || 'listed entry',
      ...(hit.listedOn ? { inForce: hit.listedOn } : {}),
      ...(hit.url ? { url: hit.url } : {}),
    },
  };
}
