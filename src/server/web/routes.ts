import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/**
 * The web app (staff app and client portal) from the same server and port as the API. Hashed
 * assets are cached for a year; every other GET outside /api answers the app's index page, so
 * deep links and the back button work. Without a build (the API's own tests) the root explains
 * how to build it.
 */

const ASSETS_PATH = '/assets/';

const isPageRequest = (url: string): boolean =>
  !url.startsWith('/api/') && url !== '/api' && !url.startsWith(ASSETS_PATH);

export const webRoutes: FastifyPluginAsyncZod = async (app) => {
  const { webDir } = app.config;
  const built = existsSync(join(webDir, 'index.html'));

  if (!built) {
    app.get('/', { schema: { hide: true } }, async (_request, reply) =>
      reply.type('text/html; charset=utf-8').send(notBuiltPage(app.config.version)),
    );
    return;
  }

  await app.register(fastifyStatic, {
    root: webDir,
    wildcard: false,
    index: false,
    // The build writes .br and .gz beside each asset (scripts/compress-web.ts).
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply: FastifyReply, path: string) => {
      reply.header(
        'cache-control',
        path.startsWith(join(webDir, 'assets'))
          ? 'public, max-age=31536000, immutable'
          : 'no-cache',
      );
    },
  });

  app.get('/*', { schema: { hide: true } }, (request, reply) => {
    if (!isPageRequest(request.url)) return reply.callNotFound();
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
};

const notBuiltPage = (version: string) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Closeout</title>
<style>
  :root { color-scheme: light dark; font-family: system-ui, sans-serif; }
  body { max-width: 42rem; margin: 4rem auto; padding: 0 1.5rem; line-height: 1.55; }
  .muted { opacity: 0.7; }
</style>
</head>
<body>
<h1>Closeout</h1>
<p class="muted">Version ${version}: the server is running, but the web app has not been built.</p>
<p>Run <code>npm start</code> (or <code>npm run build</code>) to build it. Meanwhile the
<a href="/api/docs">API reference</a> and the <a href="/api/openapi.json">OpenAPI document</a>
are available.</p>
</body>
</html>`;
