import type { components } from '../generated/api.ts';

export type Licence = components['schemas']['Licence'];
export type LicenceRegime = Licence['regime'];
/** Spelt out: openapi-typescript renders the schema's `anyOf` (code or control number required) as unknown. */
export interface LicenceGoods {
  controlNumber?: string;
  code?: string;
  description?: string;
}
/** The body of POST /licences, as validated against LicenceRequest in openapi.yaml. */
export type LicenceRequest = Omit<
  Licence,
  | 'id'
  | 'status'
  | 'createdAt'
  | 'createdBy'
  | 'revokedAt'
  | 'revokedBy'
  | 'revocationReason'
  | 'goods'
  | 'quantityUsed'
  | 'valueUsed'
> & { goods: LicenceGoods[] };

/** A stored licence as the store reads it: the request's facts plus who recorded and who revoked it. */
export interface LicenceRecord extends LicenceRequest {
  id: string;
  tenantId: string;
  createdAt: string;
  createdBy: string | null;
  revokedAt: string | null;
  revokedBy: string | null;
  revocationReason: string | null;
  /** Sums of the drawdowns recorded against it (migration 0033). */
  quantityUsed: number;
  valueUsed: number;
}

/** One shipment recorded against a licence, as stored (migration 0033) and vouched for by its audit event. */
export interface StoredDrawdown {
  licenceId: string;
  shippedOn: string;
  quantity: number | null;
  value: number | null;
  currency: string | null;
  reference: string | null;
  createdBy: string | null;
  createdAt: string;
}

export interface DrawdownRequest {
  shippedOn: string;
  quantity?: number;
  value?: number;
  currency?: string;
  reference?: string;
}

/** Status on `date` (YYYY-MM-DD; ISO dates compare as strings). A revocation ends a licence for good. */
export function licenceStatus(l: LicenceRecord, date: string): Licence['status'] {
  if (l.revokedAt !== null) return 'revoked';
  if (date < l.validFrom) return 'not_yet_valid';
  if (date > l.validTo) return 'expired';
  return 'valid';
}

/** The API's view of a stored licence, its status as of `today`. */
export function toLicence(l: LicenceRecord, today: string): Licence {
  const { tenantId: _tenant, ...rest } = l;
  return { ...rest, status: licenceStatus(l, today) };
}

/**
 * What a licence authorises, as its licence.created event records it: the same function makes the event and
 * GET /audit/verify's comparison, so the two cannot drift apart.
 */
export function licenceFacts(l: LicenceRecord): Record<string, unknown> {
  return {
    licenceId: l.id,
    number: l.number,
    authority: l.authority,
    regime: l.regime,
    goods: l.goods,
    destination: l.destination,
    consignee: l.consignee ?? null,
    endUser: l.endUser ?? null,
    quantityLimit: l.quantityLimit ?? null,
    valueLimit: l.valueLimit ?? null,
    currency: l.currency ?? null,
    validFrom: l.validFrom,
    validTo: l.validTo,
    note: l.note ?? null,
  };
}
