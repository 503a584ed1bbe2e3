import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { Router } from 'express';
import { ApiError } from '../http/api-error.ts';

/** Where `npm run build` (also run by `npm ci` through `prepare`) writes the officer console. */
export const CONSOLE_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../console/dist');

/**
 * The compliance officer console at /console/: static files from the build, nothing from the network. The
 * page holds no data and no key; it calls the API with the officer's key like any other client.
 */
export function consoleRoutes(dir = CONSOLE_DIR): Router {
  const router = Router();
  router.get('/console', (req, res, next) => {
    if (req.originalUrl.split('?')[0] === '/console') return res.redirect(301, '/console/');
    next();
  });
  if (!existsSync(join(dir, 'index.html'))) {
    // A checkout without `npm ci`/`npm run build`: say how to fix it instead of a bare 404.
    router.use('/console', () => {
      throw new ApiError(
        503,
        'Service Unavailable',
        'The console is not built: run `npm run build` and restart.',
      );
    });
    return router;
  }
  router.use(
    '/console',
    express.static(dir, {
      index: 'index.html',
      fallthrough: true,
      // The page always revalidates, so an upgrade is picked up at the next load.
      setHeaders: (res) => res.setHeader('Cache-Control', 'no-cache'),
    }),
  );
  return router;
}
