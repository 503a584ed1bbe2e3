import { SaxesParser } from 'saxes';

/** A small in-memory copy of one XML element; only the records asked for are built, one at a time. */
export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon >= 0 ? name.slice(colon + 1) : name;
}

/**
 * Streams an XML document and yields each element named in `wanted` (outside any other wanted element) as a
 * subtree, so memory stays at one record however long the file. Malformed or cut-off XML throws, because
 * saxes reports unclosed elements when the input ends.
 */
export async function* xmlSubtrees(
  chunks: AsyncIterable<string>,
  wanted: ReadonlySet<string>,
  file: string,
): AsyncGenerator<XmlNode> {
  const parser = new SaxesParser({ position: true });
  const ready: XmlNode[] = [];
  const stack: XmlNode[] = [];
  let sawRoot = false;
  parser.on('error', (error) => {
    throw new Error(`${file}: malformed XML: ${error.message}`);
  });
  parser.on('opentag', (tag) => {
    sawRoot = true;
    const name = localName(tag.name);
    if (stack.length === 0 && !wanted.has(name)) return;
    const attrs: Record<string, string> = {};
    for (const [key, value] of Object.entries(tag.attributes)) attrs[localName(key)] = String(value);
    const node: XmlNode = { name, attrs, children: [], text: '' };
    stack.at(-1)?.children.push(node);
    stack.push(node);
  });
  const onText = (text: string) => {
    const top = stack.at(-1);
    if (top) top.text += text;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', () => {
    const node = stack.pop();
    if (node && stack.length === 0) ready.push(node);
  });
  for await (const chunk of chunks) {
    parser.write(chunk);
    yield* ready.splice(0);
  }
  parser.close();
  yield* ready.splice(0);
  if (!sawRoot) throw new Error(`${file}: empty XML document`);
}

export function child(node: XmlNode, name: string): XmlNode | undefined {
  return node.children.find((c) => c.name === name);
}

export function childrenOf(node: XmlNode | undefined, name: string): XmlNode[] {
  return node ? node.children.filter((c) => c.name === name) : [];
}

/** Trimmed text of a child element, undefined when absent or blank. */
export function textOf(node: XmlNode | undefined, name: string): string | undefined {
  const c = node ? child(node, name) : undefined;
  const t = c?.text.trim();
  return t ? t : undefined;
}
