import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

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
