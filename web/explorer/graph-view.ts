import cytoscape, { type Core, type ElementDefinition, type NodeSingular } from 'cytoscape';
import { KIND_STYLES } from './kinds';
import type { GraphNode, Subgraph } from './queries';

/** A node of the drawing, as the text list shows it. */
export interface DrawnNode extends GraphNode {
  readonly selected: boolean;
  readonly onPath: boolean;
}

/** An edge of the drawing, as the text list shows it. */
export interface DrawnEdge {
  readonly id: string;
  readonly predicate: string;
  readonly qualifier: string | null;
  readonly from: string;
  readonly to: string;
  readonly onPath: boolean;
}

/** What the drawing tells the page. */
export interface GraphViewEvents {
  /** A node was clicked (or tapped). */
  readonly onSelect: (id: string) => void;
  /** A node was double-clicked: its neighbours are wanted. */
  readonly onExpand: (id: string) => void;
  /** The drawing was laid out and rendered after a change. */
  readonly onDrawn: () => void;
}

/** Cytoscape's stylesheet: colour and shape by kind, edge labels by predicate, the selection and the path. */
function stylesheet(): cytoscape.StylesheetJson {
  return [
    {
      selector: 'node',
      style: {
        label: 'data(short)',
        'font-family': 'system-ui, sans-serif',
        'font-size': 11,
        color: '#1b1f24',
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'text-wrap': 'ellipsis',
        'text-max-width': '140px',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.8,
        'text-background-padding': '1px',
        width: 30,
        height: 30,
        'border-width': 1,
        'border-color': '#ffffff',
      },
    },
    ...KIND_STYLES.map((kind) => ({ selector: `node[kind = "${kind.kind}"]`, style: { 'background-color': kind.colour, shape: kind.shape } })),
    {
      selector: 'edge',
      style: {
        label: 'data(predicate)',
        'font-size': 9,
        color: '#57606a',
        'text-rotation': 'autorotate',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.8,
        'text-background-padding': '1px',
        width: 1.5,
        'line-color': '#afb8c1',
        'target-arrow-color': '#afb8c1',
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.8,
        'curve-style': 'bezier',
      },
    },
    { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#1b1f24' } },
    { selector: 'node.on-path', style: { 'border-width': 4, 'border-color': '#cf222e', 'font-weight': 'bold' } },
    { selector: 'edge.on-path', style: { width: 4, 'line-color': '#cf222e', 'target-arrow-color': '#cf222e', color: '#cf222e', 'z-index': 10 } },
  ];
}

/** A label short enough to draw; the full one is in the text list and the details. */
function shortLabel(label: string): string {
  return label.length > 40 ? `${label.slice(0, 39)}…` : label;
}

/**
 * The drawing of the graph, on cytoscape.js (canvas): nodes and edges are
 * merged in as they are fetched, never duplicated, and laid out again with
 * the nodes already drawn kept near where they were.
 */
export class GraphView {
  private readonly cy: Core;
  private readonly events: GraphViewEvents;
  /** Nodes in the order they were first drawn, for a stable text list. */
  private readonly order: string[] = [];

  constructor(container: HTMLElement, events: GraphViewEvents) {
    this.events = events;
    this.cy = cytoscape({
      container,
      style: stylesheet(),
      minZoom: 0.2,
      maxZoom: 3,
      boxSelectionEnabled: false,
      selectionType: 'single',
    });
    this.cy.on('tap', 'node', (event) => events.onSelect((event.target as NodeSingular).id()));
    this.cy.on('dbltap', 'node', (event) => events.onExpand((event.target as NodeSingular).id()));
  }

  /** Whether the node is drawn. */
  has(id: string): boolean {
    return this.cy.getElementById(id).nonempty();
  }

  /** How many nodes are drawn. */
  get nodeCount(): number {
    return this.order.length;
  }

  /**
   * Adds the nodes and edges not drawn yet, new nodes starting beside
   * `around` (or the middle), and lays the drawing out again. Returns how
   * many nodes were added.
   */
  merge(graph: Subgraph, around?: string): number {
    const anchor = around !== undefined && this.has(around) ? this.cy.getElementById(around).position() : { x: 0, y: 0 };
    const firstDrawing = this.order.length === 0;
    const added: ElementDefinition[] = [];
    for (const node of graph.nodes) {
      if (this.has(node.id) || added.some((element) => element.data.id === node.id)) continue;
      added.push({
        group: 'nodes',
        data: { id: node.id, kind: node.kind, label: node.label, short: shortLabel(node.label) },
        position: { x: anchor.x + (Math.random() - 0.5) * 80, y: anchor.y + (Math.random() - 0.5) * 80 },
      });
      this.order.push(node.id);
    }
    for (const edge of graph.edges) {
      if (this.has(edge.id) || added.some((element) => element.data.id === edge.id)) continue;
      added.push({ group: 'edges', data: { id: edge.id, source: edge.from.id, target: edge.to.id, predicate: edge.predicate, qualifier: edge.qualifier } });
    }
    const nodesAdded = added.filter((element) => element.group === 'nodes').length;
    if (added.length > 0) {
      this.cy.add(added);
      this.layOut(firstDrawing);
    } else {
      this.afterRender();
    }
    return nodesAdded;
  }

  /** Removes everything drawn. */
  clear(): void {
    this.cy.elements().remove();
    this.order.length = 0;
  }

  /** Marks the node as selected (one at a time). */
  select(id: string): void {
    this.cy.nodes(':selected').unselect();
    this.cy.getElementById(id).select();
  }

  /** Highlights a path: its nodes and edges, and nothing else. */
  highlightPath(nodeIds: readonly string[], edgeIds: readonly string[]): void {
    this.cy.elements('.on-path').removeClass('on-path');
    for (const id of [...nodeIds, ...edgeIds]) this.cy.getElementById(id).addClass('on-path');
  }

  /** Zooms to show every node. */
  fit(): void {
    this.cy.fit(undefined, 30);
  }

  /** The nodes drawn, in the order they were first drawn. */
  nodes(): DrawnNode[] {
    return this.order.map((id) => {
      const node = this.cy.getElementById(id);
      return { id, kind: node.data('kind'), label: node.data('label'), selected: node.selected(), onPath: node.hasClass('on-path') };
    });
  }

  /** The edges drawn, in the order they were added. */
  edges(): DrawnEdge[] {
    return this.cy.edges().map((edge) => ({
      id: edge.id(),
      predicate: edge.data('predicate'),
      qualifier: edge.data('qualifier'),
      from: edge.source().id(),
      to: edge.target().id(),
      onPath: edge.hasClass('on-path'),
    }));
  }

  /** The label of a drawn node. */
  labelOf(id: string): string {
    return this.cy.getElementById(id).data('label') ?? id;
  }

  private layOut(firstDrawing: boolean): void {
    const layout = this.cy.layout({
      name: 'cose',
      animate: false,
      // A first drawing starts from nothing; later ones keep what the reader has already seen about where it was.
      randomize: firstDrawing,
      nodeDimensionsIncludeLabels: true,
      idealEdgeLength: () => 90,
      nodeRepulsion: () => 9000,
      numIter: 600,
      padding: 30,
      fit: true,
    });
    layout.one('layoutstop', () => this.afterRender());
    layout.run();
  }

  /** Tells the page once the canvas has painted the change. */
  private afterRender(): void {
    requestAnimationFrame(() => this.events.onDrawn());
  }
}
