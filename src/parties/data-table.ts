import { readFileSync } from 'node:fs';

/**
 * Reads one of the language tables in ./data (CSV with a header row, no quoting: a field never holds a comma).
 * Called once per table at module load, so the engine's hot path never touches the file system; the service
 * imports these modules before it serves (warm-up.ts), and the index process loads its own copy.
 */
export function readTable(file: string): Record<string, string>[] {
  const text = readFileSync(new URL(`./data/${file}`, import.meta.url), 'utf8');
  const lines = text.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));
  const header = (lines.shift() ?? '').split(',');
  return lines.map((line) => {
    const cells = line.split(',');
    const row: Record<string, string> = {};
    header.forEach((h, i) => {
      row[h] = (cells[i] ?? '').trim();
    });
    return row;
  });
}
