import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
export const CONSOLE_DIST = join(here, 'dist');
const require = createRequire(import.meta.url);
const UPLOT_VERSION = (require('uplot/package.json') as { version: string }).version;

/**
 * Bundles the officer console into console/dist: one script, one stylesheet, one page. Every byte the browser
 * loads comes from here (no CDN), so the console works on an air-gapped compliance network and under
 * `script-src 'self'`. Built beside `outdir` and swapped in, so that one browser test building while another
 * one's server reads the console never sees a half-written directory.
 */
export async function buildConsole(outdir = CONSOLE_DIST): Promise<void> {
  const staging = `${outdir}.staging-${process.pid}-${randomBytes(4).toString('hex')}`;
  await mkdir(staging, { recursive: true });
  try {
    await writeBuild(staging);
    const old = `${staging}.old`;
    await rename(outdir, old).catch(ignoreMissing);
    // Another build swapped its own in between the two renames: the same sources, so keep it.
    await rename(staging, outdir).catch(ignoreLanded);
    await rm(old, { recursive: true, force: true });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

const ignoreMissing = (e: NodeJS.ErrnoException) => {
  if (e.code !== 'ENOENT') throw e;
};
const ignoreLanded = (e: NodeJS.ErrnoException) => {
  if (e.code !== 'ENOTEMPTY' && e.code !== 'EEXIST') throw e;
};

async function writeBuild(dir: string): Promise<void> {
  await build({
    entryPoints: [join(here, 'src/main.tsx')],
    outfile: join(dir, 'app.js'),
    bundle: true,
    format: 'esm',
    target: 'es2020',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    minify: true,
    sourcemap: true,
    legalComments: 'linked',
    // uPlot's notice is a plain comment that minifying drops; its MIT licence asks for it to travel along.
    banner: { js: `/* Includes uPlot ${UPLOT_VERSION}, (c) Leon Sorokin, MIT: see uPlot.LICENSE.txt */` },
    logLevel: 'warning',
  });
  await copyFile(require.resolve('uplot/LICENSE'), join(dir, 'uPlot.LICENSE.txt'));
  await copyFile(join(here, 'src/index.html'), join(dir, 'index.html'));
  // uPlot's stylesheet (legend, cursor, axes layout) goes into our one stylesheet, first so that ours can
  // override it: the dashboard's charts then need no second <link> and nothing from a CDN.
  const uplotCss = await readFile(require.resolve('uplot/dist/uPlot.min.css'), 'utf8');
  const ownCss = await readFile(join(here, 'src/styles.css'), 'utf8');
  await writeFile(join(dir, 'styles.css'), `/* uPlot ${UPLOT_VERSION}, MIT */\n${uplotCss}\n${ownCss}`);
  // An icon link of our own: without one the browser asks for /favicon.ico and logs a 404 on every page.
  await copyFile(join(here, 'src/favicon.svg'), join(dir, 'favicon.svg'));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildConsole();
  console.log(`console built into ${CONSOLE_DIST}`);
}
