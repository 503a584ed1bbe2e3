import { open } from 'node:fs/promises';
import { parseCslCsv } from './parse-csv.ts';
import { parseCslJson } from './parse-json.ts';
import type { CslRecord } from './record.ts';

export type { CslRecord } from './record.ts';

/** CSV or JSON by content (after gunzip if needed): mirrors rename the files and add `.gz`. */
export async function sniffCslFormat(file: string): Promise<'csv' | 'json'> {
  const handle = await open(file, 'r');
  try {
    const buf = Buffer.alloc(16);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    const head = buf.subarray(0, bytesRead);
    if (head[0] === 0x1f && head[1] === 0x8b) return /\.json(\.gz)?$/i.test(file) ? 'json' : 'csv';
    return head
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trimStart()
      .startsWith('{')
      ? 'json'
      : 'csv';
  } finally {
    await handle.close();
  }
}

export async function* parseCslFile(file: string): AsyncGenerator<CslRecord> {
  yield* (await sniffCslFormat(file)) === 'json' ? parseCslJson(file) : parseCslCsv(file);
}
