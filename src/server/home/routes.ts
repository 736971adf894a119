import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/**
 * The page at the server's root: what is running and where to go from here. The staff web app
 * takes this place once it is built.
 */
export const homeRoutes: FastifyPluginAsyncZod = async (app) => {
  const page = (version: string) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Closeout</title>
<style>
  :root { color-scheme: light dark; font-family: system-ui, sans-serif; }
  body { max-width: 42rem; margin: 4rem auto; padding: 0 1.5rem; line-height: 1.55; }
  h1 { margin-bottom: 0.25rem; }
  .muted { opacity: 0.7; }
  code { font-size: 0.95em; }
  a { color: #1f6feb; }
</style>
</head>
<body>
<h1>Closeout</h1>
<p class="muted">Version ${version}: the server is running.</p>
<p>Closeout runs the end of a managed-service client relationship as one enforced, auditable
process: retention, the closeout meeting, the open ticket review, the deactivation session and
the backstage deactivation.</p>
<ul>
  <li><a href="/api/docs">API reference</a>: every resource and process action, with a console to try them.</li>
  <li><a href="/api/openapi.json">OpenAPI 3.1 document</a>, for clients and integrations.</li>
  <li><a href="/api/health">Health</a>.</li>
</ul>
<p>Sign in with <code>POST /api/v1/auth/sign-in</code> using the administrator printed at the
first start, then create API tokens for integrations. On the command line,
<code>npm run closeout -- --help</code> lists what it can do.</p>
</body>
</html>`;

  app.get('/', { schema: { hide: true } }, async (_request, reply) =>
    reply.type('text/html; charset=utf-8').send(page(app.config.version)),
  );
};
