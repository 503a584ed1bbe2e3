import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const FIXTURE = resolve(import.meta.dirname, '../../fixtures/us-ofac-sdn/csv');
const SIDE_FILES = ['add.csv', 'alt.csv', 'sdn_comments.csv'];
/** OFAC ends its CSV files with an MS-DOS end-of-file byte. */
const SUB = String.fromCharCode(0x1a);

/** An invented SDN row in the legacy 12-column layout ("-0-" is OFAC's null). */
export function sdnRow(entNum: number, name: string, program = 'RUSSIA-EO14024', remarks = '-0- '): string {
  const quotedRemarks = remarks === '-0- ' ? remarks : `"${remarks}"`;
  return `${entNum},"${name}",-0- ,"${program}",${'-0- ,'.repeat(7)}${quotedRemarks}`;
}

/** Twenty filler entities, so that a drop of one or two stays inside the 10% guardrail and half is well over it. */
export const FILLER = Array.from({ length: 20 }, (_, i) =>
  sdnRow(
    91001 + i,
    `ZELTRAVOK HOLDING ${String.fromCharCode(65 + i)}${String.fromCharCode(75 + (i % 10))} LLC`,
  ),
);

/**
 * A private copy of the OFAC CSV fixture set that a test may rewrite between refreshes. The fixture's nameless
 * row 90004 is left out: one skipped record in four would (rightly) trip the skipped-records guardrail.
 */
export async function sdnFixtureDir(): Promise<{
  dir: string;
  baseRows: string[];
  writeRows(rows: string[]): Promise<void>;
  writeRaw(text: string): Promise<void>;
}> {
  const dir = await mkdtemp(join(tmpdir(), 'tradescreen-sdn-'));
  for (const f of SIDE_FILES) await copyFile(join(FIXTURE, f), join(dir, f));
  const original = (await readFile(join(FIXTURE, 'sdn.csv'), 'latin1')).replaceAll(SUB, '');
  const baseRows = original.split('\r\n').filter((r) => r.trim() !== '' && !r.startsWith('90004,'));
  const writeRaw = (text: string) => writeFile(join(dir, 'sdn.csv'), text, 'latin1');
  // CRLF and the trailing SUB byte, as OFAC publishes it.
  const writeRows = (rows: string[]) => writeRaw(`${rows.join('\r\n')}\r\n${SUB}`);
  await writeRows([...baseRows, ...FILLER]);
  return { dir, baseRows, writeRows, writeRaw };
}
