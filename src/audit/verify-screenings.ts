import type { ScreeningResult, ScreenRequest } from '../contract/screening-types.ts';
import type { Pool } from '../db/pool.ts';
import { canonicalJson } from './canonical-json.ts';
import { MAX_PROBLEMS, type ProblemLog, sameInstant, sha256, type VerifiedPage } from './verify-report.ts';
import {
  countScreenings,
  type StoredScreeningRow,
  screeningRows,
  unvouchedScreenings,
} from './verify-store.ts';

interface ScreeningPayload {
  screeningId?: string;
  reference?: string | null;
  decision?: string;
  requestHash?: string;
  resultHash?: string;
}

/**
 * Stored JSON whose hash is the one recorded. Rows stored since migration 0022 keep the hashed canonical text
 * byte for byte, so hashing the text suffices; rows converted from jsonb by 0022 lost that form, and are
 * hashed in canonical form again (a reformatting that keeps the content is not a tamper).
 */
function vouched<T>(text: string, hash: string | undefined): T | undefined {
  let value: T;
  try {
    value = JSON.parse(text) as T;
  } catch {
    return undefined;
  }
  return sha256(text) === hash || sha256(canonicalJson(value)) === hash ? value : undefined;
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');

/**
 * The filter columns an officer's list is cut by, derived from the request and result exactly as the
 * screening service derives them when it stores them (src/screening/screening-service.ts).
 */
function derivedColumns(req: ScreenRequest, result: ScreeningResult) {
  // Optional chaining throughout: a vouched document is what the service wrote, but a verify must report,
  // never fail, on whatever a database holds.
  const findings = result.findings ?? [];
  return {
    partyNames: (req.parties ?? []).map((p) => [p.name, ...(p.aliases ?? [])].join(' | ')).join(' || '),
    sources: [...new Set(findings.map((f) => f.source).filter((s): s is string => !!s))],
    entryIds: [...new Set(findings.map((f) => f.entry?.id).filter((s): s is string => !!s))],
  };
}

/** Every column of one stored screening against the event that vouches for it. */
function checkRow(row: StoredScreeningRow, e: VerifiedPage['events'][number], log: ProblemLog) {
  const p = e.payload as ScreeningPayload;
  const differs = (field: string, stored: unknown, expected: unknown) =>
    log.differs('screenings', row.id, field, stored, expected, e);
  const request = vouched<ScreenRequest>(row.requestText, p.requestHash);
  const result = vouched<ScreeningResult>(row.resultText, p.resultHash);
  if (!request)
    log.add({ table: 'screenings', id: row.id, field: 'request', detail: 'stored request was altered' }, e);
  if (!result)
    log.add({ table: 'screenings', id: row.id, field: 'result', detail: 'stored result was altered' }, e);
  if (row.requestHash !== p.requestHash) differs('request_hash', row.requestHash, p.requestHash);
  if (row.decision !== p.decision) differs('decision', row.decision, p.decision);
  if ('reference' in p && row.reference !== p.reference) differs('reference', row.reference, p.reference);
  if (row.apiKeyId !== e.actor) differs('api_key_id', row.apiKeyId, e.actor);
  if (!sameInstant(row.screenedAt, e.occurredAt)) differs('screened_at', row.screenedAt, e.occurredAt);
  if (row.auditSeq !== e.seq) differs('audit_seq', row.auditSeq, e.seq);
  if (!result) return undefined;
  // Columns copied or derived from the (vouched) request and result when the row was stored.
  const underived = (field: string, stored: unknown, derived: unknown) =>
    log.add(
      {
        table: 'screenings',
        id: row.id,
        field,
        detail: `${field} is ${JSON.stringify(stored)}, the stored request and result give ${JSON.stringify(derived)}`,
      },
      e,
    );
  if (row.policyVersion !== result.policy?.version)
    underived('policy_version', row.policyVersion, result.policy?.version);
  if (request) {
    const d = derivedColumns(request, result);
    if (row.partyNames !== d.partyNames) underived('party_names', row.partyNames, d.partyNames);
    if (!sameSet(row.sources, d.sources)) underived('sources', row.sources, d.sources);
    if (!sameSet(row.entryIds, d.entryIds)) underived('entry_ids', row.entryIds, d.entryIds);
  }
  return result;
}

/** Screenings against their `screening` events; a page's verified results are returned for the projection. */
export function createScreeningCheck(pool: Pool) {
  let matched = 0;
  return {
    async page(p: Omit<VerifiedPage, 'results'>, log: ProblemLog): Promise<Map<string, ScreeningResult>> {
      const events = p.events.filter((e) => e.type === 'screening');
      const ids = events.flatMap((e) => {
        const id = (e.payload as ScreeningPayload).screeningId;
        return id ? [id] : [];
      });
      const rows = await screeningRows(pool, p.tenantId, ids);
      const results = new Map<string, ScreeningResult>();
      for (const e of events) {
        const id = (e.payload as ScreeningPayload).screeningId ?? '';
        const row = rows.get(id);
        if (!row) {
          log.add(
            { table: 'screenings', id, field: null, detail: 'missing: its audit event vouches for it' },
            e,
          );
          continue;
        }
        matched++;
        const result = checkRow(row, e, log);
        if (result) results.set(id, result);
      }
      return results;
    },

    async rest(tenantId: string, log: ProblemLog): Promise<void> {
      if ((await countScreenings(pool, tenantId)) === matched) return;
      for (const id of await unvouchedScreenings(pool, tenantId, MAX_PROBLEMS))
        log.add({ table: 'screenings', id, field: null, detail: 'no screening event vouches for this row' });
    },
  };
}
