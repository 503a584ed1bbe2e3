import type { ControlRule } from './control-rule.ts';

/** The part of a list snapshot goods reads; typed here so goods needs nothing from lists. */
export interface ControlItems {
  controlItems: ReadonlyMap<string, readonly ControlRule[]>;
}

const cache = new WeakMap<ControlItems, ControlRule[]>();

/**
 * The control rules of a snapshot as one array, made once per snapshot: the goods engine caches its prefix
 * index per array, so every request of the same snapshot reuses it.
 */
export function snapshotRules(snapshot: ControlItems): ControlRule[] {
  let rules = cache.get(snapshot);
  if (!rules) {
    rules = [...snapshot.controlItems.values()].flat();
    cache.set(snapshot, rules);
  }
  return rules;
}
