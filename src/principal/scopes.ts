import type { Person } from './person.ts';

/**
 * What a tenant's keys may hold: everything a customer does with its own data, its own watchlists and its export
 * licences (`licences:admin`, apart because a licence lowers goods findings; migration 0032).
 */
export const TENANT_SCOPES = [
  'screen',
  'audit:read',
  'review',
  'lists:admin',
  'keys:admin',
  'licences:admin',
] as const;

/**
 * The operator plane: refreshing, approving and activating the SHARED list sources, which every tenant screens
 * against, and reading the operator audit chain. Held only by the bootstrap key (TRADESCREEN_ADMIN_KEY) and
 * keys made by `npm run operator:key`; POST /keys never grants it, and the database refuses it outside the
 * operator's house tenant (migration 0030).
 */
export const OPERATOR_SCOPE = 'operator';

export const SCOPES = [...TENANT_SCOPES, OPERATOR_SCOPE] as const;
export type Scope = (typeof SCOPES)[number];

/** The tenant the bootstrap key and operator keys live in (migration 0030 holds operator keys to it). */
export const OPERATOR_HOUSE_TENANT = 'default';

/** Who is calling: resolved from the API key once per request. */
export interface Principal {
  keyId: string;
  tenantId: string;
  scopes: Scope[];
  rateLimitPerSecond: number | null;
  /** Absent for keys without a person (and for principals built in tests or the operator CLI). */
  person?: Person | null;
}
