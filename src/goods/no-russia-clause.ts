import clause from './data/no-russia-clause.json' with { type: 'json' };

/**
 * Reg. (EU) 833/2014 Art. 12g, the "no re-export to Russia" clause: its dates and scope are data
 * (data/no-russia-clause.json, sources in data/PROVENANCE.md). It binds EU operators only.
 */
export interface NoRussiaClause {
  act: string;
  provision: string;
  citation: string;
  sourceUrl: string;
  /** Mandatory from this day (three months after Reg. 2023/2878 entered into force). */
  inForce: string;
  /** Contracts concluded before this day were exempt … */
  contractsConcludedBefore: string;
  /** … until this day (inclusive). */
  exemptUntil: string;
  scope: string;
  /** List ids whose goods the clause covers. */
  lists: readonly string[];
}

export const NO_RUSSIA_CLAUSE: NoRussiaClause = clause;

export type ClauseStatus = { due: true; why: string } | { due: false; why: string };

/** Whether the clause is due on `date` for a contract concluded on `contractDate` (unknown: no exemption). */
export function clauseDue(
  date: string,
  contractDate: string | undefined,
  c = NO_RUSSIA_CLAUSE,
): ClauseStatus {
  if (date < c.inForce) return { due: false, why: `${c.citation} is mandatory only from ${c.inForce}` };
  if (contractDate !== undefined && contractDate < c.contractsConcludedBefore && date <= c.exemptUntil) {
    return {
      due: false,
      why: `the contract was concluded on ${contractDate}, before ${c.contractsConcludedBefore}, so ${c.citation} applies to it only after ${c.exemptUntil}`,
    };
  }
  return { due: true, why: `${c.citation}, mandatory from ${c.inForce}` };
}
