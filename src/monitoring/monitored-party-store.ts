import { createHash, randomBytes } from 'node:crypto';
import { canonicalJson } from '../audit/canonical-json.ts';
import type { Party } from '../contract/screening-types.ts';
import { type Fragment, runFragments } from '../db/fragments.ts';
import type { PoolClient, Queryable } from '../db/pool.ts';

/** One party, one set of alerts: a tenant's monitored parties are unique by this hash (see the index). */
export const partyHash = (p: Party) => createHash('sha256').update(canonicalJson(p)).digest('hex');
export const newMonitoredPartyId = () => `mp_${randomBytes(12).toString('hex')}`;

export interface MonitoredPartyRow {
  id: string;
  tenantId: string;
  party: Party;
  createdAt: string;
}

const toRow = (r: Record<string, unknown>): MonitoredPartyRow => ({
  id: r.id as string,
  tenantId: r.tenant_id as string,
  party: r.party as Party,
  createdAt: r.created_at as string,
});

export interface MonitoredPartyInput {
  id: string;
  tenantId: string;
  party: Party;
  partyHash: string;
  screeningId: string | null;
}

/** Registers parties for monitoring; a fragment so screenings can register theirs in their own statement. */
export function monitoredPartyFragments(rows: readonly MonitoredPartyInput[]): Fragment[] {
  if (rows.length === 0) return [];
  return [
    {
      name: 'monitored_parties_new',
      sql: `INSERT INTO monitored_parties (id, tenant_id, party, party_hash, screening_id)
            SELECT * FROM unnest($1::text[], $2::text[], $3::jsonb[], $4::text[], $5::uuid[])
            ON CONFLICT (tenant_id, party_hash) WHERE deleted_at IS NULL DO NOTHING`,
      params: [
        rows.map((r) => r.id),
        rows.map((r) => r.tenantId),
        rows.map((r) => JSON.stringify(r.party)),
        rows.map((r) => r.partyHash),
        rows.map((r) => r.screeningId),
      ],
    },
  ];
}

/** The parties of screenings made with `options.monitor`, registered in the statement that stores them. */
export function screenedPartyFragments(
  rows: readonly {
    id: string;
    tenantId: string;
    request: { parties: Party[]; options?: { monitor?: boolean } };
  }[],
): Fragment[] {
  return monitoredPartyFragments(
    rows.flatMap((r) =>
      r.request.options?.monitor
        ? r.request.parties.map((party) => ({
            id: newMonitoredPartyId(),
            tenantId: r.tenantId,
            party,
            partyHash: partyHash(party),
            screeningId: r.id,
          }))
        : [],
    ),
  );
}

export function createMonitoredPartyStore(db: Queryable) {
  return {
    /** Registering a party already monitored by the tenant is a no-op: one party, one set of alerts. */
    async insertMany(client: PoolClient, rows: readonly MonitoredPartyInput[]): Promise<void> {
      await runFragments(client, monitoredPartyFragments(rows));
    },

    async byHash(tenantId: string, partyHash: string): Promise<MonitoredPartyRow | undefined> {
      const { rows } = await db.query(
        `SELECT id, tenant_id, party, created_at FROM monitored_parties
         WHERE tenant_id = $1 AND party_hash = $2 AND deleted_at IS NULL`,
        [tenantId, partyHash],
      );
      return rows[0] ? toRow(rows[0]) : undefined;
    },

    async list(tenantId: string, limit = 1000): Promise<MonitoredPartyRow[]> {
      const { rows } = await db.query(
        `SELECT id, tenant_id, party, created_at FROM monitored_parties
         WHERE tenant_id = $1 AND deleted_at IS NULL ORDER BY created_at DESC, id DESC LIMIT $2`,
        [tenantId, limit],
      );
      return rows.map(toRow);
    },

    async remove(tenantId: string, id: string): Promise<boolean> {
      const { rowCount } = await db.query(
        `UPDATE monitored_parties SET deleted_at = now() WHERE tenant_id = $1 AND id = $2 AND deleted_at IS NULL`,
        [tenantId, id],
      );
      return rowCount === 1;
    },

    /** Every monitored party, or one tenant's (a tenant's own watchlist concerns that tenant only). */
    async inScope(tenantId: string | null): Promise<MonitoredPartyRow[]> {
      const { rows } = await db.query(
        `SELECT id, tenant_id, party, created_at FROM monitored_parties
         WHERE deleted_at IS NULL AND ($1::text IS NULL OR tenant_id = $1) ORDER BY tenant_id, id`,
        [tenantId],
      );
      return rows.map(toRow);
    },
  };
}
