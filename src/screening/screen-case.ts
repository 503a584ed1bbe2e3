import { freezeDeep } from '../audit/canonical-json.ts';
import type { Decision, Finding, ListVersionRef, ScreenRequest } from '../contract/screening-types.ts';
import { type ControlRule, screenGoods, type TenantGoodsTable, tenantTableFindings } from '../goods/index.ts';
import type { ListSnapshot } from '../lists/active/list-snapshot.ts';
import type { Policy } from '../policy/policy.ts';
import { SEVERITY_RANK } from '../severity/severity.ts';
import { coverageFloor, type ListKind } from './coverage-floor.ts';
import { decide } from './decide.ts';
import { goodsTransaction, toGoodsFindings } from './goods-findings.ts';
import { type Coverage, listCoverage } from './list-coverage.ts';
import { partyFindings } from './party-findings.ts';
import type { WatchlistIndex } from './screening-deps.ts';
import { staleListFindings } from './stale-lists.ts';
import { watchlistFindings } from './watchlist-findings.ts';

export interface CaseContext {
  snapshot: ListSnapshot;
  /** The snapshot's control rules as one array (the goods engine caches its index per array). */
  rules: ControlRule[];
  policy: Policy;
  /** The catalog's sources, plus any other the snapshot holds (see sourcesOf): each is named in `listVersions`. */
  sources: { id: string; title: string; kind: ListKind }[];
  date: string;
  /** The moment the answer speaks for (now, or `options.asOf`): list freshness is judged at it. */
  now: number;
  /** Time budget of the party matching (see src/parties/cpu-budget.ts); the engine's default when absent. */
  cpuBudgetMs?: number;
  /** The tenant's own watchlists in force for this request (see TenantWatchlists). */
  watchlists: readonly WatchlistIndex[];
  /**
   * The tenant's own goods tables for this request (see TenantGoodsTables). Not subject to `options.lists`:
   * they are the tenant's policy, and they only add findings.
   */
  goodsTables?: readonly TenantGoodsTable[];
}

/** What the lists say about a case, before licences, suppressions and the decision. */
export interface CaseFindings {
  findings: Finding[];
  listVersions: ListVersionRef[];
}

/**
 * Coverage with no list filter depends only on the snapshot and the policy's severity for missing lists, so it
 * is made once per snapshot and shared (frozen) by every result that screens against it.
 */
const fullCoverageMemo = new WeakMap<ListSnapshot['versions'], Map<string, Coverage>>();
function fullCoverage(ctx: CaseContext): Coverage {
  const bySeverity = fullCoverageMemo.get(ctx.snapshot.versions) ?? new Map<string, Coverage>();
  fullCoverageMemo.set(ctx.snapshot.versions, bySeverity);
  const severity = ctx.policy.missingListsDecision;
  let coverage = bySeverity.get(severity);
  if (!coverage) {
    coverage = freezeDeep(
      listCoverage({
        sources: ctx.sources,
        versions: ctx.snapshot.versions,
        sourceAllowed: () => true,
        missingSeverity: severity,
      }),
    );
    bySeverity.set(severity, coverage);
  }
  return coverage;
}

/**
 * Pure: one transaction's parties, goods and route against one snapshot of the lists and the tenant's own
 * watchlists, under one policy. Unsorted and undecided: licences and suppressions still change what counts,
 * so the decision is taken once, by `conclude`, after them. The goods lines are valid (requestProblems ran).
 */
export function screenCase(req: ScreenRequest, ctx: CaseContext): CaseFindings {
  const include = req.options?.lists?.include;
  const exclude = new Set(req.options?.lists?.exclude ?? []);
  const sourceAllowed = (id: string) => !exclude.has(id) && (!include || include.includes(id));
  const titles = new Map(ctx.sources.map((s) => [s.id, s.title]));

  const reviewThreshold = req.options?.threshold ?? ctx.policy.reviewThreshold;
  const findings = partyFindings(ctx.snapshot.partyIndex, req.parties, {
    reviewThreshold,
    blockThreshold: ctx.policy.blockThreshold,
    sourceAllowed,
    sourceTitle: (id) => titles.get(id) ?? id,
    cpuBudgetMs: ctx.cpuBudgetMs,
  });
  findings.push(
    ...watchlistFindings(ctx.watchlists, req.parties, {
      reviewThreshold,
      blockThreshold: ctx.policy.blockThreshold,
      sourceAllowed,
    }),
  );

  const goods = req.goods ?? [];
  if (goods.length > 0 || req.route?.destination) {
    const route = {
      destination: req.route?.destination ?? '',
      transit: req.route?.transit ?? [],
      ...(req.route?.origin ? { origin: req.route.origin } : {}),
    };
    // Unfiltered, the same array is passed every time, so the goods engine reuses its cached index.
    const rules = include || exclude.size > 0 ? ctx.rules.filter((r) => sourceAllowed(r.list)) : ctx.rules;
    const transaction = goodsTransaction(req, ctx.policy);
    findings.push(
      ...toGoodsFindings(screenGoods(goods, route, ctx.date, rules, undefined, transaction, []).findings),
      ...toGoodsFindings(tenantTableFindings(goods, route, ctx.date, ctx.goodsTables ?? [])),
    );
  }

  const coverage =
    include || exclude.size > 0
      ? listCoverage({
          sources: ctx.sources,
          versions: ctx.snapshot.versions,
          sourceAllowed,
          missingSeverity: ctx.policy.missingListsDecision,
        })
      : fullCoverage(ctx);
  findings.push(...coverage.findings, ...staleListFindings(coverage.refs, titles, ctx.now));
  const kinds = new Map(ctx.sources.map((s) => [s.id, s.kind]));
  findings.push(
    ...coverageFloor({
      refs: coverage.refs,
      kindOf: (id) => kinds.get(id) ?? 'sanctions',
      goodsScreened: goods.length > 0 || !!req.route?.destination,
    }),
  );
  return { findings, listVersions: coverage.refs };
}

/** Pure: the last step of every screening: the findings most severe first, and the one decision they make. */
export function conclude(findings: Finding[], policy: Policy): { findings: Finding[]; decision: Decision } {
  const sorted = [...findings].sort(
    (a, b) =>
      (SEVERITY_RANK[b.severity] ?? -1) - (SEVERITY_RANK[a.severity] ?? -1) ||
      (b.score ?? 0) - (a.score ?? 0),
  );
  return { findings: sorted, decision: decide(sorted, policy) };
}
