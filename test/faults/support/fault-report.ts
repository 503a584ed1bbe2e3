import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { count, type Tally } from './load.ts';

/** The figures one fault scenario measured; printed always, and saved for BENCHMARKS.md by `npm run bench`. */
export interface FaultFigures {
  scenario: string;
  requests: number;
  ok200: number;
  auditRowsFound: number;
  status503: number;
  status5xxOther: number;
  networkErrors: number;
  notes: string;
}

export function reportFaults(f: FaultFigures, diagnostic: (m: string) => void): void {
  diagnostic(JSON.stringify(f));
  const dir = process.env.FAULTS_REPORT_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, `${f.scenario.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.json`),
    JSON.stringify(f),
  );
}

/** The figures every scenario reports, from what the load saw and which of its 200s the audit log lacks. */
export function figuresOf(scenario: string, tally: Tally, notAudited: string[], notes: string): FaultFigures {
  return {
    scenario,
    requests: tally.sent,
    ok200: tally.okIds.length,
    auditRowsFound: tally.okIds.length - notAudited.length,
    status503: count(tally, (s) => s === 503),
    status5xxOther: count(tally, (s) => s >= 500 && s !== 503),
    networkErrors: tally.networkErrors,
    notes,
  };
}
