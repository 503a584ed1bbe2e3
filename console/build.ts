import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
export const CONSOLE_DIST = join(here, 'dist');
const UPLOT_VERSION = (createRequire(import.meta.url)('uplot/package.json') as { version: string }).version;

/**
 * Bundles the officer console into console/dist: one script, one stylesheet, one page. Every byte the browser
 * loads comes from here (no CDN), so the console works on an air-gapped compliance network and under
 * `script-src 'self'`.
 */
export async function buildConsole(outdir = CONSOLE_DIST): Promise<void> {
  await rm(outdir, { recursive: true, force: true });
  await mkdir(outdir, { recursive: true });
  await build({
    entryPoints: [join(here, 'src/main.tsx')],
    outfile: join(outdir, 'app.js'),
    bundle: true,
    format: 'esm',
    target: 'es2020',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    minify: true,
    sourcemap: true,
    legalComments: 'linked',
    logLevel: 'warning',
  });
  await copyFile(join(here, 'src/index.html'), join(outdir, 'index.html'));
  // uPlot's stylesheet (legend, cursor, axes layout) goes into our one stylesheet, first so that ours can
  // override it: the dashboard's charts then need no second <link> and nothing from a CDN.
  const uplotCss = await readFile(createRequire(import.meta.url).resolve('uplot/dist/uPlot.min.css'), 'utf8');
  const ownCss = await readFile(join(here, 'src/styles.css'), 'utf8');
  await writeFile(join(outdir, 'styles.css'), `/* uPlot ${UPLOT_VERSION}, MIT */\n${uplotCss}\n${ownCss}`);
  // An icon link of our own: without one the browser asks for /favicon.ico and logs a 404 on every page.
  await copyFile(join(here, 'src/favicon.svg'), join(outdir, 'favicon.svg'));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildConsole();
  console.log(`console built into ${CONSOLE_DIST}`);
}
