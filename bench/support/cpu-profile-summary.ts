import { readFile } from 'node:fs/promises';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

/**
 * Self time by function from a V8 .cpuprofile (node --cpu-prof), and the share of samples under a few
 * subsystems (by file), so "where does the time go" is answered in a table rather than a flame graph.
 */
export async function summariseProfile(path: string, top = 25) {
  const profile = JSON.parse(await readFile(path, 'utf8')) as { nodes: ProfileNode[] };
  const total = profile.nodes.reduce((n, x) => n + (x.hitCount ?? 0), 0) || 1;
  const byFn = new Map<string, number>();
  const byFile = new Map<string, number>();
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0;
    if (!hits) continue;
    const file = node.callFrame.url.replace(/^file:\/\//, '').replace(/^.*\/(node_modules|src)\//, '$1/');
    const key = `${node.callFrame.functionName || '(anonymous)'} ${file || '(native)'}:${node.callFrame.lineNumber + 1}`;
    byFn.set(key, (byFn.get(key) ?? 0) + hits);
    const bucket = file.startsWith('src/')
      ? file.split('/').slice(0, 2).join('/')
      : file.startsWith('node_modules/')
        ? file.split('/').slice(0, 2).join('/')
        : file
          ? 'node internals'
          : node.callFrame.functionName || '(native)';
    byFile.set(bucket, (byFile.get(bucket) ?? 0) + hits);
  }
  const pct = (h: number) => `${((100 * h) / total).toFixed(1)}%`;
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]);
  return {
    functions: sorted(byFn)
      .slice(0, top)
      .map(([k, h]) => `| ${pct(h)} | \`${k}\` |`),
    areas: sorted(byFile)
      .slice(0, 15)
      .map(([k, h]) => `| ${pct(h)} | \`${k}\` |`),
  };
}
