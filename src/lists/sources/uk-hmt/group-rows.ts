/**
 * Groups rows that share a key without holding the whole file. Both UK layouts have one row per name (and per
 * address), and the rows of one designation are NOT adjacent — the file is sorted by name, so an entity's
 * aliases are scattered (1,664 of 4,686 groups in the April 2025 ConList). A first pass counts rows per key (a
 * small id → count map); the second pass holds a group only until its last row arrives, then yields it. In the
 * real file at most ~700 groups (~4,500 rows) are open at once, against 18,796 rows in all. `rows` must give
 * the same sequence twice; a count that does not add up (the file changed between passes) throws.
 */
export async function* groupRows<R>(
  rows: () => AsyncIterable<R>,
  keyOf: (row: R) => string,
): AsyncGenerator<R[]> {
  const remaining = new Map<string, number>();
  for await (const row of rows()) {
    const key = keyOf(row);
    remaining.set(key, (remaining.get(key) ?? 0) + 1);
  }
  const open = new Map<string, R[]>();
  for await (const row of rows()) {
    const key = keyOf(row);
    const left = remaining.get(key);
    if (left === undefined)
      throw new Error(`group ${key} was not in the first pass: the file changed while read`);
    const group = open.get(key) ?? [];
    group.push(row);
    if (left > 1) {
      remaining.set(key, left - 1);
      open.set(key, group);
      continue;
    }
    remaining.delete(key);
    open.delete(key);
    yield group;
  }
  if (remaining.size > 0) throw new Error(`${remaining.size} groups incomplete: the file changed while read`);
}
