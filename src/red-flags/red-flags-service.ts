import { partyNameKey } from '../audit/party-name-key.ts';
import type { Queryable } from '../db/pool.ts';
import type { ControlRule } from '../goods/index.ts';
import type { EntityTable } from '../parties/index.ts';
import { redFlagFindings } from './evaluate.ts';
import {
  carriesRedFlagFacts,
  type Finding,
  type PartyHistory,
  type RedFlagSettings,
  type ScreenRequest,
} from './facts.ts';
import { diversionRiskOf, priorityItems } from './goods-knowledge.ts';
import { createHistoryStore } from './history-store.ts';
import { listedAddresses } from './listed-addresses.ts';

/** Parties whose history is looked up: a request names at most a few companies it sends registry facts for. */
const MAX_HISTORY_PARTIES = 10;

export interface RedFlagsInput {
  tenantId: string;
  req: ScreenRequest;
  date: string;
  /** The snapshot's control rules (CHPL and diversion-risk among them). */
  rules: readonly ControlRule[];
  /** The snapshot's party-list entries, whose addresses the listed-address rule reads. */
  entities: EntityTable | undefined;
  settings: RedFlagSettings | undefined;
}

/** Screening's one call into the red flags: gathers the facts (goods data, history, list addresses), then the pure rules. */
export interface RedFlags {
  findings(input: RedFlagsInput): Promise<Finding[]>;
}

export function createRedFlags(db: Queryable): RedFlags {
  const history = createHistoryStore(db);
  return {
    async findings({ tenantId, req, date, rules, entities, settings }) {
      if (!carriesRedFlagFacts(req)) return [];
      const priority = priorityItems(req, date, rules);
      const seen = new Map<number, PartyHistory>();
      // Only the rule about high-priority goods reads the history: without such goods there is nothing to ask.
      if (priority.length > 0 && settings?.['new-goods-for-party']?.enabled !== false) {
        const companies = req.parties
          .map((p, i) => ({ i, key: p.company ? partyNameKey(p.name) : '' }))
          .filter((p) => p.key !== '')
          .slice(0, MAX_HISTORY_PARTIES);
        for (const { i, key } of companies) {
          const h = await history.byNameKey(tenantId, key);
          if (h) seen.set(i, h);
        }
      }
      return redFlagFindings(
        {
          req,
          date,
          priority,
          diversionRisk: diversionRiskOf(rules, date),
          history: seen,
          // The first lookup of a snapshot reads every entry's addresses once: not for a tenant that switched it off.
          listedAddresses:
            settings?.['listed-address']?.enabled === false
              ? new Map()
              : await listedAddresses(req.parties, entities),
        },
        settings ?? {},
      );
    },
  };
}
