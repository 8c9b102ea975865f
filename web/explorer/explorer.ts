/**
 * The graph explorer at /explore: search, a drawing of neighbourhoods that
 * grows as nodes are expanded, paths between two nodes, and the details and
 * evidence of the selected node. It uses the public GraphQL API only; every
 * string from it is put in the page as text (textContent, text nodes), never
 * as HTML.
 */
import { DetailsPanel } from './details-panel';
import { GraphText } from './graph-text';
import { GraphView } from './graph-view';
import { renderLegend } from './legend';
import { PathFinder } from './path-finder';
import { fetchDetails, fetchNeighborhood, fetchPath, type GraphNode, NEIGHBORHOOD_LIMIT, PATH_MAX_HOPS } from './queries';
import { SearchPanel } from './search-panel';

/** The performance mark set when the first neighbourhood has been drawn (read by the browser test and by hand in devtools). */
export const FIRST_DRAWING_MARK = 'explorer:first-drawing';

function byId<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`explorer: the page has no #${id}`);
  return found as T;
}

const alertLine = byId<HTMLElement>('explorer-alert');
const graphPanel = byId<HTMLElement>('graph-panel');
const expandButton = byId<HTMLButtonElement>('expand-button');
const fitButton = byId<HTMLButtonElement>('fit-button');
const pathStatus = byId<HTMLElement>('path-status');

let selected: string | undefined;
let searchResults: readonly GraphNode[] = [];
let firstDrawingMarked = false;
/** What the next summary says has changed, once the drawing has been redrawn. */
let pendingNote = '';
/** Details answers that arrive after another node was selected are dropped. */
let detailsSequence = 0;

const view = new GraphView(byId('graph'), {
  onSelect: (id) => void select(id),
  onExpand: (id) => void expand(id),
  onDrawn: () => {
    if (!firstDrawingMarked && view.nodeCount > 0) {
      firstDrawingMarked = true;
      performance.mark(FIRST_DRAWING_MARK);
    }
    refresh(pendingNote);
    pendingNote = '';
  },
});
const text = new GraphText(
  { summary: byId('drawing-summary'), nodeList: byId('node-list'), edgeList: byId('edge-list') },
  { onSelect: (id) => void select(id) },
);
const details = new DetailsPanel(byId('details'), { onSelect: (id) => void select(id) });
const pathFinder = new PathFinder(
  { form: byId('path-form'), from: byId('path-from'), to: byId('path-to'), submit: byId('path-button') },
  { onFind: (from, to) => void findPath(from, to) },
);
new SearchPanel(
  { form: byId('search-form'), input: byId('search-input'), results: byId('search-results'), status: byId('search-status') },
  {
    onChoose: (hit) => void explore(hit.node.id),
    onResults: (hits) => {
      // Only the path finder's choices change: the drawing, and its announced summary, stay as they are.
      searchResults = hits.map((hit) => hit.node);
      pathFinder.offer({ drawn: view.nodes(), found: searchResults }, selected);
    },
  },
);
renderLegend(byId('legend'));

/** Updates the text list, the path finder's choices and the buttons to what is drawn. */
function refresh(note = ''): void {
  text.show(view.nodes(), view.edges(), note);
  pathFinder.offer({ drawn: view.nodes(), found: searchResults }, selected);
  expandButton.disabled = selected === undefined;
  expandButton.textContent = selected === undefined ? 'Expand neighbours' : `Expand neighbours of ${view.labelOf(selected)}`;
  fitButton.disabled = view.nodeCount === 0;
}

/** Runs one step that talks to the API, marking the drawing busy and saying what went wrong. */
async function busy(step: () => Promise<void>): Promise<void> {
  graphPanel.setAttribute('aria-busy', 'true');
  alertLine.textContent = '';
  try {
    await step();
  } catch (error) {
    alertLine.textContent = `Could not load from the service: ${(error as Error).message}`;
  } finally {
    graphPanel.removeAttribute('aria-busy');
  }
}

/** Starts over from one node: a new drawing of its neighbourhood, and its details. */
function explore(id: string): Promise<void> {
  return busy(async () => {
    const neighborhood = await fetchNeighborhood(id);
    view.clear();
    pathStatus.textContent = '';
    selected = id;
    pendingNote = `Drew the neighbourhood of ${neighborhood.nodes[0]?.label ?? id}${neighborhood.truncated ? `, cut at ${NEIGHBORHOOD_LIMIT} nodes` : ''}.`;
    view.merge(neighborhood);
    view.select(id);
    await showDetails(id);
  });
}

/** Adds a node's neighbours to the drawing. */
function expand(id: string): Promise<void> {
  return busy(async () => {
    const neighborhood = await fetchNeighborhood(id);
    const before = view.nodeCount;
    const added = view.merge(neighborhood, id);
    const label = view.labelOf(id);
    pendingNote =
      added === 0
        ? `Every neighbour of ${label} was drawn already.`
        : `Expanded ${label}: ${added} new node${added === 1 ? '' : 's'}, ${before + added} in all.`;
  });
}

/** Selects a node: its details, and the node itself added to the drawing when it was not in it. */
function select(id: string): Promise<void> {
  return busy(async () => {
    selected = id;
    if (!view.has(id)) {
      const neighborhood = await fetchNeighborhood(id);
      view.merge(neighborhood);
    }
    view.select(id);
    refresh();
    await showDetails(id);
  });
}

async function showDetails(id: string): Promise<void> {
  const sequence = ++detailsSequence;
  details.message('Loading…');
  history.replaceState(null, '', `?node=${encodeURIComponent(id)}`);
  const node = await fetchDetails(id);
  if (sequence !== detailsSequence) return;
  if (node) details.show(node);
  else details.message(`There is no node ${id}.`);
}

/** Finds a shortest path, adds it to the drawing and highlights it. */
function findPath(from: string, to: string): Promise<void> {
  return busy(async () => {
    pathStatus.textContent = 'Looking for a path…';
    const path = await fetchPath(from, to);
    if (!path) {
      view.highlightPath([], []);
      pathStatus.textContent = `No path within ${PATH_MAX_HOPS} edges.`;
      refresh('No path found.');
      return;
    }
    const summary = `${path.hops} edge${path.hops === 1 ? '' : 's'}: ${path.nodes.map((node) => node.label).join(' → ')}`;
    pendingNote = `Highlighted a path of ${summary}.`;
    // The drawing is redrawn (and the text list refreshed) after this turn, with the path highlighted.
    view.merge(path, from);
    view.highlightPath(
      path.nodes.map((node) => node.id),
      path.edges.map((edge) => edge.id),
    );
    pathStatus.textContent = `Path of ${summary}.`;
  });
}

expandButton.addEventListener('click', () => {
  if (selected !== undefined) void expand(selected);
});
fitButton.addEventListener('click', () => view.fit());

refresh();
details.message('Search for something, then choose a result to see its details here.');
// A link to /explore?node=<id> opens that node (the page keeps its address in step with the selection).
const linked = new URLSearchParams(location.search).get('node');
if (linked) void explore(linked);
