import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

/** One FollowTheMoney entity as OpenSanctions exports it: one JSON object per line. */
export interface FtmEntity {
  id: string;
  schema: string;
  caption?: string;
  /** Every property is a list of strings; references hold the other entity's id. */
  properties: Record<string, string[]>;
  datasets?: string[];
  target?: boolean;
  first_seen?: string;
  last_seen?: string;
  last_change?: string;
}

function isStringList(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((s) => typeof s === 'string');
}

function validate(value: unknown): FtmEntity | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a JSON object';
  const o = value as Record<string, unknown>;
  if (typeof o.id !== 'string' || !o.id) return 'missing "id"';
  if (typeof o.schema !== 'string' || !o.schema) return 'missing "schema"';
  const props = o.properties ?? {};
  if (typeof props !== 'object' || props === null || Array.isArray(props))
    return '"properties" is not an object';
  for (const [k, v] of Object.entries(props))
    if (!isStringList(v)) return `property "${k}" is not a list of strings`;
  return o as unknown as FtmEntity;
}

/**
 * Streams the entities of one file. A file cut short ends in half a JSON object, which JSON.parse rejects, so
 * truncation surfaces as an Error naming the file and line like any other malformed line.
 */
export async function* parseFtmLines(file: string): AsyncGenerator<FtmEntity> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let lineNo = 0;
  for await (const line of lines) {
    lineNo++;
    if (!line.trim()) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch (err) {
      throw new Error(`${file}:${lineNo}: malformed or truncated FtM JSON line (${(err as Error).message})`);
    }
    const entity = validate(parsed);
    if (typeof entity === 'string')
      throw new Error(`${file}:${lineNo}: not a FollowTheMoney entity: ${entity}`);
    entity.properties ??= {};
    yield entity;
  }
}

export function prop(entity: Pick<FtmEntity, 'properties'>, name: string): string[] {
  return entity.properties[name] ?? [];
}
