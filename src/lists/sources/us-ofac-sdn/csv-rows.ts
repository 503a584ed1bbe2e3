import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { parse } from 'csv-parse';

/** One row of a legacy OFAC CSV with `-0-` already turned into null. */
export interface CsvRow {
  line: number;
  cells: (string | null)[];
}

// The legacy files are DOS-era: "-0- " (with a trailing blank) means "no value", and the file ends with a
// SUB (0x1A) byte on a line of its own, which csv-parse reads as a one-field record.
const NULL_CELL = /^-0-\s*$/;
const EOF_MARKER = '\x1a';

/**
 * Streams the headerless rows of one legacy OFAC CSV. A wrong field count means a broken or cut-off file, and
 * an unterminated quote is reported by csv-parse; both throw, naming the file and line.
 */
export async function* csvRows(path: string, columns: number): AsyncGenerator<CsvRow> {
  const file = basename(path);
  const parser = createReadStream(path).pipe(
    parse({ relax_column_count: true, skip_empty_lines: true, info: true }),
  );
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      if (record.length === 1 && record[0]?.trim() === EOF_MARKER) continue;
      if (record.length !== columns) {
        throw new Error(
          `${file}: line ${info.lines} has ${record.length} fields, expected ${columns} (malformed or truncated file)`,
        );
      }
      const cells = record.map((cell) => (NULL_CELL.test(cell) ? null : cell.trim()));
      yield { line: info.lines, cells };
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (message.startsWith(`${file}:`)) throw error;
    throw new Error(`${file}: malformed CSV: ${message}`, { cause: error });
  } finally {
    parser.destroy();
  }
}
