import type { ControlRule } from './control-rule.ts';

/** The part of a list snapshot goods reads; typed here so goods needs nothing from lists. */
export interface ControlItems {
  controlItems: ReadonlyMap<string, readonly ControlRule[]>;
}

const cache = new WeakMap<ControlItems['controlItems'], ControlRule[]>();

/**
 * The control rules of a snapshot as one array, made once per set of control items: the goods engine caches
 * its prefix index per array, so every request reuses it, and so does the next snapshot when an activation
 * changed party lists only (it carries the same control items over).
 */
export function snapshotRules(snapshot: ControlItems): ControlRule[] {
  let rules = cache.get(snapshot.controlItems);
  if (!rules) {
    rules = [...snapshot.controlItems.values()].flat();
    cache.set(snapshot.controlItems, rules);
  }
  return rules;
}
