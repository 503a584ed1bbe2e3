import type { ControlRule } from './control-rule.ts';
import type { PartialTable } from './coverage-gaps.ts';

export interface AnnexCoverage {
  list: string;
  title: string;
  legalBasis: string;
  loaded: boolean;
  /** Rules loaded for this list (0 when not loaded). */
  rules: number;
  note: string;
  /** Prohibition tables: destinations they bite on, whose law they are and from when; HS chapters they reach. */
  prohibits?: {
    jurisdiction: string;
    destinations: string[];
    chapters: string[];
    inForce: string;
    sourceUrl: string;
  };
}

export interface GoodsCoverage {
  /** Always `partial`: the engine only knows the tables below, and says which ones it lacks. */
  level: 'partial';
  annexes: AnnexCoverage[];
  summary: string;
}

const EU_833 = 'https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:02014R0833';
const EU_765 = 'https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:02006R0765';
const EAR_746 = 'https://www.ecfr.gov/current/title-15/subtitle-B/chapter-VII/subchapter-C/part-746';

/**
 * Goods tables the product knows exist. The shipped ones are loaded from `data/`; the others have no
 * machine-readable official source yet (see data/PROVENANCE.md), and an officer adds them as annex tables
 * under these list ids once they hold the official table.
 */
const KNOWN: readonly Omit<AnnexCoverage, 'loaded' | 'rules'>[] = [
  {
    list: 'chpl',
    title: 'Common High Priority Items List (EU/US/UK/JP), 50 HS6 codes',
    legalBasis: 'Reg. (EU) 833/2014 Annex XL',
    note: 'February 2024 version; HS6 only, no CN/HTS refinements',
  },
  {
    list: 'dual-use',
    title: 'Dual-use control numbers (EU Annex I, US CCL, EAR99)',
    legalBasis: 'Reg. (EU) 2021/821 Annex I; 15 CFR Part 774',
    note: 'matches declared control numbers by pattern only; the item texts and technical parameters are not loaded',
  },
  {
    list: 'embargoes',
    title: 'Embargoed countries and occupied regions of Ukraine',
    legalBasis:
      'Reg. 833/2014, 765/2006, 267/2012, 2017/1509, 36/2012, 692/2014, 2022/263; EAR Part 746; ITSR; CACR',
    note: 'whole countries or ISO 3166-2 regions; region codes are coarser than the occupied areas',
  },
  {
    list: 'diversion-risk',
    title: 'Diversion-risk countries for Russia-bound goods',
    legalBasis: 'FinCEN/BIS Joint Alert FIN-2022-Alert003; Reg. 833/2014 Annex IV',
    note: 'risk guidance, not law; configurable',
  },
  {
    list: 'eu-833-annex-xxiii',
    title: 'EU 833/2014 Annex XXIII (goods that could enhance Russian industrial capacities)',
    legalBasis: 'Reg. (EU) 833/2014 Art. 3k',
    note: 'no machine-readable official table obtained',
    prohibits: {
      jurisdiction: 'EU',
      destinations: ['RU'],
      chapters: [],
      inForce: '2022-02-24',
      sourceUrl: EU_833,
    },
  },
  {
    list: 'eu-833-annex-vii',
    title: 'EU 833/2014 Annex VII (advanced technology goods)',
    legalBasis: 'Reg. (EU) 833/2014 Art. 2a',
    note: 'no machine-readable official table obtained',
    prohibits: {
      jurisdiction: 'EU',
      destinations: ['RU'],
      chapters: [],
      inForce: '2022-02-26',
      sourceUrl: EU_833,
    },
  },
  {
    list: 'us-746-supp-4',
    title: 'US Supplement No. 4 to Part 746 (HS-coded items needing a licence for Russia/Belarus)',
    legalBasis: '15 CFR §746.8(a)(2)',
    note: 'no machine-readable official table obtained',
    prohibits: {
      jurisdiction: 'US',
      destinations: ['RU', 'BY'],
      chapters: [],
      inForce: '2022-02-24',
      sourceUrl: EAR_746,
    },
  },
  {
    list: 'eu-765-2006-annexes',
    title: 'EU 765/2006 Belarus annexes (Art. 1e, 1f, 1ba… mirror of the Russia annexes)',
    legalBasis: 'Reg. (EC) 765/2006 as amended by Reg. (EU) 2022/355 and later',
    note: 'no machine-readable official table obtained',
    prohibits: {
      jurisdiction: 'EU',
      destinations: ['BY'],
      chapters: [],
      inForce: '2022-03-02',
      sourceUrl: EU_765,
    },
  },
  {
    list: 'eu-2021-821-correlation',
    title: 'EU 2021/821 Annex I correlation table (CN codes to dual-use numbers)',
    legalBasis: 'Reg. (EU) 2021/821 Annex I',
    note: 'without it a tariff code alone cannot reveal a dual-use item',
  },
];

/** Which goods tables are loaded, and which known ones are not: partial coverage, stated honestly. */
export function coverage(rules: readonly ControlRule[]): GoodsCoverage {
  const counts = new Map<string, number>();
  for (const rule of rules) counts.set(rule.list, (counts.get(rule.list) ?? 0) + 1);
  const annexes: AnnexCoverage[] = KNOWN.map((known) => {
    const n = counts.get(known.list) ?? 0;
    return { ...known, loaded: n > 0, rules: n };
  });
  for (const [list, n] of counts) {
    if (!KNOWN.some((known) => known.list === list)) {
      annexes.push({
        list,
        title: list,
        legalBasis: 'see each rule',
        loaded: true,
        rules: n,
        note: 'officer-loaded table',
      });
    }
  }
  const missing = annexes.filter((annex) => !annex.loaded).map((annex) => annex.title);
  const summary = missing.length
    ? `Partial coverage: not loaded: ${missing.join('; ')}. Goods absent from the loaded tables are not cleared by this screen.`
    : 'Partial coverage: all known tables are loaded, but national refinements and technical parameters are not evaluated.';
  return { level: 'partial', annexes, summary };
}

/**
 * Prohibition tables that are not loaded: none of their goods can be cleared in the chapters they reach
 * (empty: all goods), so the goods screen turns each into a `list_coverage` review (see coverage-gaps.ts).
 */
export function partialTables(report: GoodsCoverage): PartialTable[] {
  return report.annexes.flatMap((annex) =>
    annex.prohibits && !annex.loaded
      ? [{ list: annex.list, title: annex.title, legalBasis: annex.legalBasis, ...annex.prohibits }]
      : [],
  );
}
