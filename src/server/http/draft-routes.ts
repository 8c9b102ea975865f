import type { FastifyPluginCallback } from 'fastify';
import { draftArticle, type LiveGraph, MAX_DRAFT_BYTES, readDraftGraph, reportDraft, undraftableText } from '../../graph';
import { HttpError } from './http-error';
import './request-state';

/** Options of the draft route; registered inside the admin routes, which check the token. */
export interface DraftRoutesOptions {
  /** The graph drafts are made and checked against. */
  readonly graph: LiveGraph;
  /** Largest raw text, in bytes (MAX_ARTICLE_BYTES, as for a write, and never over MAX_DRAFT_BYTES); a larger one gets 413. Default MAX_DRAFT_BYTES. */
  readonly maxDraftBytes?: number;
}

const TEXT_BODY = {
  type: 'object',
  properties: { text: { type: 'string' } },
  required: ['text'],
  additionalProperties: false,
} as const;

const REVIEW_NOTE = {
  type: 'object',
  properties: { topic: { type: 'string' }, text: { type: 'string' }, start: { type: 'integer' }, message: { type: 'string' } },
  required: ['topic', 'text', 'start', 'message'],
} as const;

const PROBLEM = {
  type: 'object',
  properties: { file: { type: 'string' }, path: { type: 'string' }, message: { type: 'string' } },
  required: ['file', 'path', 'message'],
} as const;

const DRAFTED = {
  type: 'object',
  properties: {
    slug: { type: 'string' },
    valid: { type: 'boolean' },
    // The write body in the graph-data format, whose JSON Schema is graph-data/schema's.
    body: { type: 'object', additionalProperties: true },
    review: { type: 'array', items: REVIEW_NOTE },
    problems: { type: 'array', items: PROBLEM },
  },
  required: ['slug', 'valid', 'body', 'review', 'problems'],
} as const;

/** The raw text of a request: a text/plain body, or the "text" of a JSON one. */
function rawText(body: unknown): string {
  if (typeof body === 'string') return body;
  if (typeof body === 'object' && body !== null && typeof (body as { text?: unknown }).text === 'string') return (body as { text: string }).text;
  throw new HttpError(400, 'BAD_REQUEST', 'Send the article as text/plain (first line the headline, the rest the body), or as JSON {"text": "..."}.');
}

/**
 * `POST /drafts`: drafts the graph data of an article from its raw text
 * (first line the headline, the rest the body) against the graph now, and
 * answers the write body for PUT /admin/articles/<slug>, the notes to review
 * and the write API's problems with it (`valid` says whether there are none).
 */
export const draftRoutes: FastifyPluginCallback<DraftRoutesOptions> = (fastify, options, done) => {
  const { graph } = options;
  // Drafting runs on the event loop at about 30 ms a kilobyte: the cap keeps one draft to about two seconds of it.
  const bodyLimit = Math.min(options.maxDraftBytes ?? MAX_DRAFT_BYTES, MAX_DRAFT_BYTES);

  fastify.post(
    '/',
    {
      bodyLimit,
      config: { gated: true, bodyHint: 'Send the raw text of one article: its headline on the first line, then its body.' },
      schema: { body: { anyOf: [{ type: 'string' }, TEXT_BODY] }, response: { 200: DRAFTED } },
    },
    async (request) => {
      const text = rawText(request.body);
      const undraftable = undraftableText(text);
      if (undraftable !== undefined) throw new HttpError(400, 'EMPTY_TEXT', undraftable);
      const store = graph.current;
      const draft = draftArticle(text, await readDraftGraph(store));
      request.log.info({ event: 'draft', slug: draft.slug, notes: draft.review.length }, `drafted article:${draft.slug}`);
      return reportDraft(draft, await graph.checkArticle(draft.slug, draft.body));
    },
  );
  done();
};
