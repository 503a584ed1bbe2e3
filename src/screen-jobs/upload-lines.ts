import { ApiError } from '../http/api-error.ts';

/** A single row longer than this is an error row, not a reason to buffer an unbounded line in memory. */
export const MAX_LINE_BYTES = 1024 * 1024;

export type UploadLine = { text: string } | { tooLong: number };

export const tooLarge = (detail: string) => new ApiError(413, 'Payload Too Large', detail);

/**
 * Splits a byte stream into lines (LF or CRLF) while it arrives, counting bytes against the upload limit:
 * memory stays at one line whatever the file size. Throws 413 as soon as the limit is passed.
 */
export async function* uploadLines(
  chunks: AsyncIterable<Buffer>,
  maxBytes: number,
): AsyncGenerator<UploadLine> {
  const decoder = new TextDecoder('utf-8');
  let seen = 0;
  let parts: Buffer[] = [];
  let partBytes = 0;
  let overflow = 0;
  const flush = (): UploadLine => {
    if (overflow > 0) {
      const line = { tooLong: overflow + partBytes };
      overflow = 0;
      parts = [];
      partBytes = 0;
      return line;
    }
    const text = decoder.decode(Buffer.concat(parts, partBytes)).replace(/\r$/, '');
    parts = [];
    partBytes = 0;
    return { text };
  };
  for await (const chunk of chunks) {
    seen += chunk.length;
    if (seen > maxBytes) throw tooLarge(`The upload exceeds ${maxBytes} bytes`);
    let start = 0;
    for (let nl = chunk.indexOf(10, start); nl !== -1; nl = chunk.indexOf(10, start)) {
      append(chunk.subarray(start, nl));
      yield flush();
      start = nl + 1;
    }
    append(chunk.subarray(start));
  }
  if (partBytes > 0 || overflow > 0) yield flush();

  function append(piece: Buffer) {
    if (piece.length === 0) return;
    if (overflow > 0 || partBytes + piece.length > MAX_LINE_BYTES) {
      overflow += partBytes + piece.length;
      parts = [];
      partBytes = 0;
      return;
    }
    parts.push(piece);
    partBytes += piece.length;
  }
}
