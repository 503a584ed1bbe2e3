// npm run check:layers — fails when an import runs up the layers or top-level src modules import each other in a
// cycle (issue #21). No dependency: import specifiers are read with regular expressions, which is enough for
// our own code (relative specifiers only; packages are not modules of ours). Type-only imports count: an erased
// type is still a dependency of the design, and the list entity was one.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Modules low in the stack: they may import only each other, the leaves and config/logger — never lists,
 * screening, audit, auth or any other domain module above them. The shared nouns they need live in leaves.
 */
export const LOWER: readonly string[] = ['parties', 'goods', 'db', 'http'];
const LOWER_MAY_IMPORT: readonly string[] = ['config', 'logger'];

/**
 * Leaf modules hold shared nouns and pure logic: they import no other module of ours (generated types aside),
 * so every module can import them downward.
 */
export const LEAVES: readonly string[] = ['entity', 'principal', 'severity', 'contract', 'generated'];

/** The composition root wires everything; only the entry points may import it, or layers invert. */
export const ROOTS: readonly string[] = ['app', 'container', 'main'];
const ROOT_IMPORTERS: readonly string[] = ['main', 'app'];

/**
 * Cycles between top-level modules we know of and have not untangled yet, each as its modules sorted and
 * joined with ' > '. Every entry says why it stays; the check fails when one disappears so the list shrinks.
 * Empty since issue #21 part B broke the last one (lists ↔ screening, by moving tenant watchlists out of lists).
 */
export const ALLOWED_CYCLES: Record<string, string> = {};

export interface LayerProblem {
  kind: 'upward' | 'leaf' | 'root' | 'cycle' | 'stale-allowance';
  message: string;
}

const SPECIFIER = [
  /\bfrom\s*['"]([^'"]+)['"]/g,
  /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  /^\s*import\s*['"]([^'"]+)['"]/gm,
];

/** Relative import specifiers of one source text. */
export function importSpecifiers(source: string): string[] {
  const found: string[] = [];
  for (const pattern of SPECIFIER) {
    for (const match of source.matchAll(pattern)) {
      const spec = match[1];
      if (spec?.startsWith('.')) found.push(spec);
    }
  }
  return found;
}

/** `parties/evidence.ts` → `parties`; `container.ts` → `container`. Paths are relative to src, with '/'. */
export function moduleOf(path: string): string {
  const slash = path.indexOf('/');
  return slash === -1 ? path.replace(/\.tsx?$/, '') : path.slice(0, slash);
}

/** The top-level module graph: module → imported module → every file import that makes the edge. */
export function moduleGraph(files: ReadonlyMap<string, string>): Map<string, Map<string, string[]>> {
  const graph = new Map<string, Map<string, string[]>>();
  for (const [path, source] of files) {
    const from = moduleOf(path);
    const edges = graph.get(from) ?? new Map<string, string[]>();
    graph.set(from, edges);
    for (const spec of importSpecifiers(source)) {
      const target = normalize(join(dirname(path), spec))
        .split(sep)
        .join('/');
      if (target.startsWith('..')) continue; // outside src (e.g. package.json)
      const to = moduleOf(target);
      if (to === from) continue;
      const sites = edges.get(to) ?? [];
      edges.set(to, sites);
      sites.push(`${path} → ${target}`);
    }
  }
  return graph;
}

/** Strongly connected components with more than one module (Tarjan), each sorted. */
export function cycles(graph: ReadonlyMap<string, ReadonlyMap<string, unknown>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let next = 0;
  const visit = (node: string): void => {
    index.set(node, next);
    low.set(node, next);
    next++;
    stack.push(node);
    onStack.add(node);
    for (const to of graph.get(node)?.keys() ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (onStack.has(to)) {
        low.set(node, Math.min(low.get(node)!, index.get(to)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return found.sort((a, b) => a.join().localeCompare(b.join()));
}

/** Every layering problem in a tree of src files (path relative to src → source text). */
export function checkLayers(
  files: ReadonlyMap<string, string>,
  allowedCycles: Record<string, string> = ALLOWED_CYCLES,
): LayerProblem[] {
  const graph = moduleGraph(files);
  const problems: LayerProblem[] = [];
  for (const [from, edges] of graph) {
    for (const [to, sites] of edges) {
      const lowerBreach =
        LOWER.includes(from) && !LOWER.includes(to) && !LEAVES.includes(to) && !LOWER_MAY_IMPORT.includes(to);
      const leafBreach = LEAVES.includes(from) && to !== 'generated';
      const rootBreach = ROOTS.includes(to) && !ROOT_IMPORTERS.includes(from);
      for (const where of sites) {
        if (lowerBreach)
          problems.push({ kind: 'upward', message: `${from} must not import ${to}: ${where}` });
        if (leafBreach) {
          problems.push({ kind: 'leaf', message: `leaf module ${from} must not import ${to}: ${where}` });
        }
        if (rootBreach) {
          problems.push({
            kind: 'root',
            message: `only ${ROOT_IMPORTERS.join('/')} may import ${to}: ${where}`,
          });
        }
      }
    }
  }
  const seen = new Set<string>();
  for (const component of cycles(graph)) {
    const key = component.join(' > ');
    seen.add(key);
    if (allowedCycles[key] !== undefined) continue;
    const steps = component
      .flatMap((from) => component.map((to) => graph.get(from)?.get(to)?.[0]))
      .filter((where): where is string => where !== undefined);
    problems.push({ kind: 'cycle', message: `import cycle between ${key}:\n    ${steps.join('\n    ')}` });
  }
  for (const key of Object.keys(allowedCycles)) {
    if (!seen.has(key)) {
      problems.push({
        kind: 'stale-allowance',
        message: `allowed cycle ${key} is gone: remove it from the list`,
      });
    }
  }
  return problems;
}

/** Reads src/**\/*.ts into the map checkLayers takes. */
export function readTree(srcDir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(srcDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.tsx?$/.test(entry.name)) continue;
    const full = join(entry.parentPath, entry.name);
    files.set(relative(srcDir, full).split(sep).join('/'), readFileSync(full, 'utf8'));
  }
  return files;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const srcDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'src');
  const problems = checkLayers(readTree(srcDir));
  for (const problem of problems) console.error(`${problem.kind}: ${problem.message}`);
  if (problems.length > 0) {
    console.error(`check:layers failed: ${problems.length} problem(s)`);
    process.exit(1);
  }
  console.log('check:layers: no upward imports, no cycles between src modules');
}
