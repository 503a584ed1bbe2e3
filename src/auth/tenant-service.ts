import type { Pool } from '../db/pool.ts';
import { ApiError } from '../http/api-error.ts';
import type { Person } from '../principal/person.ts';
import { TENANT_SCOPES } from '../principal/scopes.ts';
import type { KeyService } from './key-service.ts';
import { createTenantStore } from './tenant-store.ts';

/**
 * Tenants are created by the operator (scripts/create-tenant.ts), not through the public API: a tenant is a
 * contract with a customer, and its first key — every tenant scope, never the operator scope — is handed over
 * out of band.
 */
export function createTenantService(pool: Pool, keys: KeyService) {
  const store = createTenantStore(pool);
  return {
    /** `person`: who holds the first key, so the tenant's first reviews are signed by a name (README). */
    async create(id: string, name: string, person?: Person) {
      if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(id))
        throw ApiError.badRequest('tenant id: lower-case letters, digits, -');
      if (!(await store.insert(id, name))) throw ApiError.conflict(`tenant ${id} exists`);
      const key = await keys.create(null, id, {
        name: 'First admin key',
        scopes: [...TENANT_SCOPES],
        person,
      });
      return { tenantId: id, key };
    },
  };
}
