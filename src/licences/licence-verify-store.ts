import type { Queryable } from '../db/pool.ts';
import type { LicenceRecord, StoredDrawdown } from './licence.ts';
import { SELECT, toRecord } from './licence-store.ts';

/** The reads of GET /audit/verify's licence check (licence-verify.ts); scoped by tenant like every read. */
export function createLicenceVerifyStore(db: Queryable) {
  return {
    /** For GET /audit/verify: the tenant's licences with these ids. */
    async byIds(tenantId: string, ids: string[]): Promise<Map<string, LicenceRecord>> {
      if (ids.length === 0) return new Map();
      const { rows } = await db.query(`${SELECT} WHERE l.tenant_id = $1 AND l.id = ANY($2::text[])`, [
        tenantId,
        ids,
      ]);
      return new Map(rows.map((r) => [r.id as string, toRecord(r)]));
    },

    /** For GET /audit/verify: the tenant's drawdowns with these ids, in the shape their event records. */
    async drawdownsByIds(tenantId: string, ids: string[]): Promise<Map<string, StoredDrawdown>> {
      if (ids.length === 0) return new Map();
      const { rows } = await db.query(
        `SELECT * FROM licence_drawdowns WHERE tenant_id = $1 AND id = ANY($2::text[])`,
        [tenantId, ids],
      );
      return new Map(
        rows.map((r) => [
          r.id as string,
          {
            licenceId: r.licence_id as string,
            shippedOn: r.shipped_on as string,
            quantity: r.quantity === null ? null : Number(r.quantity),
            value: r.value === null ? null : Number(r.value),
            currency: (r.currency as string | null) ?? null,
            reference: (r.reference as string | null) ?? null,
            createdBy: (r.created_by as string | null) ?? null,
            createdAt: r.created_at as string,
          },
        ]),
      );
    },

    /** Drawdowns no licence.drawn_down event vouches for. */
    async unvouchedDrawdowns(tenantId: string, limit: number): Promise<string[]> {
      const { rows } = await db.query(
        `SELECT d.id FROM licence_drawdowns d
         WHERE d.tenant_id = $1 AND NOT EXISTS (SELECT 1 FROM audit_events e WHERE e.tenant_id = $1
           AND e.type = 'licence.drawn_down' AND e.payload->>'drawdownId' = d.id)
         ORDER BY 1 LIMIT $2`,
        [tenantId, limit],
      );
      return rows.map((r) => r.id as string);
    },

    /** Licences no licence.created event vouches for, and revoked ones no licence.revoked event does. */
    async unvouched(tenantId: string, limit: number): Promise<{ id: string; what: 'created' | 'revoked' }[]> {
      const { rows } = await db.query(
        `SELECT l.id, 'created' AS what FROM licences l
         WHERE l.tenant_id = $1 AND NOT EXISTS (SELECT 1 FROM audit_events e WHERE e.tenant_id = $1
           AND e.type = 'licence.created' AND e.payload->>'licenceId' = l.id)
         UNION ALL
         SELECT l.id, 'revoked' FROM licences l
         WHERE l.tenant_id = $1 AND l.revoked_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM audit_events e
           WHERE e.tenant_id = $1 AND e.type = 'licence.revoked' AND e.payload->>'licenceId' = l.id)
         ORDER BY 1 LIMIT $2`,
        [tenantId, limit],
      );
      return rows.map((r) => ({ id: r.id as string, what: r.what as 'created' | 'revoked' }));
    },
  };
}
