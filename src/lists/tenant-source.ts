/** Versions of a tenant's watchlist are stored under this source id, beside the public lists. */
export const watchlistSourceId = (watchlistId: string): string => `custom:${watchlistId}`;

/**
 * A tenant's own list: it must never enter the shared in-memory index, where every tenant's screening would
 * see it. Screening of the owning tenant searches it through its own per-tenant index instead.
 */
export const isTenantSource = (sourceId: string): boolean => sourceId.startsWith('custom:');
