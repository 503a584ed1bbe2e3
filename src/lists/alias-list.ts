import type { EntityName } from '../entity/list-entity.ts';
import { detectScript } from './script.ts';

/**
 * Adds a name to an entity's aliases unless it is blank, the primary name, or already there (ignoring case and
 * spacing: lists repeat a name once per address or per regime). A name seen both weak and strong stays strong,
 * since one authority vouching for it is enough for matching to weigh it fully.
 */
export function addAlias(
  aliases: EntityName[],
  primary: string,
  value: string,
  quality: EntityName['quality'],
): void {
  const name = value.replace(/\s+/g, ' ').trim();
  if (!name) return;
  const key = name.toLowerCase();
  if (key === primary.replace(/\s+/g, ' ').trim().toLowerCase()) return;
  const existing = aliases.find((a) => a.value.toLowerCase() === key);
  if (existing) {
    if (quality === 'strong') existing.quality = 'strong';
    return;
  }
  aliases.push({ value: name, quality, script: detectScript(name) });
}

/** Appends when absent; lists repeat countries and identifiers across rows of one entry. */
export function addUnique<T>(
  list: T[],
  value: T | undefined,
  same: (a: T, b: T) => boolean = (a, b) => a === b,
): void {
  if (value === undefined || value === '') return;
  if (!list.some((v) => same(v, value))) list.push(value);
}
