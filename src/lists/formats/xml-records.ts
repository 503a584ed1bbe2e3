import { SaxesParser } from 'saxes';

/** One element of a record subtree; `text` is the element's own character data, untrimmed. */
export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  text: string;
  children: XmlNode[];
}

export interface XmlRecordHandlers {
  /** True for elements whose whole subtree is one record; `path` holds the names of its ancestors. */
  isRecord(name: string, path: readonly string[]): boolean;
  /** Elements outside records as they open (the root and its attributes), with their ancestors' names. */
  onOpen?(name: string, attrs: Record<string, string>, path: readonly string[]): void;
  /** Elements outside records as they close, with their own text (a `<DateGenerated>` header…). */
  onOutside?(name: string, attrs: Record<string, string>, text: string): void;
}

/**
 * Streams an XML document and yields one small tree per record element, so memory holds one record and one
 * input chunk whatever the file size. saxes reports malformed XML as it goes and `close()` rejects a document
 * cut short (unclosed root), which is how a truncated download shows up.
 */
export async function* xmlRecords(
  chunks: AsyncIterable<Uint8Array | string>,
  handlers: XmlRecordHandlers,
  label: string,
): AsyncGenerator<XmlNode> {
  const parser = new SaxesParser();
  const done: XmlNode[] = [];
  const path: string[] = [];
  const stack: XmlNode[] = [];
  const outside: { name: string; attrs: Record<string, string>; text: string }[] = [];
  parser.on('error', (err) => {
    throw new Error(`${label}: malformed XML: ${err.message}`);
  });
  parser.on('opentag', (tag) => {
    const attrs = tag.attributes as Record<string, string>;
    if (stack.length > 0 || handlers.isRecord(tag.name, path)) {
      const node: XmlNode = { name: tag.name, attrs, text: '', children: [] };
      stack.at(-1)?.children.push(node);
      stack.push(node);
    } else {
      handlers.onOpen?.(tag.name, attrs, path);
      outside.push({ name: tag.name, attrs, text: '' });
    }
    path.push(tag.name);
  });
  const onText = (text: string) => {
    const top = stack.at(-1) ?? outside.at(-1);
    if (top) top.text += text;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', () => {
    path.pop();
    const node = stack.pop();
    if (node) {
      if (stack.length === 0) done.push(node);
      return;
    }
    const el = outside.pop();
    if (el) handlers.onOutside?.(el.name, el.attrs, el.text);
  });

  const decoder = new TextDecoder('utf-8', { fatal: false });
  for await (const chunk of chunks) {
    parser.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
    while (done.length > 0) yield done.shift()!;
  }
  parser.write(decoder.decode());
  try {
    parser.close();
  } catch (err) {
    throw new Error(`${label}: truncated or malformed XML (${(err as Error).message})`);
  }
  while (done.length > 0) yield done.shift()!;
}

export function childrenOf(node: XmlNode, name: string): XmlNode[] {
  return node.children.filter((c) => c.name === name);
}

/** Trimmed text of the first element reached by following `names` down from `node`; '' when absent. */
export function textAt(node: XmlNode, ...names: string[]): string {
  let current: XmlNode | undefined = node;
  for (const name of names) current = current?.children.find((c) => c.name === name);
  return current?.text.trim() ?? '';
}

/** Trimmed, non-empty texts of every element matching the `names` path below `node`. */
export function textsAt(node: XmlNode, ...names: string[]): string[] {
  let level: XmlNode[] = [node];
  for (const name of names) level = level.flatMap((n) => childrenOf(n, name));
  return level.map((n) => n.text.trim()).filter((t) => t !== '');
}
