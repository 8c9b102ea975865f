import { evidenceParts } from './evidence';
import { kindStyle } from './kinds';
import type { NodeDetails, NodeRef, Span } from './queries';
import { formatFigure } from './figure-text';

/** What the panel tells the page. */
export interface DetailsPanelEvents {
  /** A node named in the details (a speaker, a quote) was chosen. */
  readonly onSelect: (id: string) => void;
}

/** Creates an element with text content: every string from the API goes in as text, never as HTML. */
function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const created = document.createElement(tag);
  if (text !== undefined) created.textContent = text;
  if (className !== undefined) created.className = className;
  return created;
}

/** A `<p>` of the paragraph with the words in a `<mark>`, built from text nodes (never parsed as HTML). */
function evidenceParagraph(text: string, start: number, end: number): HTMLParagraphElement {
  const parts = evidenceParts(text, start, end);
  const paragraph = element('p', undefined, 'evidence');
  paragraph.append(parts.before, element('mark', parts.marked), parts.after);
  return paragraph;
}

/** A link out, only for http(s) addresses (an IRI of another scheme stays text). */
function externalLink(address: string): HTMLElement {
  let url: URL | undefined;
  try {
    url = new URL(address);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) return element('span', address);
  const link = element('a', address);
  link.href = url.href;
  link.rel = 'noopener noreferrer';
  return link;
}

/**
 * The details of the selected node: for an entity its roles, quotes, claims
 * and figures; for an article its text; for a quote, claim or figure the
 * paragraph of its article with the words it rests on marked. Names of other
 * nodes are buttons that select them.
 */
export class DetailsPanel {
  constructor(
    private readonly container: HTMLElement,
    private readonly events: DetailsPanelEvents,
  ) {}

  /** Says what is happening instead of details (loading, nothing selected, an error). */
  message(text: string): void {
    this.container.replaceChildren(element('p', text, 'details-message'));
  }

  /** Shows a node's details. */
  show(node: NodeDetails): void {
    const parts: HTMLElement[] = [];
    const heading = element('h3', node.label, 'details-title');
    const kind = element('p', kindStyle(node.kind).name, 'details-kind');
    const id = element('p', undefined, 'details-id');
    id.append('id ', element('code', node.id));
    parts.push(heading, kind, id);

    switch (node.kind) {
      case 'ARTICLE':
        parts.push(...this.article(node));
        break;
      case 'QUOTE':
        parts.push(...this.quote(node));
        break;
      case 'CLAIM':
        parts.push(...this.claim(node));
        break;
      case 'FIGURE':
        parts.push(...this.figure(node));
        break;
      default:
        parts.push(...this.entity(node));
    }
    this.container.replaceChildren(...parts);
  }

  private nodeButton(ref: NodeRef, text = ref.label): HTMLButtonElement {
    const button = element('button', text, 'node-link');
    button.type = 'button';
    button.dataset.nodeId = ref.id;
    button.addEventListener('click', () => this.events.onSelect(ref.id));
    return button;
  }

  private section(title: string, items: readonly HTMLElement[], total?: number): HTMLElement[] {
    if (items.length === 0) return [];
    const shown = total !== undefined && total > items.length ? ` (${items.length} of ${total})` : '';
    const list = element('ul', undefined, 'details-list');
    list.append(...items);
    return [element('h4', `${title}${shown}`), list];
  }

  private evidence(span: Span | undefined): HTMLElement[] {
    if (!span) return [];
    const box = element('figure', undefined, 'evidence-box');
    const caption = element('figcaption');
    caption.append('In ', this.nodeButton({ id: span.article.id, kind: 'ARTICLE', label: span.article.headline }), ' (the words it rests on are marked):');
    box.append(caption, evidenceParagraph(span.article.text, span.start, span.end));
    return [element('h4', 'Evidence'), box];
  }

  private entity(node: NodeDetails): HTMLElement[] {
    const parts: HTMLElement[] = [];
    if (node.description) parts.push(element('p', node.description, 'details-description'));
    if (node.aliases && node.aliases.length > 0) parts.push(element('p', `Also called: ${node.aliases.join(', ')}`));
    if (node.roles) {
      parts.push(
        ...this.section(
          'Roles',
          node.roles.map((role) => {
            const item = element('li');
            item.append(`${role.title} at `, this.nodeButton(role.organization));
            for (const span of role.spans) item.append(element('q', span.text, 'span-words'));
            return item;
          }),
        ),
      );
    }
    if (node.members) {
      parts.push(
        ...this.section(
          'Members',
          node.members.map((member) => {
            const item = element('li');
            item.append(this.nodeButton(member.person), `, ${member.title}`);
            return item;
          }),
        ),
      );
    }
    if (node.quotes) {
      parts.push(
        ...this.section(
          'Quotes',
          node.quotes.nodes.map((quote) => {
            const item = element('li');
            item.append(this.nodeButton({ id: quote.id, kind: 'QUOTE', label: quote.text }, `“${quote.text}”`));
            return item;
          }),
          node.quotes.totalCount,
        ),
      );
    }
    if (node.claims) {
      parts.push(
        ...this.section(
          'Claims',
          node.claims.nodes.map((claim) => {
            const item = element('li');
            item.append(
              this.nodeButton({ id: claim.id, kind: 'CLAIM', label: claim.text }),
              element('span', ` ${claim.attribution.toLowerCase().replace('_', ' ')}`, 'attribution'),
            );
            return item;
          }),
          node.claims.totalCount,
        ),
      );
    }
    if (node.figures) {
      parts.push(
        ...this.section(
          'Figures',
          node.figures.nodes.map((figure) => {
            const item = element('li');
            item.append(this.nodeButton({ id: figure.id, kind: 'FIGURE', label: figure.label }), `: ${formatFigure(figure)}`);
            return item;
          }),
          node.figures.totalCount,
        ),
      );
    }
    if (node.sameAs && node.sameAs.length > 0) {
      parts.push(
        ...this.section(
          'Same as',
          node.sameAs.map((iri) => {
            const item = element('li');
            item.append(externalLink(iri));
            return item;
          }),
        ),
      );
    }
    return parts;
  }

  private article(node: NodeDetails): HTMLElement[] {
    const parts: HTMLElement[] = [];
    if (node.description) parts.push(element('p', node.description, 'details-description'));
    if (node.publishedAt) parts.push(element('p', `Published ${node.publishedAt}`));
    if (node.url) {
      const source = element('p');
      source.append('Source: ', externalLink(node.url));
      parts.push(source);
    }
    const text = element('div', undefined, 'article-text');
    for (const paragraph of (node.text ?? '').split('\n')) text.append(element('p', paragraph));
    parts.push(element('h4', 'Text'), text);
    return parts;
  }

  private quote(node: NodeDetails): HTMLElement[] {
    const parts: HTMLElement[] = [element('blockquote', node.text ?? '', 'quote-text')];
    if (node.speaker) {
      const speaker = element('p');
      speaker.append('Said by ', this.nodeButton(node.speaker));
      parts.push(speaker);
    }
    return [...parts, ...this.evidence(node.span)];
  }

  private claim(node: NodeDetails): HTMLElement[] {
    const parts: HTMLElement[] = [element('p', node.text ?? '', 'claim-text')];
    const who = element('p');
    if (node.claimant) who.append(`${(node.attribution ?? '').toLowerCase().replace('_', ' ')} by `, this.nodeButton(node.claimant));
    else who.append('editorial: the article’s own voice');
    parts.push(who);
    if (node.subjects && node.subjects.length > 0) {
      const about = element('p');
      about.append('About ');
      node.subjects.forEach((subject, index) => about.append(index === 0 ? '' : ', ', this.nodeButton(subject)));
      parts.push(about);
    }
    return [...parts, ...this.evidence(node.span)];
  }

  private figure(node: NodeDetails): HTMLElement[] {
    const parts: HTMLElement[] = [element('p', formatFigure(node), 'figure-value')];
    if (node.subject) {
      const subject = element('p');
      subject.append('Of ', this.nodeButton(node.subject));
      parts.push(subject);
    }
    return [...parts, ...this.evidence(node.span)];
  }
}
