import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCorpus } from '../../bench/generate-corpus';
import { compareNodes } from '../../src/graph/graph-order';
import { type Edge, edgesInOrder, type GraphNode, type GraphSnapshot, InMemoryGraphStore, loadGraph, type Page } from '../../src/graph';

/**
 * A busy entity's lists are merged from several indexed lists and kept for
 * later requests: paging through them, the first time or again after other
 * lists were kept, must give exactly the list computed by hand from the
 * snapshot's edges.
 */
let dir: string;
let snapshot: GraphSnapshot;
/** The two people with the most edges. */
let busiest: GraphNode[];
/** The two organizations that are the subject of the most claims and figures. */
let busiestOrganizations: GraphNode[];
/** One store for every test: a kept merge must never answer for another list. */
let store: InMemoryGraphStore;
/** Every edge, in edge order. */
let allEdges: Edge[];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'newsgraph-busy-'));
  generateCorpus(dir, { articles: 400, seed: 7 });
  snapshot = loadGraph(dir);
  allEdges = edgesInOrder(snapshot);
  // Counted in one pass over the edges (a filter per node would be quadratic).
  const edgeCounts = new Map<string, number>();
  const subjectCounts = new Map<string, Set<string>>();
  for (const e of allEdges) {
    edgeCounts.set(e.from, (edgeCounts.get(e.from) ?? 0) + 1);
    if (e.to !== e.from) edgeCounts.set(e.to, (edgeCounts.get(e.to) ?? 0) + 1);
    if (e.predicate === 'ABOUT' || e.predicate === 'MEASURES') subjectCounts.set(e.to, (subjectCounts.get(e.to) ?? new Set()).add(e.from));
  }
  const edgeCount = (node: GraphNode) => edgeCounts.get(node.id) ?? 0;
  busiest = [...snapshot.nodesByKind.get('PERSON')!].sort((a, b) => edgeCount(b) - edgeCount(a)).slice(0, 2);
  const subjectCount = (node: GraphNode) => subjectCounts.get(node.id)?.size ?? 0;
  busiestOrganizations = [...snapshot.nodesByKind.get('ORGANIZATION')!].sort((a, b) => subjectCount(b) - subjectCount(a)).slice(0, 2);
  store = new InMemoryGraphStore(snapshot);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The claims and figures about a node, in node order, from the snapshot's edges. */
function aboutOrMeasuring(node: GraphNode): GraphNode[] {
  const edges = allEdges.filter((e) => (e.predicate === 'ABOUT' || e.predicate === 'MEASURES') && e.to === node.id);
  return [...new Set(edges.map((e) => snapshot.nodes.get(e.from)!))].sort(compareNodes);
}

/** Every item of a list, read page by page with cursors. */
async function readAll<T>(load: (after?: string) => Promise<Page<T>>): Promise<{ items: T[]; totalCounts: Set<number> }> {
  const items: T[] = [];
  const totalCounts = new Set<number>();
  let after: string | undefined;
  for (;;) {
    const page = await load(after);
    items.push(...page.items);
    totalCounts.add(page.totalCount);
    if (!page.hasNextPage) return { items, totalCounts };
    after = page.cursorAt(page.items.length - 1);
  }
}

describe('lists of a busy entity', () => {
  it.each([0, 1, 0])('pages through the claims and figures about busy organization #%i', async (rank) => {
    const organization = busiestOrganizations[rank];
    const expected = aboutOrMeasuring(organization);
    // Enough items, from two lists (claims, figures), that the merge is one that is kept.
    expect(expected.length).toBeGreaterThan(64);
    expect(new Set(expected.map((n) => n.kind))).toEqual(new Set(['CLAIM', 'FIGURE']));
    const via = [
      { direction: 'IN', predicate: 'ABOUT' },
      { direction: 'IN', predicate: 'MEASURES' },
    ] as const;
    const { items, totalCounts } = await readAll(async (after) => {
      const [page] = await store.getRelated([{ nodeId: organization.id, via, page: { first: 25, after } }]);
      if (page instanceof Error) throw page;
      return page;
    });
    expect(items.map((n) => n.id)).toEqual(expected.map((n) => n.id));
    expect([...totalCounts]).toEqual([expected.length]);
  });

  it.each([0, 1, 0])('pages through every edge at busy person #%i, in edge order', async (rank) => {
    const person = busiest[rank];
    const expected: Edge[] = allEdges.filter((e) => e.from === person.id || e.to === person.id);
    expect(expected.length).toBeGreaterThan(64);
    const { items, totalCounts } = await readAll(async (after) => {
      const [page] = await store.getEdges([{ nodeId: person.id, direction: 'BOTH', page: { first: 30, after } }]);
      if (page instanceof Error) throw page;
      return page;
    });
    expect(items.map((e) => e.id)).toEqual(expected.map((e) => e.id));
    expect([...totalCounts]).toEqual([expected.length]);
  });
});
