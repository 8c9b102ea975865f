import { kindStyle } from './kinds';
import type { GraphNode } from './queries';

/** The elements of the path finder (see explorer/index.html). */
export interface PathFinderElements {
  readonly form: HTMLFormElement;
  readonly from: HTMLSelectElement;
  readonly to: HTMLSelectElement;
  readonly submit: HTMLButtonElement;
}

/** What the path finder tells the page. */
export interface PathFinderEvents {
  /** A path between the two chosen nodes is wanted. */
  readonly onFind: (from: string, to: string) => void;
}

/** Groups of nodes to choose from, each shown under its heading. */
export interface PathChoices {
  readonly drawn: readonly GraphNode[];
  readonly found: readonly GraphNode[];
}

function optionsOf(nodes: readonly GraphNode[]): HTMLOptionElement[] {
  return [...nodes].sort((a, b) => a.label.localeCompare(b.label)).map((node) => new Option(`${node.label} (${kindStyle(node.kind).name})`, node.id));
}

/**
 * Two lists to choose the ends of a path from: the nodes drawn, and the last
 * search's results. The choices are kept across updates where they still exist.
 */
export class PathFinder {
  /** The start last offered: a new selection becomes the start, but the reader's own choice is kept until then. */
  private offeredFrom: string | undefined;

  constructor(
    private readonly elements: PathFinderElements,
    events: PathFinderEvents,
  ) {
    elements.form.addEventListener('submit', (event) => {
      event.preventDefault();
      const { from, to } = this.elements;
      if (from.value && to.value) events.onFind(from.value, to.value);
    });
  }

  /** Offers these nodes; `from` (the selected node) becomes the start when it is not the one offered last time. */
  offer(choices: PathChoices, from?: string): void {
    const drawnIds = new Set(choices.drawn.map((node) => node.id));
    const found = choices.found.filter((node) => !drawnIds.has(node.id));
    for (const select of [this.elements.from, this.elements.to]) {
      const kept = select === this.elements.from && from !== undefined && from !== this.offeredFrom ? from : select.value;
      const groups: HTMLOptGroupElement[] = [];
      for (const [label, nodes] of [
        ['In the drawing', choices.drawn],
        ['Search results', found],
      ] as const) {
        if (nodes.length === 0) continue;
        const group = document.createElement('optgroup');
        group.label = label;
        group.append(...optionsOf(nodes));
        groups.push(group);
      }
      select.replaceChildren(...groups);
      if ([...select.options].some((option) => option.value === kept)) select.value = kept;
    }
    this.offeredFrom = from;
    this.elements.submit.disabled = choices.drawn.length + found.length < 2;
  }
}
