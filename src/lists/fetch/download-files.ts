import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { SourceFile } from '../../entity/list-entity.ts';
import { redactUrl } from './redact-url.ts';

export interface DownloadLimits {
  maxBytes: number;
  timeoutMs: number;
}

export interface Validators {
  etag: string | null;
  lastModified: string | null;
}

export type DownloadResult =
  | { status: 'not_modified' }
  | { status: 'downloaded'; dir: string; validators: Validators };

export class DownloadError extends Error {}

/**
 * Fetches a source's files into `dir` (I/O only). The first file carries the conditional GET: when the
 * authority answers 304 for it, nothing else is fetched. Every file is bounded in size and time; a file over
 * the limit is aborted mid-stream, never read whole into memory.
 */
export async function downloadFiles(
  files: SourceFile[],
  dir: string,
  previous: Validators | undefined,
  limits: DownloadLimits,
): Promise<DownloadResult> {
  await mkdir(dir, { recursive: true });
  let validators: Validators = { etag: null, lastModified: null };
  try {
    for (const [i, file] of files.entries()) {
      const headers: Record<string, string> = { 'User-Agent': 'tradescreen list refresh' };
      if (i === 0 && previous?.etag) headers['If-None-Match'] = previous.etag;
      if (i === 0 && previous?.lastModified) headers['If-Modified-Since'] = previous.lastModified;
      const signal = AbortSignal.timeout(limits.timeoutMs);
      let res: Response;
      try {
        res = await fetch(file.url, { headers, signal, redirect: 'follow' });
      } catch (err) {
        // fetch's own messages quote the URL, and the URL may carry a token
        const why = describeFetchError(err, limits).replaceAll(file.url, redactUrl(file.url));
        throw new DownloadError(`${file.fileName}: ${why}`);
      }
      if (i === 0 && res.status === 304) {
        await rm(dir, { recursive: true, force: true });
        return { status: 'not_modified' };
      }
      if (!res.ok || !res.body) {
        if (file.optional && res.status === 404) continue;
        throw new DownloadError(`${file.fileName}: HTTP ${res.status} from ${redactUrl(file.url)}`);
      }
      const declared = Number(res.headers.get('content-length') ?? 0);
      if (declared > limits.maxBytes) {
        throw new DownloadError(
          `${file.fileName}: ${declared} bytes is over the ${limits.maxBytes}-byte limit`,
        );
      }
      if (i === 0)
        validators = { etag: res.headers.get('etag'), lastModified: res.headers.get('last-modified') };
      try {
        await pipeline(
          Readable.fromWeb(res.body as never),
          byteLimit(limits.maxBytes, file.fileName),
          createWriteStream(join(dir, file.fileName)),
          { signal },
        );
      } catch (err) {
        throw err instanceof DownloadError
          ? err
          : new DownloadError(`${file.fileName}: ${describeFetchError(err, limits)}`);
      }
    }
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
  return { status: 'downloaded', dir, validators };
}

function byteLimit(max: number, name: string): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, cb) {
      seen += chunk.length;
      if (seen > max) cb(new DownloadError(`${name}: over the ${max}-byte limit; download aborted`));
      else cb(null, chunk);
    },
  });
}

function describeFetchError(err: unknown, limits: DownloadLimits): string {
  const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return `timed out after ${limits.timeoutMs} ms`;
  return e?.cause?.code ?? e?.cause?.message ?? e?.message ?? String(err);
}
