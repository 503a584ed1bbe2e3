/**
 * A digit trie: looking up a code walks one node per digit, so the cost is the code's length however many
 * rules are loaded, and every value stored on a prefix of the code is met on the way down.
 */
interface TrieNode<T> {
  children: Map<string, TrieNode<T>>;
  values: T[];
}

function node<T>(): TrieNode<T> {
  return { children: new Map(), values: [] };
}

export class PrefixTrie<T> {
  private readonly root: TrieNode<T> = node();

  insert(key: string, value: T): void {
    let at = this.root;
    for (const ch of key) {
      let next = at.children.get(ch);
      if (!next) {
        next = node();
        at.children.set(ch, next);
      }
      at = next;
    }
    at.values.push(value);
  }

  /** Values stored on every prefix of `key` (the key itself included), shortest prefix first. */
  prefixesOf(key: string): { depth: number; value: T }[] {
    const found: { depth: number; value: T }[] = [];
    let at: TrieNode<T> | undefined = this.root;
    for (let depth = 0; at; depth++) {
      for (const value of at.values) found.push({ depth, value });
      const ch = key[depth];
      at = ch === undefined ? undefined : at.children.get(ch);
    }
    return found;
  }
}
