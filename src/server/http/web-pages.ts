import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync, FastifyReply, onRequestHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import Negotiator from 'negotiator';
import { HttpError } from './http-error';
import { sendError } from './errors';
import './request-state';

/** Options of the web-pages plugin. */
export interface WebPagesOptions {
  /** The folder `npm run build` writes the pages (`pages/`) and their scripts and styles (`assets/`) into: `dist/web` (see web/build-web.ts). */
  readonly webDir: string;
}

/** What every page may load: its own origin's scripts, styles and fonts, nothing inline, no frames around it. */
const SELF_ONLY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
];

/** Replaces directives of SELF_ONLY by name. */
function policy(...changed: string[]): string {
  const names = new Set(changed.map((directive) => directive.split(' ')[0]));
  return [...SELF_ONLY.filter((directive) => !names.has(directive.split(' ')[0])), ...changed].join('; ');
}

/** The one style element cytoscape.js adds to a page, word for word (its BaseRenderer's init); the explorer's policy allows it by its hash. */
export const CYTOSCAPE_CONTAINER_STYLE = '.__________cytoscape_container { position: relative; }';

/** A CSP source that allows one inline script or style: its SHA-256 (https://www.w3.org/TR/CSP3/#grammardef-hash-source). */
function hashSource(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** A page of the service: where it is served, its file under `webDir`, and its Content-Security-Policy. */
export interface WebPage {
  readonly path: string;
  readonly file: string;
  readonly csp: string;
}

/** The pages, each with the narrowest policy it works with. */
export const WEB_PAGES = {
  landing: { path: '/', file: 'landing.html', csp: policy() },
  explorer: { path: '/explore', file: 'explorer.html', csp: policy(`style-src 'self' ${hashSource(CYTOSCAPE_CONTAINER_STYLE)}`) },
  // Monaco (GraphiQL's editor) adds <style> elements and has no way to give them a nonce (https://github.com/microsoft/monaco-editor/issues/271); its fonts are data: URLs in GraphiQL's style sheet. Scripts stay 'self' only.
  graphiql: { path: '/graphiql', file: 'graphiql.html', csp: policy("style-src 'self' 'unsafe-inline'", "font-src 'self' data:", "img-src 'self' data:") },
  // Apollo's embeddable Sandbox: its script from Apollo's CDN, which opens Sandbox in a frame from Apollo (the origins Apollo Server's own landing page allows).
  sandbox: {
    path: '/sandbox',
    file: 'sandbox.html',
    csp: policy("script-src 'self' https://embeddable-sandbox.cdn.apollographql.com", 'frame-src https://sandbox.embed.apollographql.com'),
  },
} as const satisfies Record<string, WebPage>;

/** Where the pages' scripts, styles and fonts are served. */
export const WEB_ASSETS_PREFIX = '/web/';

/** The media types Apollo answers a GET of /graphql with; the landing page is for a client that prefers HTML to all of them, as Apollo decided for Sandbox. */
const GRAPHQL_OR_HTML = ['application/json', 'application/graphql-response+json', 'multipart/mixed', 'text/html'];

/** True when the Accept header ranks HTML above every GraphQL answer: a browser opening the address. */
export function prefersHtml(accept: string | undefined): boolean {
  return accept !== undefined && new Negotiator({ headers: { accept } }).mediaType(GRAPHQL_OR_HTML) === 'text/html';
}

/** Headers of every page beside its policy: no sniffing, no referrer sent out, its own browsing context, always revalidated. */
const PAGE_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'x-frame-options': 'DENY',
  'cache-control': 'no-cache',
};

/**
 * The web pages: the landing page at `/` (and at `/graphql` for a browser,
 * where Apollo Sandbox was), the graph explorer at `/explore`, GraphiQL at
 * `/graphiql` and Apollo's embedded Sandbox at `/sandbox`, each with its
 * Content-Security-Policy; their scripts, styles and fonts under `/web/`
 * (@fastify/static, with the build's brotli and gzip files). Pages and
 * assets answer no CORS request (`config.cors: false`): only the API is open
 * to other origins. When the pages have not been built, they answer 503
 * WEB_PAGES_NOT_BUILT saying how to build them.
 */
const webPagesPlugin: FastifyPluginAsync<WebPagesOptions> = async (fastify, options) => {
  const pagesDir = join(options.webDir, 'pages');
  const pagePaths = new Set<string>(Object.values(WEB_PAGES).map((page) => page.path));
  if (!existsSync(join(pagesDir, WEB_PAGES.landing.file))) {
    fastify.log.warn({ event: 'web-pages', webDir: options.webDir }, `the web pages are not built in ${options.webDir}: run "npm run build" to serve them`);
  }

  // A browser opening /graphql gets the landing page, which links to the pages that work offline; API clients get GraphQL.
  const landingForBrowsers: onRequestHookHandler = async (request, reply) => {
    if (request.method !== 'GET' || !prefersHtml(request.headers.accept)) return;
    // The same address answers JSON to other clients: caches must keep the two apart.
    reply.header('vary', 'accept');
    return sendPage(reply, WEB_PAGES.landing);
  };

  fastify.addHook('onRoute', (route) => {
    if (pagePaths.has(route.url) || route.url.startsWith(WEB_ASSETS_PREFIX)) route.config = { ...route.config, cors: false };
    // After the route's own onRequest hooks (the rate limit's), before its preHandlers (the response cache, the concurrency gate).
    if (route.url === '/graphql') route.onRequest = [...[route.onRequest ?? []].flat(), landingForBrowsers];
  });

  function sendPage(reply: FastifyReply, page: WebPage): FastifyReply {
    if (!existsSync(join(pagesDir, page.file))) {
      sendError(
        reply.request,
        reply,
        new HttpError(503, 'WEB_PAGES_NOT_BUILT', `The web pages are not built: run "npm run build" (or "npm run build:web"), then reload this page.`),
      );
      return reply;
    }
    return reply.headers({ ...PAGE_HEADERS, 'content-security-policy': page.csp }).sendFile(page.file, pagesDir, { cacheControl: false });
  }

  await fastify.register(fastifyStatic, {
    root: join(options.webDir, 'assets'),
    prefix: WEB_ASSETS_PREFIX,
    preCompressed: true,
    index: false,
    setHeaders: (reply) => reply.header('x-content-type-options', 'nosniff'),
  });

  for (const page of Object.values(WEB_PAGES)) {
    fastify.get(page.path, (_request, reply) => sendPage(reply, page));
  }
};

export const webPages = fp(webPagesPlugin, { name: 'newsgraph-web-pages', fastify: '5.x' });
