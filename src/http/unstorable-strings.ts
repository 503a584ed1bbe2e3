import type { FieldError } from './api-error.ts';

// PostgreSQL text and jsonb cannot hold U+0000, and jsonb rejects an unpaired UTF-16 surrogate: such a string
// would fail at INSERT time (a 500, after the screening was computed). JSON itself allows both, so they are
// refused here, at the edge, with a pointer to the field.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching U+0000 is the point
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const MAX_REPORTED = 20;

interface Node {
  value: unknown;
  parent: Node | undefined;
  token: string;
}

function pointerOf(node: Node): string {
  const tokens: string[] = [];
  for (let n: Node | undefined = node; n?.parent; n = n.parent) {
    tokens.push(n.token.replaceAll('~', '~0').replaceAll('/', '~1'));
  }
  return tokens.length === 0 ? '/' : `/${tokens.reverse().join('/')}`;
}

/**
 * Every string (and object key) in a parsed request part that PostgreSQL could not store. Iterative with
 * parent links, so a body nested a million levels deep neither overflows the stack nor builds long pointers.
 */
export function unstorableStrings(value: unknown, where: FieldError['in']): FieldError[] {
  const out: FieldError[] = [];
  const stack: Node[] = [{ value, parent: undefined, token: '' }];
  while (stack.length > 0 && out.length < MAX_REPORTED) {
    const node = stack.pop()!;
    const v = node.value;
    if (typeof v === 'string') {
      if (UNSTORABLE.test(v)) {
        out.push({
          in: where,
          pointer: pointerOf(node),
          message: 'must not contain NUL characters or unpaired surrogates',
        });
      }
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], parent: node, token: String(i) });
    } else if (v && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) {
        const childNode = { value: child, parent: node, token: k };
        if (UNSTORABLE.test(k)) {
          out.push({ in: where, pointer: pointerOf(childNode), message: 'the field name is not storable' });
        }
        stack.push(childNode);
      }
    }
  }
  return out;
}
