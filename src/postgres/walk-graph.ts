import { type Edge, type GraphPath, GraphQueryError, MAX_NEIGHBORHOOD_EDGES, type Neighborhood, type NeighborhoodQuery, type PathQuery } from '../graph';
import type { RunStatement } from './run-statement';
import { edgeIdOfKeySql, incidencesOfKeyLines, type KeyedIncidence, type KeyedStep, otherEndSql, stepLineSql, stepsOfLines } from './order-key';
import { EDGE_COLUMNS, type EdgeRow, edgeOfRow } from './rows';

/** What a walk reads of each edge at a node: its steps (other end and predicate) for a path, or with the edge's id for a neighbourhood. */
interface EdgeForm<T extends KeyedStep> {
  /** The name of the statement that fetches them. */
  readonly statement: string;
  /** SQL of one line of the text a node's edges come as, from its incidence `x`. */
  readonly line: string;
  readonly parse: (lines: string, node: string) => T[];
}

/** A path search reads each edge's other end and predicate; the ids of the few edges on the path chosen are read after (`edgeIdsOfSteps`). */
const STEPS: EdgeForm<KeyedStep> = { statement: 'walkSteps', line: stepLineSql('x'), parse: stepsOfLines };
/** A neighbourhood reads every edge's key: it lists the edges among the nodes it reaches, by id. */
const KEYS: EdgeForm<KeyedIncidence> = { statement: 'walkIncidences', line: 'x.ord', parse: incidencesOfKeyLines };

/**
 * The edges at the nodes a walk reaches, fetched a layer at a time (one
 * statement for all the nodes of a layer not fetched yet), each node's in
 * edge order, as the in-memory adjacency holds them; and the number of
 * edges at nodes (their degree), which the path search weighs its sides
 * by, fetched only for the layers whose cost decides a side.
 */
class FetchedAdjacency<T extends KeyedStep> {
  private readonly incidences = new Map<string, T[]>();
  readonly degree = new Map<string, number>();

  constructor(
    private readonly run: RunStatement,
    private readonly form: EdgeForm<T>,
  ) {}

  /** Fetches the edges of every node of `nodes` not fetched yet. */
  async fetch(nodes: Iterable<string>): Promise<void> {
    const missing = [...new Set(nodes)].filter((node) => !this.incidences.has(node));
    if (missing.length === 0) return;
    // From the covering index alone: joining each edge's other end for its degree cost 0.8 s for the 52,357 edges of the most quoted person at 100,000 articles, 22 ms without.
    // One row a node, its edges as one text, a line each, read from their order keys: a busy node's tens of thousands of edges come as one value, not a row each.
    const rows = await this.run<{ node_id: string; lines: string }>(
      this.form.statement,
      `SELECT x.node_id, string_agg(${this.form.line}, E'\\n' ORDER BY x.ord) AS lines
       FROM §incidences x WHERE x.node_id = ANY($1::text[]) GROUP BY x.node_id`,
      [missing],
    );
    for (const node of missing) this.incidences.set(node, []);
    for (const row of rows) this.incidences.set(row.node_id, this.form.parse(row.lines, row.node_id));
    // A fetched node's degree is its number of edges.
    for (const node of missing) this.degree.set(node, this.incidences.get(node)!.length);
  }

  /** Fetches the degree of every node of `nodes` not known yet. */
  async fetchDegrees(nodes: readonly string[]): Promise<void> {
    const missing = [...new Set(nodes)].filter((node) => !this.degree.has(node));
    if (missing.length === 0) return;
    for (const [id, degree] of await nodeDegrees(this.run, missing)) this.degree.set(id, degree);
  }

  /** The edges at a fetched node, in edge order. */
  at(node: string): readonly T[] {
    const found = this.incidences.get(node);
    if (!found) throw new Error(`the edges of ${node} were not fetched`);
    return found;
  }
}

/** The degree of each node asked that exists. */
async function nodeDegrees(run: RunStatement, ids: readonly string[]): Promise<Map<string, number>> {
  const rows = await run<{ id: string; degree: number }>('walkNodes', `SELECT n.id, n.degree FROM §nodes n WHERE n.id = ANY($1::text[])`, [ids]);
  return new Map(rows.map((row) => [row.id, row.degree]));
}

/** The edges with these ids, by id, in edge order (their keys are ASCII: compared here as in the database). */
async function edgesById(run: RunStatement, ids: readonly string[]): Promise<Map<string, Edge>> {
  if (ids.length === 0) return new Map();
  const rows = await run<EdgeRow>('walkEdges', `SELECT ${EDGE_COLUMNS} FROM §edges e WHERE e.id = ANY($1::text[]) ORDER BY e.ord`, [ids]);
  return new Map(rows.map((row) => [row.edge_id, edgeOfRow(row)]));
}

/**
 * The id of each step of a path: the first edge in edge order at the node
 * `nodeIds[i]` with the step's predicate whose other end is `nodeIds[i + 1]`
 * (the step a path search chose is that one: it takes the first of the
 * node's steps that keeps to a lightest path). One statement for the path;
 * each step reads the node's index range of the predicate in each direction
 * until its first edge to the other node: for the MENTIONS of the busiest
 * person at 100,000 articles, up to tens of thousands of keys, a few
 * milliseconds.
 */
async function edgeIdsOfSteps(run: RunStatement, nodeIds: readonly string[], steps: readonly KeyedStep[]): Promise<string[]> {
  if (steps.length === 0) return [];
  const rows = await run<{ i: string; edge_id: string }>(
    'walkStepEdges',
    `SELECT q.i, ${edgeIdOfKeySql('e.ord')} AS edge_id
     FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS q(node_id, other, predicate, i)
     CROSS JOIN LATERAL (
       SELECT d.ord FROM unnest(ARRAY['OUT', 'IN']) AS w(direction) CROSS JOIN LATERAL (
         SELECT x.ord FROM §incidences x
         WHERE x.node_id = q.node_id AND x.predicate = q.predicate AND x.direction = w.direction AND ${otherEndSql('x')} = q.other
         ORDER BY x.ord LIMIT 1
       ) d
       ORDER BY d.ord LIMIT 1
     ) e
     ORDER BY q.i`,
    [nodeIds.slice(0, -1), nodeIds.slice(1), steps.map((step) => step.predicate)],
  );
  if (rows.length !== steps.length) throw new Error(`the edges of a path of ${steps.length} steps were not all found (${rows.length})`);
  return rows.map((row) => row.edge_id);
}

/** Distances from one end, found one breadth-first layer at a time (find-path.ts's Frontier, over fetched edges). */
class Frontier {
  readonly ball: string[];
  layer: string[];
  depth = 0;
  private readonly reached = new Map<string, number>();

  constructor(
    private readonly adjacency: FetchedAdjacency<KeyedStep>,
    start: string,
  ) {
    this.reached.set(start, 0);
    this.ball = [start];
    this.layer = [start];
  }

  distance(node: string): number {
    return this.reached.get(node) ?? -1;
  }

  /** Cost of expanding the next layer: the edges at its nodes, their degrees fetched where not known. */
  async cost(): Promise<number> {
    await this.adjacency.fetchDegrees(this.layer);
    let edges = 0;
    for (const node of this.layer) edges += this.adjacency.degree.get(node) ?? 0;
    return edges;
  }

  /** The cost when every degree of the layer is known, else undefined. */
  knownCost(): number | undefined {
    let edges = 0;
    for (const node of this.layer) {
      const degree = this.adjacency.degree.get(node);
      if (degree === undefined) return undefined;
      edges += degree;
    }
    return edges;
  }

  /** At most the cost: each node of a layer has at least the edge that reached it. */
  leastCost(): number {
    let edges = 0;
    for (const node of this.layer) edges += this.adjacency.degree.get(node) ?? 1;
    return edges;
  }

  async expand(): Promise<void> {
    await this.adjacency.fetch(this.layer);
    const next: string[] = [];
    this.depth++;
    for (const node of this.layer) {
      for (const { other } of this.adjacency.at(node)) {
        if (!this.reached.has(other)) {
          this.reached.set(other, this.depth);
          next.push(other);
          this.ball.push(other);
        }
      }
    }
    this.layer = next;
  }
}

/**
 * Whether the forward side's next layer costs no more than the backward
 * side's (find-path.ts expands that side), reading the degrees of a layer
 * only when its cost can change the answer: a layer of 45,000 nodes takes
 * 0.4 s to weigh at 100,000 articles, and is often far dearer than the other.
 */
async function forwardIsCheaper(forward: Frontier, backward: Frontier): Promise<boolean> {
  const known = backward.knownCost();
  if (known !== undefined && known < forward.leastCost()) return false;
  const cost = await forward.cost();
  if (backward.knownCost() === undefined && cost <= backward.leastCost()) return true;
  return cost <= (await backward.cost());
}

/** Edges that only say two things share an article weigh more (find-path.ts). */
const STRUCTURAL = new Set(['MENTIONS', 'CONTAINS']);

/**
 * The shortest path, chosen among equals exactly as find-path.ts chooses:
 * the same bidirectional breadth-first search (each round expands the side
 * whose next layer has fewer edges), then the fewest MENTIONS and CONTAINS
 * edges, then the edges first in edge order, edge by edge from the start.
 * Every step that needs edges fetches them for a whole layer in one
 * statement, and one more statement finds the ids of the path's edges;
 * the edges at a node come in edge order, as the in-memory adjacency gives
 * them, which is what keeps the ties alike.
 */
export async function findPathInDatabase(run: RunStatement, { fromId, toId, maxHops }: PathQuery): Promise<GraphPath | null> {
  const degrees = await nodeDegrees(run, [fromId, toId]);
  if (!degrees.has(fromId)) throw new GraphQueryError(`no node has the id ${JSON.stringify(fromId)}`, 'from');
  if (!degrees.has(toId)) throw new GraphQueryError(`no node has the id ${JSON.stringify(toId)}`, 'to');
  if (fromId === toId) return { nodeIds: [fromId], edges: [] };
  maxHops = Math.min(maxHops, 255);
  const adjacency = new FetchedAdjacency(run, STEPS);
  for (const [id, degree] of degrees) adjacency.degree.set(id, degree);
  const forward = new Frontier(adjacency, fromId);
  const backward = new Frontier(adjacency, toId);
  let length = -1;
  while (forward.depth + backward.depth < maxHops && forward.layer.length > 0 && backward.layer.length > 0) {
    const side = (await forwardIsCheaper(forward, backward)) ? forward : backward;
    await side.expand();
    const other = side === forward ? backward : forward;
    let best = Infinity;
    for (const node of side.layer) {
      const d = other.distance(node);
      if (d >= 0) best = Math.min(best, side.depth + d);
    }
    if (best !== Infinity) {
      length = best;
      break;
    }
  }
  if (length < 0) return null;

  const onPath = await usableNodes(adjacency, forward, backward, length);
  const byPosition: string[][] = Array.from({ length: length + 1 }, () => []);
  for (const [node, p] of onPath) byPosition[p].push(node);
  const rest = new Map<string, number>([[toId, 0]]);
  const weight = (step: KeyedStep) => (STRUCTURAL.has(step.predicate) ? 1 : 0);
  const stepsFrom = (node: string): KeyedStep[] => {
    const next = onPath.get(node)! + 1;
    return adjacency.at(node).filter((step) => onPath.get(step.other) === next && rest.has(step.other));
  };
  for (let p = length - 1; p >= 0; p--) {
    await adjacency.fetch(byPosition[p]);
    for (const node of byPosition[p]) {
      let least = Infinity;
      for (const step of stepsFrom(node)) least = Math.min(least, weight(step) + rest.get(step.other)!);
      if (least !== Infinity) rest.set(node, least);
    }
  }

  const nodeIds = [fromId];
  const steps: KeyedStep[] = [];
  let at = fromId;
  while (at !== toId) {
    const here = rest.get(at)!;
    // The first step in edge order that keeps to a lightest path: the first edge of its predicate between the two nodes.
    const choice = stepsFrom(at).find((step) => weight(step) + rest.get(step.other)! === here)!;
    at = choice.other;
    steps.push(choice);
    nodeIds.push(at);
  }
  const edgeIds = await edgeIdsOfSteps(run, nodeIds, steps);
  const edges = await edgesById(run, edgeIds);
  return { nodeIds, edges: edgeIds.map((id) => edges.get(id)!) };
}

/** For every node on a shortest path of `length` edges, its position on the path (find-path.ts's usableNodes). */
async function usableNodes(adjacency: FetchedAdjacency<KeyedStep>, forward: Frontier, backward: Frontier, length: number): Promise<Map<string, number>> {
  const position = new Map<string, number>();
  const meeting: string[] = [];
  for (const node of forward.ball) {
    const e = backward.distance(node);
    if (e >= 0 && forward.distance(node) + e === length) {
      position.set(node, forward.distance(node));
      meeting.push(node);
    }
  }
  for (const [side, toward] of [
    [forward, -1],
    [backward, +1],
  ] as const) {
    let layer = meeting;
    while (layer.length > 0) {
      await adjacency.fetch(layer);
      const next: string[] = [];
      for (const node of layer) {
        const here = position.get(node)!;
        const target = here + toward;
        const wanted = toward < 0 ? target : length - target;
        if (target < 0 || target > length) continue;
        for (const { other } of adjacency.at(node)) {
          if (side.distance(other) === wanted && !position.has(other)) {
            position.set(other, target);
            next.push(other);
          }
        }
      }
      layer = next;
    }
  }
  return position;
}

/**
 * The neighbourhood, in neighborhood.ts's order: breadth-first from the
 * centre, each node's neighbours in edge order, cut at `limit` nodes; then
 * the edges among them, in edge order. One statement per layer, one for the
 * edges of the last layer, one for the edges themselves.
 */
export async function neighborhoodInDatabase(run: RunStatement, { centerId, depth, limit, predicates }: NeighborhoodQuery): Promise<Neighborhood> {
  const degrees = await nodeDegrees(run, [centerId]);
  if (!degrees.has(centerId)) throw new GraphQueryError(`no node has the id ${JSON.stringify(centerId)}`, 'id');
  const follows = predicates ? new Set(predicates) : undefined;
  const adjacency = new FetchedAdjacency(run, KEYS);
  const seen = new Set([centerId]);
  const order = [centerId];
  let layer = [centerId];
  let truncated = false;
  for (let d = 0; d < depth && layer.length > 0 && !truncated; d++) {
    await adjacency.fetch(layer);
    const next: string[] = [];
    for (const node of layer) {
      for (const { other, predicate } of adjacency.at(node)) {
        if (seen.has(other) || (follows && !follows.has(predicate))) continue;
        if (order.length >= limit) {
          truncated = true;
          break;
        }
        seen.add(other);
        order.push(other);
        next.push(other);
      }
      if (truncated) break;
    }
    layer = next;
  }
  await adjacency.fetch(order);
  // At most MAX_NEIGHBORHOOD_EDGES edges, the first found from the centre outwards, as in neighborhood.ts.
  const edgeIds = new Set<string>();
  let edgesTruncated = false;
  for (const node of order) {
    for (const { edge, other, predicate } of adjacency.at(node)) {
      if (!seen.has(other) || (follows && !follows.has(predicate)) || edgeIds.has(edge)) continue;
      if (edgeIds.size >= MAX_NEIGHBORHOOD_EDGES) {
        edgesTruncated = true;
        break;
      }
      edgeIds.add(edge);
    }
    if (edgesTruncated) break;
  }
  const edges = [...(await edgesById(run, [...edgeIds])).values()];
  return { nodeIds: order, edges, truncated, edgesTruncated };
}
