import type { Queryable } from '../db/pool.ts';
import type { LicenceRecord, StoredDrawdown } from './licence.ts';

const optional = <T>(v: unknown, map: (x: unknown) => T): T | undefined =>
  v === null || v === undefined ? undefined : map(v);

// numeric comes back from pg as a string (it may not fit a double); limits are entered as JSON numbers.
export const toRecord = (r: Record<string, unknown>): LicenceRecord => {
  const l: LicenceRecord = {
    id: r.id as string,
    tenantId: r.tenant_id as string,
    number: r.number as string,
    authority: r.authority as string,
    regime: r.regime as LicenceRecord['regime'],
    goods: r.goods as LicenceRecord['goods'],
    destination: r.destination as string,
    validFrom: r.valid_from as string,
    validTo: r.valid_to as string,
    createdAt: r.created_at as string,
    createdBy: (r.created_by as string | null) ?? null,
    revokedAt: (r.revoked_at as string | null) ?? null,
    revokedBy: (r.revoked_by as string | null) ?? null,
    revocationReason: (r.revocation_reason as string | null) ?? null,
    quantityUsed: Number(r.quantity_used ?? 0),
    valueUsed: Number(r.value_used ?? 0),
  };
  const extra = {
    consignee: optional(r.consignee, String),
    endUser: optional(r.end_user, String),
    quantityLimit: optional(r.quantity_limit, Number),
    valueLimit: optional(r.value_limit, Number),
    currency: optional(r.currency, String),
    note: optional(r.note, String),
  };
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) Object.assign(l, { [k]: v });
  return l;
};

// Each licence with the sums of its drawdowns.
export const SELECT = `SELECT l.*, d.quantity_used, d.value_used FROM licences l
  LEFT JOIN LATERAL (SELECT sum(quantity) AS quantity_used, sum(value) AS value_used FROM licence_drawdowns d
                     WHERE d.tenant_id = l.tenant_id AND d.licence_id = l.id) d ON true`;

/** Every read is scoped by tenant: another tenant's licence is indistinguishable from none. */
export function createLicenceStore(db: Queryable) {
  return {
    /** False when the tenant already holds this authority's licence number. */
    async insert(l: LicenceRecord): Promise<boolean> {
      const { rowCount } = await db.query(
        `INSERT INTO licences (id, tenant_id, number, authority, regime, goods, destination, consignee, end_user,
           quantity_limit, value_limit, currency, valid_from, valid_to, note, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
         ON CONFLICT (tenant_id, authority, number) DO NOTHING`,
        [
          l.id,
          l.tenantId,
          l.number,
          l.authority,
          l.regime,
          JSON.stringify(l.goods),
          l.destination,
          l.consignee ?? null,
          l.endUser ?? null,
          l.quantityLimit ?? null,
          l.valueLimit ?? null,
          l.currency ?? null,
          l.validFrom,
          l.validTo,
          l.note ?? null,
          l.createdBy,
          l.createdAt,
        ],
      );
      return rowCount === 1;
    },

    async get(tenantId: string, id: string): Promise<LicenceRecord | undefined> {
      const { rows } = await db.query(`${SELECT} WHERE l.tenant_id = $1 AND l.id = $2`, [tenantId, id]);
      return rows[0] ? toRecord(rows[0]) : undefined;
    },

    /** Newest first (ids are time-ordered), `limit` rows with ids below `before`. */
    async page(tenantId: string, before: string | null, limit: number): Promise<LicenceRecord[]> {
      const { rows } = await db.query(
        `${SELECT} WHERE l.tenant_id = $1 AND ($2::text IS NULL OR l.id < $2) ORDER BY l.id DESC LIMIT $3`,
        [tenantId, before, limit],
      );
      return rows.map(toRecord);
    },

    /** Every licence of the tenant, revoked and expired ones too, so a finding can say why one did not apply. */
    async forScreening(tenantId: string): Promise<LicenceRecord[]> {
      const { rows } = await db.query(`${SELECT} WHERE l.tenant_id = $1 ORDER BY l.id DESC`, [tenantId]);
      return rows.map(toRecord);
    },

    /** Locks the licence for this transaction: drawdowns against it are serialised (a row lock fires no trigger). */
    async lock(tenantId: string, id: string): Promise<LicenceRecord | undefined> {
      await db.query(`SELECT 1 FROM licences WHERE tenant_id = $1 AND id = $2 FOR UPDATE`, [tenantId, id]);
      return this.get(tenantId, id);
    },

    async insertDrawdown(
      d: StoredDrawdown & { id: string; tenantId: string; createdBy: string },
    ): Promise<void> {
      await db.query(
        `INSERT INTO licence_drawdowns (id, tenant_id, licence_id, shipped_on, quantity, value, currency, reference,
           created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          d.id,
          d.tenantId,
          d.licenceId,
          d.shippedOn,
          d.quantity,
          d.value,
          d.currency,
          d.reference,
          d.createdBy,
          d.createdAt,
        ],
      );
    },

    /** The revocation, once: undefined when there is no such active licence of the tenant. */
    async revoke(
      tenantId: string,
      id: string,
      by: string,
      at: string,
      reason: string,
    ): Promise<LicenceRecord | undefined> {
      const { rows } = await db.query(
        `UPDATE licences SET revoked_at = $3, revoked_by = $4, revocation_reason = $5
         WHERE tenant_id = $1 AND id = $2 AND revoked_at IS NULL RETURNING id`,
        [tenantId, id, at, by, reason],
      );
      return rows[0] ? this.get(tenantId, id) : undefined;
    },
  };
}
