import type { Queryable } from '../db/pool.ts';

export function createTenantStore(db: Queryable) {
  return {
    async insert(id: string, name: string): Promise<boolean> {
      const { rowCount } = await db.query(
        'INSERT INTO tenants (id, name) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING',
        [id, name],
      );
      return rowCount === 1;
    },
  };
}
