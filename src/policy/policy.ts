import type { components } from '../generated/api.ts';

type Settings = components['schemas']['PolicySettings'];
/** Every setting is stored, except the red-flag map: absent, every rule keeps its defaults (src/red-flags/). */
export type PolicySettings = Required<Omit<Settings, 'redFlags'>> & Pick<Settings, 'redFlags'>;
export type Policy = PolicySettings & { version: number; createdAt?: string };

/**
 * The default a new tenant starts from. Every finding kind may block; a source that was never loaded makes the
 * answer at least `review` — never a silent `clear`. Thresholds are the matching engine's calibrated bands
 * (src/parties/CALIBRATION.md). No list may be excluded by a request: that is a compliance decision an admin
 * records in the policy (audited), not one any `screen` key makes per request.
 */
export const DEFAULT_POLICY: PolicySettings = {
  reviewThreshold: 0.8,
  blockThreshold: 0.95,
  blockingKinds: ['party_match', 'goods_control', 'destination', 'route'],
  missingListsDecision: 'review',
  excludableLists: [],
  fourEyes: false,
  retentionYears: 10,
  // A screening held for review stops a shipment or a payment: a working day is the usual service level.
  reviewSlaHours: 24,
  // None declared: the exporter's country decides, and with no exporter country every regime applies (fail safe).
  jurisdictions: [],
};
