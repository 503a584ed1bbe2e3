export const SCOPES = ['screen', 'audit:read', 'review', 'lists:admin', 'keys:admin'] as const;
export type Scope = (typeof SCOPES)[number];

/** Who is calling: resolved from the API key once per request. */
export interface Principal {
  keyId: string;
  tenantId: string;
  scopes: Scope[];
  rateLimitPerSecond: number | null;
}
