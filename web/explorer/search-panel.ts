import { kindStyle } from './kinds';
import { type SearchHit, searchNodes } from './queries';

/** The elements of the search panel (see explorer/index.html). */
export interface SearchPanelElements {
  readonly form: HTMLFormElement;
  /** The combobox: focus stays here while the arrow keys move through the results. */
  readonly input: HTMLInputElement;
  readonly results: HTMLUListElement;
  /** An `aria-live` line: how many results, or why there are none. */
  readonly status: HTMLElement;
}

/** What the panel tells the page. */
export interface SearchPanelEvents {
  /** A result was chosen (Enter, or a click). */
  readonly onChoose: (hit: SearchHit) => void;
  /** New results arrived. */
  readonly onResults: (hits: readonly SearchHit[]) => void;
}

/** Milliseconds of no typing before a search runs by itself. */
const TYPING_PAUSE_MS = 250;

/**
 * Search as an ARIA combobox with a listbox of results
 * (https://www.w3.org/WAI/ARIA/apg/patterns/combobox/): typing searches
 * after a pause, Enter searches at once or chooses the active result, the
 * arrow keys move through the results (Home and End to the ends), Escape
 * leaves them.
 */
export class SearchPanel {
  private hits: readonly SearchHit[] = [];
  private active = -1;
  /** Answers of an older search that arrive late are dropped. */
  private sequence = 0;
  private lastQuery = '';
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly elements: SearchPanelElements,
    private readonly events: SearchPanelEvents,
  ) {
    const { form, input, results } = elements;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (this.active >= 0) this.choose(this.active);
      else void this.search(input.value, true);
    });
    input.addEventListener('input', () => {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.search(input.value, false), TYPING_PAUSE_MS);
    });
    input.addEventListener('keydown', (event) => this.onKey(event));
    results.addEventListener('mousedown', (event) => event.preventDefault());
  }

  /** Runs a search and shows its results; `again` runs it even when the words have not changed. */
  async search(text: string, again: boolean): Promise<void> {
    clearTimeout(this.timer);
    const query = text.trim();
    if (query === '' || (!again && query === this.lastQuery)) return;
    this.lastQuery = query;
    const sequence = ++this.sequence;
    this.elements.status.textContent = `Searching for “${query}”…`;
    try {
      const { totalCount, hits } = await searchNodes(query);
      if (sequence !== this.sequence) return;
      this.show(hits);
      this.elements.status.textContent =
        hits.length === 0
          ? `No results for “${query}”.`
          : `${totalCount} result${totalCount === 1 ? '' : 's'} for “${query}”${totalCount > hits.length ? `, the first ${hits.length} shown` : ''}. Use the arrow keys to move through them and Enter to choose one.`;
      this.events.onResults(hits);
    } catch (error) {
      if (sequence !== this.sequence) return;
      this.show([]);
      this.elements.status.textContent = `Search failed: ${(error as Error).message}`;
    }
  }

  private show(hits: readonly SearchHit[]): void {
    this.hits = hits;
    this.active = -1;
    const { input, results } = this.elements;
    results.replaceChildren(
      ...hits.map((hit, index) => {
        const option = document.createElement('li');
        option.id = `search-result-${index}`;
        option.setAttribute('role', 'option');
        option.setAttribute('aria-selected', 'false');
        option.dataset.nodeId = hit.node.id;
        const label = document.createElement('span');
        label.className = 'result-label';
        label.textContent = hit.node.label;
        const kind = document.createElement('span');
        kind.className = 'kind-name';
        kind.textContent = ` ${kindStyle(hit.node.kind).name}`;
        const snippet = document.createElement('span');
        snippet.className = 'result-snippet';
        snippet.textContent = hit.snippet;
        option.append(label, kind, snippet);
        option.addEventListener('click', () => this.choose(index));
        return option;
      }),
    );
    input.setAttribute('aria-expanded', String(hits.length > 0));
    input.removeAttribute('aria-activedescendant');
  }

  private onKey(event: KeyboardEvent): void {
    const last = this.hits.length - 1;
    if (last < 0) return;
    const moves: Record<string, number> = {
      ArrowDown: this.active >= last ? 0 : this.active + 1,
      ArrowUp: this.active <= 0 ? last : this.active - 1,
      Home: 0,
      End: last,
    };
    if (event.key in moves && (event.key.startsWith('Arrow') || this.active >= 0)) {
      event.preventDefault();
      this.setActive(moves[event.key]);
    } else if (event.key === 'Escape' && this.active >= 0) {
      event.preventDefault();
      this.setActive(-1);
    }
  }

  private setActive(index: number): void {
    const { input, results } = this.elements;
    this.active = index;
    const options = [...results.children] as HTMLElement[];
    options.forEach((option, at) => {
      option.setAttribute('aria-selected', String(at === index));
      option.classList.toggle('active', at === index);
    });
    if (index < 0) {
      input.removeAttribute('aria-activedescendant');
      return;
    }
    input.setAttribute('aria-activedescendant', options[index].id);
    options[index].scrollIntoView({ block: 'nearest' });
  }

  private choose(index: number): void {
    const hit = this.hits[index];
    if (!hit) return;
    this.setActive(index);
    this.events.onChoose(hit);
  }
}
