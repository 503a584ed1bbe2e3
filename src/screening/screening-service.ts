import { createHash } from 'node:crypto';
import { type ChainHead, HEAD_MOVED, lockHead } from '../audit/audit-store.ts';
import { canonicalJson } from '../audit/canonical-json.ts';
import type { Chunk } from '../contract/screen-job-chunk.ts';
import type { ScreeningResult, ScreenRequest } from '../contract/screening-types.ts';
import { failedExpectation, runFragments } from '../db/fragments.ts';
import type { PoolClient } from '../db/pool.ts';
import { timeOrderedUuid } from '../db/time-ordered-uuid.ts';
import { withTransaction } from '../db/transaction.ts';
import { tenantRuleLookup } from '../goods/index.ts';
import { snapshotRules } from '../goods/snapshot-rules.ts';
import { ApiError } from '../http/api-error.ts';
import type { ListSnapshot } from '../lists/active/list-snapshot.ts';
import type { Principal } from '../principal/scopes.ts';
import { createCommitGroups } from './commit-group.ts';
import { inEvaluationTurn } from './evaluation-turns.ts';
import { ruleLookup } from './goods-licensing.ts';
import { selectionDetail, selectionProblems } from './list-selection.ts';
import { requestProblems } from './request-problems.ts';
import { type CaseContext, conclude, screenCase } from './screen-case.ts';
import type { ScreeningDeps } from './screening-deps.ts';
import { createScreeningStore, type ScreeningRow } from './screening-store.ts';

export type { ScreeningDeps } from './screening-deps.ts';

/**
 * The pure steps of a screening, by name. Production uses the functions themselves (SCREENING_CORE); a test
 * may wrap them to count that goods lines are validated once and the decision is taken once per screening.
 */
export interface ScreeningCore {
  requestProblems: typeof requestProblems;
  screenCase: typeof screenCase;
  conclude: typeof conclude;
}

export const SCREENING_CORE: ScreeningCore = { requestProblems, screenCase, conclude };

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const today = () => new Date().toISOString().slice(0, 10);

export function createScreeningService(deps: ScreeningDeps, core: ScreeningCore = SCREENING_CORE) {
  const store = createScreeningStore(deps.pool);
  /**
   * The sources a snapshot is screened and reported against: the catalog's, plus any source the snapshot still
   * holds that the catalog no longer names (disabled since, or active at an `asOf` moment), so every list that
   * can answer is named in `listVersions` and can be selected. Such a source's entries are in the party index
   * (only the catalog's control lists become rules), so it counts as a sanctions list.
   */
  const sourcesMemo = new WeakMap<ListSnapshot['versions'], CaseContext['sources']>();
  function sourcesOf(snapshot: ListSnapshot): CaseContext['sources'] {
    let sources = sourcesMemo.get(snapshot.versions);
    if (!sources) {
      const catalog = deps.lists.catalog.sources.map((s) => ({ id: s.id, title: s.title, kind: s.kind }));
      const known = new Set(catalog.map((s) => s.id));
      const others = [...snapshot.versions.keys()]
        .filter((id) => !known.has(id))
        .map((id) => ({ id, title: `${id} list`, kind: 'sanctions' as const }));
      sources = [...catalog, ...others];
      sourcesMemo.set(snapshot.versions, sources);
    }
    return sources;
  }

  /**
   * Computes an answer in memory; nothing is returned to a client before it is stored. Top to bottom: validate
   * once, read the policy once, party and goods findings with the tenant's watchlist hits (pure), licences,
   * suppressions, then sort and decide once.
   */
  async function evaluate(
    principal: Principal,
    req: ScreenRequest,
    idempotencyKey: string | null,
    // The idempotent path has already made it, to compare with a stored request's hash.
    requestJson: string = canonicalJson(req),
  ): Promise<ScreeningRow> {
    const tenantId = principal.tenantId;
    const asOf = req.options?.asOf;
    const problems = core.requestProblems(req);
    if (problems.length > 0)
      throw ApiError.badRequest('Some goods lines or the route cannot be screened', problems);
    const date = req.date ?? today();
    const policy = await deps.policy.current(tenantId);
    const snapshot = asOf ? await deps.lists.historic.at(asOf) : deps.lists.active.current();
    const sources = sourcesOf(snapshot);
    const selection = req.options?.lists;
    if (selection?.include || selection?.exclude) {
      const found = selectionProblems(selection, {
        listIds: sources.map((s) => s.id),
        tenantLists: await deps.watchlists.sourceIds(tenantId, asOf),
        excludable: policy.excludableLists,
      });
      if (found.errors.length > 0) throw ApiError.badRequest(selectionDetail(found), found.errors);
    }
    // In memory before the case is screened (see tenant-index.ts): no connection is held while matching.
    const watchlists = await deps.watchlists.inForce(tenantId, asOf);
    // Only a screening with goods reads the tenant's goods tables (one small query; rows are kept per version).
    const goodsTables =
      deps.goodsTables && (req.goods?.length ?? 0) > 0 ? await deps.goodsTables.inForce(tenantId, asOf) : [];
    const rules = snapshotRules(snapshot);
    const found = await inEvaluationTurn(() =>
      core.screenCase(req, {
        snapshot,
        rules,
        policy,
        sources,
        date,
        now: asOf ? Date.parse(asOf) : Date.now(),
        cpuBudgetMs: deps.cpuBudgetMs,
        watchlists,
        goodsTables,
      }),
    );
    let findings = found.findings;
    if (deps.licensing) {
      // A tenant table's finding names its row's rule, which licensing reads as it reads a shipped one.
      const shipped = ruleLookup(rules);
      const own = goodsTables.length > 0 ? tenantRuleLookup(goodsTables) : undefined;
      const ruleOf = own ? (id: string) => shipped(id) ?? own(id) : shipped;
      findings = await deps.licensing.mark({ tenantId, req, date, findings, ruleOf });
    }
    if (deps.redFlags) {
      findings = [
        ...findings,
        ...(await deps.redFlags.findings({
          tenantId,
          req,
          date,
          rules,
          entities: snapshot.entities,
          settings: policy.redFlags,
        })),
      ];
    }
    // After the watchlist hits: a remembered false positive may suppress a watchlist finding too.
    findings = await deps.falsePositives.suppressRemembered(principal, req, findings);
    const outcome = core.conclude(findings, policy);
    const screenedAt = Date.now();
    const result: ScreeningResult = {
      id: timeOrderedUuid(screenedAt),
      reference: req.reference ?? null,
      decision: outcome.decision,
      screenedAt: new Date(screenedAt).toISOString(),
      date,
      listVersions: found.listVersions,
      policy,
      findings: outcome.findings,
    };
    // Serialised once, canonically: the same text is hashed into the audit chain, stored and sent, so the
    // body a client receives hashes to the resultHash its audit event records.
    const resultJson = canonicalJson(result);
    return {
      id: result.id,
      tenantId: principal.tenantId,
      apiKeyId: principal.keyId,
      reference: result.reference ?? null,
      decision: result.decision,
      screenedAt: result.screenedAt,
      policyVersion: policy.version,
      request: req,
      result,
      partyNames: req.parties.map((p) => [p.name, ...(p.aliases ?? [])].join(' | ')).join(' || '),
      sources: [...new Set(outcome.findings.map((f) => f.source).filter((s): s is string => !!s))],
      entryIds: [...new Set(outcome.findings.map((f) => f.entry?.id).filter((s): s is string => !!s))],
      idempotencyKey,
      requestJson,
      requestHash: sha256(requestJson),
      resultJson,
      resultHash: sha256(resultJson),
      auditSeq: 0,
    };
  }

  /**
   * The chain head this process last wrote for each tenant. A remembered head lets a group of screenings be
   * stored in one round trip with no lock taken first; if another writer moved the head meanwhile, that
   * statement fails whole (HEAD_MOVED) and the group is stored again after locking the head.
   */
  const heads = new Map<string, ChainHead>();

  /** In the caller's transaction (one tenant's rows): lock the head, then the one statement. */
  async function persistIn(client: PoolClient, rows: ScreeningRow[], chunk?: Chunk): Promise<void> {
    if (rows.length === 0) return;
    const tenantId = rows[0]!.tenantId;
    const { fragments, head } = deps.write(rows, await lockHead(client, tenantId), chunk);
    await runFragments(client, fragments);
    heads.set(tenantId, head);
  }

  async function persist(rows: ScreeningRow[], chunk?: Chunk): Promise<void> {
    if (rows.length === 0) return;
    const tenantId = rows[0]!.tenantId;
    const known = heads.get(tenantId);
    if (known) {
      const { fragments, head } = deps.write(rows, known, chunk);
      try {
        await runFragments(deps.pool, fragments);
        heads.set(tenantId, head);
        return;
      } catch (err) {
        heads.delete(tenantId);
        if (!failedExpectation(err, HEAD_MOVED)) throw err;
      }
    }
    await withTransaction(deps.pool, (client) => persistIn(client, rows, chunk));
  }

  const commits = createCommitGroups<ScreeningRow>((rows) => persist(rows));

  return {
    /** One screening, answered only after the COMMIT that stores it; `json` is the exact body to send. */
    async screen(
      principal: Principal,
      req: ScreenRequest,
      idempotencyKey?: string,
    ): Promise<{ result: ScreeningResult; json: string }> {
      if (!idempotencyKey) {
        const row = await evaluate(principal, req, null);
        await commits.submit(row);
        return { result: row.result, json: row.resultJson };
      }
      const requestJson = canonicalJson(req);
      const hash = sha256(requestJson);
      const replay = (previous: { requestHash: string; result: ScreeningResult }) => {
        if (previous.requestHash !== hash) {
          throw ApiError.conflict('This Idempotency-Key was used with a different request body');
        }
        // The canonical text of the stored result is the very body the first answer sent.
        return { result: previous.result, json: canonicalJson(previous.result) };
      };
      // The common retry (after a client timeout) finds the stored answer without locking anything.
      const stored = await store.byIdempotencyKey(principal.tenantId, idempotencyKey);
      if (stored) return replay(stored);
      // Evaluate before taking a connection for the transaction: evaluation may itself query the pool
      // (policy, suppressions), and a transaction waiting on it while holding a connection could exhaust the pool.
      const row = await evaluate(principal, req, idempotencyKey, requestJson);
      return withTransaction(deps.pool, async (client) => {
        await store.lockIdempotencyKey(client, principal.tenantId, idempotencyKey);
        const previous = await createScreeningStore(client).byIdempotencyKey(
          principal.tenantId,
          idempotencyKey,
        );
        if (previous) return replay(previous);
        await persistIn(client, [row]);
        return { result: row.result, json: row.resultJson };
      });
    },

    /**
     * Up to 1,000 items: each validated and screened on its own; the valid ones stored in one statement, with
     * a screen job's chunk results and progress when the items are one `chunk` of a job.
     */
    async screenMany(principal: Principal, items: { index: number; req: ScreenRequest }[], chunk?: Chunk) {
      const rows: { index: number; row?: ScreeningRow; error?: ApiError }[] = [];
      for (const { index, req } of items) {
        try {
          rows.push({ index, row: await evaluate(principal, req, null) });
        } catch (err) {
          if (!(err instanceof ApiError)) throw err;
          rows.push({ index, error: err });
        }
      }
      await persist(
        rows.flatMap((r) => (r.row ? [r.row] : [])),
        chunk,
      );
      return rows;
    },

    async get(principal: Principal, id: string) {
      const found = await store.get(principal.tenantId, id);
      if (!found) throw ApiError.notFound(`No screening ${id}`);
      return found;
    },
  };
}

export type ScreeningService = ReturnType<typeof createScreeningService>;
