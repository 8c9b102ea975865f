import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ArticleNode, ENTITY_KINDS, type GraphSnapshot, loadGraph } from '../../src/graph';
import type { Span } from '../../src/graph/model';
import { bundledDataDir, type GraphFiles, readGraphFiles, slugOf } from '../helpers/bundled-data';
import { SEED_ARTICLE_ID } from '../helpers/graph-test-server';

/**
 * The bundled graph data, loaded as the service loads it. Every test here
 * holds for any valid data, so that adding an article to graph-data/ never
 * turns one red.
 */
const dir = bundledDataDir();
let snapshot: GraphSnapshot;
let files: GraphFiles;

beforeAll(() => {
  snapshot = loadGraph(dir);
  files = readGraphFiles(dir);
});

const textOf = (articleId: string) => (snapshot.nodes.get(articleId) as ArticleNode).text;
const sliceOf = (span: Span) => textOf(span.articleId).slice(span.start, span.end);
const spanOf = (id: string) => (snapshot.nodes.get(id) as unknown as { span: Span }).span;

describe('the bundled graph data', () => {
  it('loads with no problems, with one node for each article and entity its files define', () => {
    expect(snapshot.nodesByKind.get('ARTICLE')!.map((n) => n.id)).toEqual(files.articles.map((a) => a.id));
    const entityIds = ENTITY_KINDS.flatMap((kind) => snapshot.nodesByKind.get(kind)!.map((n) => n.id));
    expect(entityIds.sort()).toEqual(files.entities.map((e) => e.id).sort());
  });

  it('holds the seed article with its headline, description and text exactly as received', () => {
    const article = snapshot.nodes.get(SEED_ARTICLE_ID) as ArticleNode;
    const seed = readFileSync(join(__dirname, '..', 'fixtures', 'seed-article.txt'), 'utf8');
    expect(`${article.headline}\n${article.description}\n${article.text}`).toBe(seed);
  });

  it('keeps every article text exactly as its file has it', () => {
    for (const raw of files.articles) expect([raw.id, textOf(raw.id)]).toEqual([raw.id, raw.text]);
  });

  it('places every quote, claim, figure and stated relation on the words its file names', () => {
    let placed = 0;
    for (const raw of files.articles) {
      const slug = slugOf(raw.id);
      for (const q of raw.quotes ?? [])
        expect([`quote:${slug}/${q.key}`, sliceOf(spanOf(`quote:${slug}/${q.key}`))]).toEqual([`quote:${slug}/${q.key}`, q.text]);
      for (const c of raw.claims ?? [])
        expect([`claim:${slug}/${c.key}`, sliceOf(spanOf(`claim:${slug}/${c.key}`))]).toEqual([`claim:${slug}/${c.key}`, c.source.exact]);
      for (const f of raw.figures ?? [])
        expect([`figure:${slug}/${f.key}`, sliceOf(spanOf(`figure:${slug}/${f.key}`))]).toEqual([`figure:${slug}/${f.key}`, f.source.exact]);
      for (const r of raw.relations ?? []) {
        const edge = snapshot.edgesById.get(`${raw.id}|${r.from}|${r.predicate}|${r.to}`)!;
        expect([edge.id, sliceOf(edge.span!)]).toEqual([edge.id, r.source.exact]);
      }
      placed += (raw.quotes?.length ?? 0) + (raw.claims?.length ?? 0) + (raw.figures?.length ?? 0) + (raw.relations?.length ?? 0);
    }
    expect(placed).toBeGreaterThan(0);
  });

  it('gives every edge with a span the words of an article, and every mention a name or alias of its entity', () => {
    for (const edge of snapshot.edgesById.values()) {
      if (!edge.span) continue;
      expect(edge.span.end).toBeGreaterThan(edge.span.start);
      expect(edge.span.end).toBeLessThanOrEqual(textOf(edge.span.articleId).length);
    }
    const names = new Map(files.entities.map((e) => [e.id, [e.name, ...(e.aliases ?? [])]]));
    for (const [entityId, mentions] of snapshot.mentionsByEntity.entries()) {
      for (const mention of mentions) expect([entityId, names.get(entityId)!.includes(sliceOf(mention.span))]).toEqual([entityId, true]);
    }
  });

  it('records a mention, in text order, of every entity an article lists, and no other', () => {
    for (const raw of files.articles) {
      const mentions = snapshot.mentionsByArticle.get(raw.id) ?? [];
      expect([raw.id, [...new Set(mentions.map((m) => m.entityId))].sort()]).toEqual([raw.id, [...raw.entities].sort()]);
      const starts = mentions.map((m) => m.span.start);
      expect(starts).toEqual([...starts].sort((a, b) => a - b));
    }
  });
});
