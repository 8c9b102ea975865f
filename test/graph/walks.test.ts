import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCorpus } from '../../bench/generate-corpus';
import { type Edge, edgesInOrder, type GraphNode, type GraphSnapshot, loadGraph, nodesInOrder } from '../../src/graph';
import { buildAdjacency } from '../../src/graph/adjacency';
import { ShardedMap } from '../../src/graph/sharded-map';
import { runToEnd } from '../../src/graph/time-slices';
import { findPath } from '../../src/graph/find-path';
import { neighborhood } from '../../src/graph/neighborhood';

/**
 * Paths and neighbourhoods walk the snapshot's adjacency arrays. Here they
 * are checked against plain walks over the snapshot's edge list, written
 * for clarity rather than speed, on a generated corpus with busy entities.
 */
let dir: string;
let snapshot: GraphSnapshot;
/** The edges at each node in edge order, from the edge list. */
let around: Map<string, Edge[]>;
/** Every node and edge, in their orders. */
let allNodes: GraphNode[];
let allEdges: Edge[];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'newsgraph-walks-'));
  generateCorpus(dir, { articles: 150, seed: 11 });
  snapshot = loadGraph(dir);
  allNodes = nodesInOrder(snapshot);
  allEdges = edgesInOrder(snapshot);
  around = new Map(allNodes.map((n) => [n.id, []]));
  for (const edge of allEdges) {
    around.get(edge.from)!.push(edge);
    around.get(edge.to)!.push(edge);
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const otherEnd = (edge: Edge, id: string) => (edge.from === id ? edge.to : edge.from);

/** Distances from `start` over every edge, either way, up to `limit`. */
function distancesFrom(start: string, limit: number): Map<string, number> {
  const distance = new Map([[start, 0]]);
  let layer = [start];
  for (let d = 1; d <= limit && layer.length > 0; d++) {
    const next: string[] = [];
    for (const id of layer) {
      for (const edge of around.get(id)!) {
        const other = otherEnd(edge, id);
        if (!distance.has(other)) {
          distance.set(other, d);
          next.push(other);
        }
      }
    }
    layer = next;
  }
  return distance;
}

/** The documented choice: shortest, then fewest MENTIONS/CONTAINS edges, then first in edge order from `from`. */
function referencePath(from: string, to: string, maxHops: number): { nodeIds: string[]; edgeIds: string[] } | null {
  if (from === to) return { nodeIds: [from], edgeIds: [] };
  const fromStart = distancesFrom(from, maxHops);
  const length = fromStart.get(to);
  if (length === undefined) return null;
  const toEnd = distancesFrom(to, length);
  const weight = (e: Edge) => (e.predicate === 'MENTIONS' || e.predicate === 'CONTAINS' ? 1 : 0);
  const steps = (id: string) => around.get(id)!.filter((e) => toEnd.get(otherEnd(e, id)) === toEnd.get(id)! - 1);
  // Least weight to `to` from every node on a shortest path, nearest `to` first.
  const onPath = [...fromStart].filter(([id, d]) => toEnd.get(id) === length - d).sort((a, b) => b[1] - a[1]);
  const rest = new Map<string, number>();
  for (const [id] of onPath) {
    rest.set(
      id,
      id === to
        ? 0
        : Math.min(
            ...steps(id)
              .filter((e) => rest.has(otherEnd(e, id)))
              .map((e) => weight(e) + rest.get(otherEnd(e, id))!),
          ),
    );
  }
  const nodeIds = [from];
  const edgeIds: string[] = [];
  for (let at = from; at !== to;) {
    const here = at;
    const edge = steps(here).find((e) => rest.has(otherEnd(e, here)) && weight(e) + rest.get(otherEnd(e, here))! === rest.get(here))!;
    at = otherEnd(edge, here);
    edgeIds.push(edge.id);
    nodeIds.push(at);
  }
  return { nodeIds, edgeIds };
}

/** A deterministic sequence of node ids, busy and quiet ones alike. */
function sampleIds(count: number, seed: number): string[] {
  const ids: string[] = [];
  let state = seed;
  for (let i = 0; i < count; i++) {
    state = (state * 1103515245 + 12345) % 2147483648;
    ids.push(allNodes[state % allNodes.length].id);
  }
  return ids;
}

function busiest(kind: GraphNode['kind']): string {
  return [...snapshot.nodesByKind.get(kind)!].sort((a, b) => around.get(b.id)!.length - around.get(a.id)!.length)[0].id;
}

describe('adjacency', () => {
  it('lists the edges at every node in edge order, with the node at the other end', () => {
    const { start, edge, other } = snapshot.adjacency;
    const bySlot = new Map(allNodes.map((node) => [node.slot, node]));
    expect(start.length).toBe(allNodes.length + 1);
    expect(start[start.length - 1]).toBe(allEdges.length * 2);
    for (const node of allNodes) {
      const incidences = Array.from({ length: start[node.slot + 1] - start[node.slot] }, (_, k) => start[node.slot] + k);
      expect(incidences.map((i) => snapshot.slots.edges[edge[i]].id)).toEqual(around.get(node.id)!.map((e) => e.id));
      expect(incidences.map((i) => bySlot.get(other[i])!.id)).toEqual(around.get(node.id)!.map((e) => otherEnd(e, node.id)));
    }
  });

  it('holds a node with 300,000 edges, and a path through it', () => {
    // A star: a hub joined to 300,000 leaves (more edges than a spread into push() can take).
    const leaves = 300_000;
    const nodes = new Map<string, GraphNode>();
    const add = (id: string) => nodes.set(id, { id, kind: 'TOPIC', slot: nodes.size } as unknown as GraphNode);
    add('hub');
    for (let i = 0; i < leaves; i++) add(`leaf-${i}`);
    const edges = Array.from({ length: leaves }, (_, i): Edge => ({
      id: `e${i}`,
      slot: i,
      predicate: 'PART_OF',
      from: 'hub',
      to: `leaf-${i}`,
      qualifier: null,
      span: null,
    }));
    const star = {
      nodes: ShardedMap.from(nodes),
      slots: { builtNodes: [...nodes.values()], changedNodes: ShardedMap.of([]), nodeSlots: nodes.size, edges, edgeSlots: edges.length },
      adjacency: runToEnd(buildAdjacency(edges, nodes.size, (id) => nodes.get(id)!.slot)),
    } as unknown as GraphSnapshot;
    expect(star.adjacency.start[1]).toBe(leaves);
    const path = findPath(star, 'leaf-299999', 'leaf-7', 4)!;
    expect(path.nodeIds).toEqual(['leaf-299999', 'hub', 'leaf-7']);
    expect(path.edges.map((e) => e.id)).toEqual(['e299999', 'e7']);
    const around = neighborhood(star, 'hub', 1, 3);
    expect(around.nodeIds).toEqual(['hub', 'leaf-0', 'leaf-1']);
    expect(around.edges.map((e) => e.id)).toEqual(['e0', 'e1']);
    expect(around.truncated).toBe(true);
  });
});

describe('findPath', () => {
  it('finds the documented path between 300 pairs of nodes, as a plain one-sided search does', () => {
    const from = sampleIds(300, 3);
    const to = sampleIds(300, 5);
    let found = 0;
    from.forEach((a, i) => {
      const maxHops = 1 + (i % 6);
      const path = findPath(snapshot, a, to[i], maxHops);
      const expected = referencePath(a, to[i], maxHops);
      expect(path && { nodeIds: path.nodeIds, edgeIds: path.edges.map((e) => e.id) }).toEqual(expected);
      if (expected) found++;
    });
    // Both outcomes are exercised: paths found and none within maxHops.
    expect(found).toBeGreaterThan(50);
    expect(found).toBeLessThan(300);
  });

  it('finds the documented path from the busiest person to the busiest organization and place', () => {
    const person = busiest('PERSON');
    for (const end of [busiest('ORGANIZATION'), busiest('PLACE'), ...sampleIds(20, 9)]) {
      const path = findPath(snapshot, person, end, 4);
      expect(path && path.edges.map((e) => e.id)).toEqual(referencePath(person, end, 4)?.edgeIds ?? null);
    }
  });

  it('answers null for an unknown node', () => {
    expect(findPath(snapshot, 'person:nobody', busiest('PERSON'), 4)).toBeNull();
  });
});

describe('neighborhood', () => {
  it.each([
    [1, 100, undefined],
    [2, 500, undefined],
    [3, 40, new Set(['SAID', 'CLAIMS', 'ABOUT'])],
  ])('at depth %i with limit %i matches a plain breadth-first walk', (depth, limit, predicates) => {
    for (const center of [busiest('PERSON'), ...sampleIds(30, 13)]) {
      const follows = (e: Edge) => !predicates || predicates.has(e.predicate);
      const seen = new Set([center]);
      let layer = [center];
      let truncated = false;
      for (let d = 0; d < depth && !truncated; d++) {
        const next: string[] = [];
        for (const id of layer) {
          for (const edge of around.get(id)!.filter(follows)) {
            const other = otherEnd(edge, id);
            if (seen.has(other)) continue;
            if (seen.size >= limit) truncated = true;
            if (truncated) break;
            seen.add(other);
            next.push(other);
          }
          if (truncated) break;
        }
        layer = next;
      }
      const result = neighborhood(snapshot, center, depth, limit, predicates);
      expect(result.nodeIds).toEqual([...seen]);
      expect(result.edges.map((e) => e.id)).toEqual(allEdges.filter((e) => follows(e) && seen.has(e.from) && seen.has(e.to)).map((e) => e.id));
      expect(result.truncated).toBe(truncated);
    }
  });
});
