/**
 * Yields the objects of the top-level `results` array of a `{"results":[{…},{…}]}` document one at a time, so
 * memory holds one result (plus one input chunk) however large the list grows. A small scanner tracks strings,
 * escapes and nesting depth; each result's text is handed to JSON.parse, which rejects a malformed one. A
 * document that ends inside a string or before its closing brace is reported as truncated.
 */
export async function* jsonResults(
  chunks: AsyncIterable<Uint8Array>,
  label: string,
): AsyncGenerator<unknown> {
  const decoder = new TextDecoder();
  let depth = 0;
  let inString = false;
  let escaped = false;
  let key = '';
  let keyBuffer: string | undefined;
  let inResults = false;
  let resultsSeen = false;
  let current: string[] = [];
  let start = -1;

  for await (const chunk of chunks) {
    const text = decoder.decode(chunk, { stream: true });
    if (start >= 0) start = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (inString) {
        if (escaped) escaped = false;
        else if (ch === '\\') escaped = true;
        else if (ch === '"') {
          inString = false;
          if (keyBuffer !== undefined) key = keyBuffer;
          keyBuffer = undefined;
        } else if (keyBuffer !== undefined) keyBuffer += ch;
        continue;
      }
      if (ch === '"') {
        inString = true;
        // Only strings directly in the root object can be the "results" key.
        keyBuffer = depth === 1 && !inResults ? '' : undefined;
      } else if (ch === '{' || ch === '[') {
        if (depth === 0 && ch !== '{') throw new Error(`${label}: not a JSON object`);
        if (depth === 1 && ch === '[' && key === 'results') {
          inResults = true;
          resultsSeen = true;
        } else if (inResults && depth === 2) {
          if (ch !== '{') throw new Error(`${label}: a "results" item is not an object`);
          start = i;
        }
        depth++;
      } else if (ch === '}' || ch === ']') {
        depth--;
        if (depth < 0) throw new Error(`${label}: unbalanced JSON`);
        if (inResults && depth === 2 && start >= 0) {
          current.push(text.slice(start, i + 1));
          start = -1;
          yield parseResult(current.join(''), label);
          current = [];
        } else if (inResults && depth === 1) inResults = false;
      }
    }
    if (start >= 0) current.push(text.slice(start));
  }
  if (inString || depth !== 0) throw new Error(`${label}: truncated JSON (ends inside the document)`);
  if (!resultsSeen) throw new Error(`${label}: no "results" array`);
}

function parseResult(text: string, label: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new Error(`${label}: malformed result: ${(err as Error).message}`);
  }
}
