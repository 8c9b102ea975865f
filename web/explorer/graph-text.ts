import type { DrawnEdge, DrawnNode } from './graph-view';
import { kindStyle } from './kinds';

/** The elements of the text list (see explorer/index.html). */
export interface GraphTextElements {
  /** A one-line summary, in an `aria-live` region: read out after each change. */
  readonly summary: HTMLElement;
  readonly nodeList: HTMLUListElement;
  readonly edgeList: HTMLUListElement;
}

/** What the list tells the page. */
export interface GraphTextEvents {
  /** A node's button was pressed. */
  readonly onSelect: (id: string) => void;
}

/**
 * The drawing as text, for screen readers and keyboards: every node (a
 * button that selects it, its kind, whether it is selected or on the path)
 * and every edge, in words.
 */
export class GraphText {
  constructor(
    private readonly elements: GraphTextElements,
    private readonly events: GraphTextEvents,
  ) {}

  /** Shows what the drawing holds now; `note` ends the summary (what just changed). */
  show(nodes: readonly DrawnNode[], edges: readonly DrawnEdge[], note = ''): void {
    const labels = new Map(nodes.map((node) => [node.id, node.label]));
    const { summary, nodeList, edgeList } = this.elements;
    const selected = nodes.find((node) => node.selected);
    summary.textContent =
      `The drawing shows ${count(nodes.length, 'node')} and ${count(edges.length, 'edge')}.` +
      (selected ? ` Selected: ${selected.label}.` : '') +
      (note ? ` ${note}` : '');

    nodeList.replaceChildren(
      ...nodes.map((node) => {
        const item = document.createElement('li');
        item.dataset.nodeId = node.id;
        item.dataset.kind = node.kind;
        item.dataset.onPath = String(node.onPath);
        const button = document.createElement('button');
        button.type = 'button';
        button.textContent = node.label;
        if (node.selected) button.setAttribute('aria-current', 'true');
        button.addEventListener('click', () => this.events.onSelect(node.id));
        const kind = document.createElement('span');
        kind.className = 'kind-name';
        kind.textContent = ` ${kindStyle(node.kind).name}`;
        item.append(button, kind);
        if (node.selected) item.append(badge('selected'));
        if (node.onPath) item.append(badge('on the path'));
        return item;
      }),
    );

    edgeList.replaceChildren(
      ...edges.map((edge) => {
        const item = document.createElement('li');
        item.dataset.edgeId = edge.id;
        item.dataset.onPath = String(edge.onPath);
        const predicate = edge.qualifier ? `${edge.predicate} (${edge.qualifier})` : edge.predicate;
        item.textContent = `${labels.get(edge.from) ?? edge.from} — ${predicate} → ${labels.get(edge.to) ?? edge.to}`;
        if (edge.onPath) item.append(badge('on the path'));
        return item;
      }),
    );
  }
}

function badge(text: string): HTMLElement {
  const element = document.createElement('span');
  element.className = 'badge';
  element.textContent = ` (${text})`;
  return element;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
