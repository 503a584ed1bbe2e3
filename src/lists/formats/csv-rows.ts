import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';

/**
 * Streams CSV rows as string arrays. Column counts are NOT enforced here because the UK files open with a
 * one- or two-cell preamble line before the header; callers check each row against their header's width,
 * which is how a file cut mid-row shows up. An unterminated quoted cell still throws inside csv-parse.
 */
export async function* csvRows(
  chunks: AsyncIterable<Uint8Array | string>,
  label: string,
  options: { delimiter?: string; relaxQuotes?: boolean } = {},
): AsyncGenerator<string[]> {
  const parser = parse({
    bom: true,
    delimiter: options.delimiter ?? ',',
    relax_column_count: true,
    relax_quotes: options.relaxQuotes ?? false,
    skip_empty_lines: true,
  });
  const feeding = pipeline(Readable.from(chunks), parser).catch((err: Error) => {
    parser.destroy(err);
  });
  try {
    for await (const row of parser as AsyncIterable<string[]>) yield row;
  } catch (err) {
    throw new Error(`${label}: malformed CSV: ${(err as Error).message}`);
  } finally {
    parser.destroy();
    await feeding;
  }
}

/** Throws when a data row's width differs from the header's: a truncated or hand-edited file. */
export function checkWidth(row: string[], width: number, rowNumber: number, label: string): void {
  if (row.length !== width) {
    throw new Error(
      `${label}: row ${rowNumber} has ${row.length} cells, the header has ${width} (truncated file?)`,
    );
  }
}
