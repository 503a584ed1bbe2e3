import { OPERATOR_SCOPE, type Scope } from '../principal/scopes.ts';

export interface Grant {
  scopes: readonly Scope[];
  /** null: no limit of its own (the deployment's RATE_LIMIT_PER_SECOND applies). */
  rateLimitPerSecond: number | null;
}

/**
 * Why `actor` may not grant `wanted`, or null when it may. A key is the ceiling of every key it makes: otherwise
 * a key holding only `keys:admin` mints itself every scope, and a throttled integration mints an unthrottled one.
 * `operator` is refused to everyone here: it is the operator plane, never a tenant's to hand out.
 */
export function grantRefusal(actor: Grant, wanted: Grant): string | null {
  if (wanted.scopes.includes(OPERATOR_SCOPE)) {
    return `The "${OPERATOR_SCOPE}" scope is never granted through the API (operator keys come from TRADESCREEN_ADMIN_KEY or npm run operator:key)`;
  }
  const lacking = wanted.scopes.filter((s) => !actor.scopes.includes(s));
  if (lacking.length > 0) {
    return `This API key cannot grant scopes it does not hold: it lacks ${lacking.map((s) => `"${s}"`).join(', ')}`;
  }
  if (actor.rateLimitPerSecond !== null) {
    if (wanted.rateLimitPerSecond === null) {
      return `This API key is limited to ${actor.rateLimitPerSecond} requests per second: a key it creates needs rateLimitPerSecond of at most that`;
    }
    if (wanted.rateLimitPerSecond > actor.rateLimitPerSecond) {
      return `This API key is limited to ${actor.rateLimitPerSecond} requests per second and cannot grant ${wanted.rateLimitPerSecond}`;
    }
  }
  return null;
}
