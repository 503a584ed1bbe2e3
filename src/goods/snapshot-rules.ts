import type { ListSnapshot } from '../lists/active/list-snapshot.ts';
import type { ControlRule } from './control-rule.ts';

const cache = new WeakMap<ListSnapshot, ControlRule[]>();

/**
 * The control rules of a snapshot as one array, made once per snapshot: the goods engine caches its prefix
 * index per array, so every request of the same snapshot reuses it.
 */
export function snapshotRules(snapshot: ListSnapshot): ControlRule[] {
  let rules = cache.get(snapshot);
  if (!rules) {
    rules = [...snapshot.controlItems.values()].flat() as ControlRule[];
    cache.set(snapshot, rules);
  }
  return rules;
}
