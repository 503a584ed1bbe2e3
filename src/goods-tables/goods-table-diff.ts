import { rowIdentity, type TenantGoodsRow } from '../goods/index.ts';

export interface GoodsTableDiff {
  /** The version compared with; null for a table's first version. */
  against: number | null;
  added: TenantGoodsRow[];
  removed: TenantGoodsRow[];
  changed: { before: TenantGoodsRow; after: TenantGoodsRow; fields: string[] }[];
}

/** The columns a changed row is compared on, by their CSV names (the line number moves with every edit). */
const COMPARED: readonly [keyof TenantGoodsRow, string][] = [
  ['measure', 'measure'],
  ['jurisdiction', 'jurisdiction'],
  ['legalBasis', 'legal_basis'],
  ['source', 'source'],
  ['validTo', 'valid_to'],
  ['note', 'note'],
];

/**
 * Pure: what an upload changes, rows matched by identity (code, code system, destination, valid_from; see
 * rowIdentity). A row whose only change is its line in the file is unchanged.
 */
export function diffGoodsTable(
  before: readonly TenantGoodsRow[],
  after: readonly TenantGoodsRow[],
  against: number | null,
): GoodsTableDiff {
  const old = new Map(before.map((row) => [rowIdentity(row), row]));
  const diff: GoodsTableDiff = { against, added: [], removed: [], changed: [] };
  for (const row of after) {
    const was = old.get(rowIdentity(row));
    old.delete(rowIdentity(row));
    if (!was) {
      diff.added.push(row);
      continue;
    }
    const fields = COMPARED.filter(([key]) => (was[key] ?? null) !== (row[key] ?? null)).map(
      ([, name]) => name,
    );
    if (fields.length > 0) diff.changed.push({ before: was, after: row, fields });
  }
  diff.removed.push(...old.values());
  return diff;
}
