// The API contract's screening nouns (openapi.yaml schemas), shared downward by screening, audit, reviews,
// monitoring, licences and screen jobs: none of them needs the screening module to name a finding.

import type { components } from '../generated/api.ts';

export type ScreenRequest = components['schemas']['ScreenRequest'];
export type Party = components['schemas']['Party'];
export type Finding = components['schemas']['Finding'];
export type ScreeningResult = components['schemas']['ScreeningResult'];
export type ListVersionRef = components['schemas']['ListVersionRef'];
export type Decision = components['schemas']['Decision'];
export type Severity = components['schemas']['Severity'];

export const ROLE_LABEL: Record<string, string> = {
  exporter: 'Exporter',
  consignee: 'Consignee',
  end_user: 'End user',
  intermediary: 'Intermediary',
  freight_forwarder: 'Freight forwarder',
  bank: 'Bank',
  buyer: 'Buyer',
  seller: 'Seller',
  customer: 'Customer',
  other: 'Party',
};
