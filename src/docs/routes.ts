import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import express, { Router } from 'express';
import { SPEC_PATH } from '../http/openapi-spec.ts';

// swagger-ui-dist ships every asset in the npm package: the docs work with no network at all.
const swaggerDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

const INITIALIZER = `window.onload = function () {
  window.ui = SwaggerUIBundle({ url: '/openapi.yaml', dom_id: '#swagger-ui', deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset], layout: 'StandaloneLayout' });
};`;

export function docsRoutes(): Router {
  const router = Router();
  const spec = readFileSync(SPEC_PATH, 'utf8');
  router.get('/openapi.yaml', (_req, res) => {
    res.type('application/yaml').send(spec);
  });
  router.get('/docs/swagger-initializer.js', (_req, res) => {
    res.type('application/javascript').send(INITIALIZER);
  });
  router.get('/docs', (req, res, next) => {
    if (!req.originalUrl.endsWith('/')) return res.redirect(301, '/docs/');
    next();
  });
  router.use('/docs', express.static(swaggerDir, { index: 'index.html' }));
  return router;
}
