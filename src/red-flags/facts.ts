import type { components } from '../generated/api.ts';
import type { RuleId } from './rule-table.ts';

export type ScreenRequest = components['schemas']['ScreenRequest'];
export type Party = components['schemas']['Party'];
export type Finding = components['schemas']['Finding'];
export type RedFlagSetting = components['schemas']['RedFlagSetting'];
export type RedFlagSettings = Partial<Record<string, RedFlagSetting>>;
export type FactValue = string | number | boolean;

/** A goods line on the Common High Priority List, as the goods data says on the transaction date. */
export interface PriorityItem {
  goodsIndex: number;
  /** The code as sent (`8542.31`). */
  code: string;
  /** Its digits (`854231`). */
  digits: string;
  tier: string;
  citation: string;
}

/** The tenant's own earlier screenings naming a party (src/red-flags/history-store.ts). */
export interface PartyHistory {
  screenings: number;
  firstSeen: string;
  /** HS chapters (2 digits) of the goods of those screenings. */
  chapters: string[];
}

/** A list entry whose printed address is the address a party gave. */
export interface ListedAddress {
  source: string;
  entryId: string;
  name: string;
  address: string;
}

/** Everything the rules read, worked out before they run so that they do no I/O. */
export interface RedFlagCase {
  req: ScreenRequest;
  /** The transaction date, YYYY-MM-DD. */
  date: string;
  priority: PriorityItem[];
  /** Rule ids of the goods data's diversion-risk rows for a country in force on the date; empty if none. */
  diversionRisk: (country: string) => string[];
  /** By party index; parties with no earlier screening are absent. */
  history: ReadonlyMap<number, PartyHistory>;
  /** By party index: the consignee's or end user's address found on a list. */
  listedAddresses: ReadonlyMap<number, ListedAddress>;
}

/** What one rule found: the party or goods line it concerns, the facts it used, and one sentence. */
export interface RuleHit {
  rule: RuleId;
  partyIndex?: number;
  goodsIndex?: number;
  facts: Record<string, FactValue>;
  detail: string;
}

/** Red flags are looked for only when the request sends the facts they are about: nothing is inferred. */
export function carriesRedFlagFacts(req: ScreenRequest): boolean {
  return req.transaction !== undefined || req.parties.some((p) => p.company !== undefined);
}
