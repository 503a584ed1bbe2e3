import { canonicalJson } from '../audit/canonical-json.ts';
import {
  MAX_PROBLEMS,
  type ProblemLog,
  type RowCheck,
  sameInstant,
  type VerifiedPage,
  vouchedRows,
} from '../audit/verify-report.ts';
import type { Pool } from '../db/pool.ts';
import type { StoredDrawdown } from './licence.ts';
import { type LicenceRecord, licenceFacts } from './licence.ts';
import { createLicenceVerifyStore } from './licence-verify-store.ts';

interface LicencePayload {
  licenceId?: string;
  reason?: string;
  [fact: string]: unknown;
}

/**
 * Licences against their licence.created and licence.revoked events, drawdowns against licence.drawn_down. A licence widened behind the service's
 * back (another destination, more goods, a later validTo) or a revoked one made valid again would lift findings
 * no officer authorised: those are the tampers this check exists for.
 */
export function createLicenceCheck(pool: Pool): RowCheck {
  const store = createLicenceVerifyStore(pool);
  async function check(p: VerifiedPage, log: ProblemLog) {
    const vouched = await vouchedRows<LicencePayload, LicenceRecord>(p, log, {
      table: 'licences',
      types: ['licence.created', 'licence.revoked'],
      idOf: (pl) => pl.licenceId,
      rowsById: (tenantId, ids) => store.byIds(tenantId, ids),
    });
    for (const { event: e, payload: pl, id, row: l, differs } of vouched) {
      if (e.type === 'licence.revoked') {
        if (l.revokedAt === null) {
          const detail = `valid again: revoked at ${e.occurredAt} by ${e.actor}, the row is no longer revoked`;
          log.add({ table: 'licences', id, field: 'revoked_at', detail }, e);
        } else if (!sameInstant(l.revokedAt, e.occurredAt)) differs('revoked_at', l.revokedAt, e.occurredAt);
        if (l.revokedBy !== e.actor) differs('revoked_by', l.revokedBy, e.actor);
        if (l.revocationReason !== pl.reason) differs('revocation_reason', l.revocationReason, pl.reason);
        continue;
      }
      const facts = licenceFacts(l);
      for (const [field, value] of Object.entries(facts)) {
        if (canonicalJson(value) !== canonicalJson(pl[field] ?? null)) differs(field, value, pl[field]);
      }
      if (l.createdBy !== e.actor) differs('created_by', l.createdBy, e.actor);
      if (!sameInstant(l.createdAt, e.occurredAt)) differs('created_at', l.createdAt, e.occurredAt);
    }
  }

  /** A drawdown deleted or shrunk behind the service's back would give a licence back what was shipped. */
  async function checkDrawdowns(p: VerifiedPage, log: ProblemLog) {
    const vouched = await vouchedRows<Record<string, unknown>, StoredDrawdown>(p, log, {
      table: 'licence_drawdowns',
      types: ['licence.drawn_down'],
      idOf: (pl) => pl.drawdownId as string | undefined,
      rowsById: (tenantId, ids) => store.drawdownsByIds(tenantId, ids),
    });
    for (const { event: e, payload: pl, row: d, differs } of vouched) {
      const { createdBy, createdAt, ...facts } = d;
      for (const [field, value] of Object.entries(facts)) {
        if (canonicalJson(value) !== canonicalJson(pl[field] ?? null)) differs(field, value, pl[field]);
      }
      if (createdBy !== e.actor) differs('created_by', createdBy, e.actor);
      if (!sameInstant(createdAt, e.occurredAt)) differs('created_at', createdAt, e.occurredAt);
    }
  }

  return {
    page: async (p, log) => {
      await Promise.all([check(p, log), checkDrawdowns(p, log)]);
    },
    async rest(tenantId, log) {
      for (const { id, what } of await store.unvouched(tenantId, MAX_PROBLEMS)) {
        const revoked = what === 'revoked';
        log.add({
          table: 'licences',
          id,
          field: revoked ? 'revoked_at' : null,
          detail: revoked
            ? 'revoked, but no revocation event vouches for it'
            : 'no licence.created event vouches for this row',
        });
      }
      for (const id of await store.unvouchedDrawdowns(tenantId, MAX_PROBLEMS)) {
        const detail = 'no licence.drawn_down event vouches for this row';
        log.add({ table: 'licence_drawdowns', id, field: null, detail });
      }
    },
  };
}
