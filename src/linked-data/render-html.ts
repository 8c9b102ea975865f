import type { JsonLdNode } from './describe-nodes';

/** Text as HTML, every markup character escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** JSON inside a `<script>` element: `<`, `>` and `&` escaped, so that no text of the data can close the element (https://html.spec.whatwg.org/multipage/scripting.html#restrictions-for-contents-of-script-elements). */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** What each list of a document is called on its page. */
const LIST_TITLES: Readonly<Record<string, string>> = {
  mentions: 'Mentions',
  hasPart: 'Quotes, claims and figures, in text order',
  spokenByCharacter: 'Said by',
  isPartOf: 'In article',
  supports: 'Supports the claims',
  author: 'Claimant',
  about: 'About',
  appearance: 'In article',
  isBasedOn: 'Rests on the quotes',
  states: 'States the figures',
  measures: 'A quantity of',
  statedBy: 'Stated by the claim',
  memberOf: 'Roles',
  member: 'Members',
  location: 'Based in',
  performerIn: 'Spoke at',
  competesWith: 'Competes with',
  hosted: 'Hosted',
  hasRelationshipWith: 'Has a relationship with',
  governs: 'Governs',
  partOf: 'Part of',
  mentionedIn: 'Mentioned in',
  quotations: 'Quotes said',
  claimsMade: 'Claims made',
  claimsAbout: 'Claims about it',
  measuredBy: 'Figures about it',
  sameAs: 'Same as',
};

/** What a type is called on a page. */
const TYPE_NAMES: Readonly<Record<string, string>> = {
  NewsArticle: 'Article',
  DefinedTerm: 'Topic',
  Quotation: 'Quote',
  MonetaryAmount: 'Figure (money)',
  QuantitativeValue: 'Figure',
};

const typeName = (type: unknown) => TYPE_NAMES[String(type)] ?? String(type);

/** The words a node goes by on a page. */
function labelOf(node: JsonLdNode): string {
  return String(node.name ?? node.headline ?? node.text ?? node['@id'] ?? '');
}

/** A link to another node's IRI, with its label and type. */
function linkTo(value: unknown): string {
  if (typeof value === 'string') return `<a href="${escapeHtml(value)}">${escapeHtml(value)}</a>`;
  const node = value as JsonLdNode;
  if (node['@type'] === 'OrganizationRole') {
    const other = (node.memberOf ?? node.member) as JsonLdNode;
    return `${escapeHtml(String(node.roleName))}: ${linkTo(other)}`;
  }
  const type = node['@type'] === undefined ? '' : ` <small>${escapeHtml(typeName(node['@type']))}</small>`;
  return `<a href="${escapeHtml(String(node['@id']))}">${escapeHtml(labelOf(node))}</a>${type}`;
}

/** The words of an annotation's TextQuoteSelector, the exact ones marked. */
function provenanceOf(annotation: JsonLdNode): string {
  const target = annotation.target as JsonLdNode;
  const [position, quote] = target.selector as JsonLdNode[];
  return (
    `<p class="provenance">From <a href="${escapeHtml(String(target.source))}">the article</a>, characters ${position.start}–${position.end}: ` +
    `<q>${quote.prefix ? `…${escapeHtml(String(quote.prefix))}` : ''}<mark>${escapeHtml(String(quote.exact))}</mark>${quote.suffix ? `${escapeHtml(String(quote.suffix))}…` : ''}</q></p>`
  );
}

const LITERALS: readonly [string, string][] = [
  ['alternateName', 'Also called'],
  ['attribution', 'Attribution'],
  ['value', 'Value'],
  ['minValue', 'From'],
  ['maxValue', 'To'],
  ['currency', 'Currency'],
  ['unitText', 'Unit'],
  ['counted', 'Counted'],
  ['qualifier', 'Qualifier'],
  ['period', 'Period'],
  ['datePublished', 'Published'],
];

/**
 * A readable page of a node's JSON-LD document: its name, kind and
 * description, its plain values, its words in the article, its text (for
 * an article), and each list as links to the IRIs of the nodes in it. The
 * document itself is in `<script type="application/ld+json">`, as news
 * sites publish schema.org. Every value is escaped.
 */
export function renderNodePage(document: JsonLdNode): string {
  const parts: string[] = [];
  const label = labelOf(document);
  parts.push(`<p class="kind">${escapeHtml(typeName(document['@type']))}</p>`, `<h1>${escapeHtml(label)}</h1>`);
  if (document.description) parts.push(`<p class="description">${escapeHtml(String(document.description))}</p>`);
  const values = LITERALS.filter(([term]) => document[term] !== undefined).map(
    ([term, title]) => `<dt>${title}</dt><dd>${escapeHtml([document[term]].flat().map(String).join(', '))}</dd>`,
  );
  const change = document.change as JsonLdNode | undefined;
  if (change) {
    const amount = change.value ?? change.minValue ?? change.maxValue;
    const words = [change.direction, change.qualifier, amount, change.unitText ?? change.currency, change.basis].filter((w) => w !== undefined);
    values.push(`<dt>Change</dt><dd>${escapeHtml(words.map(String).join(' '))}</dd>`);
  }
  if (document.url) values.push(`<dt>Published at</dt><dd>${linkTo(document.url)}</dd>`);
  if (values.length > 0) parts.push(`<dl>${values.join('')}</dl>`);
  if (document.annotation) parts.push(provenanceOf(document.annotation as JsonLdNode));
  if (document.articleBody)
    parts.push(
      '<h2>Text</h2>',
      ...String(document.articleBody)
        .split(/\n+/)
        .map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`),
    );
  for (const [term, title] of Object.entries(LIST_TITLES)) {
    const value = document[term];
    if (value === undefined) continue;
    parts.push(
      `<h2>${title}</h2>`,
      `<ul>${[value]
        .flat()
        .map((item) => `<li>${linkTo(item)}</li>`)
        .join('')}</ul>`,
    );
  }
  for (const more of (document.more as JsonLdNode[] | undefined) ?? []) {
    const title = LIST_TITLES[String(more.list)] ?? String(more.list);
    parts.push(
      `<p class="more">${escapeHtml(title)}: ${more.totalItems} in all${more.next ? `, <a href="${escapeHtml(String(more.next))}">the next ones</a>` : ' (all of them through GraphQL)'}.</p>`,
    );
  }
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(label)} · newsgraph</title>`,
    `<link rel="alternate" type="application/ld+json" href="${escapeHtml(String(document['@id']))}">`,
    `<script type="application/ld+json">${jsonForScript(document)}</script>`,
    '<style>body{font:16px/1.5 system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem}.kind,small{color:#666}mark{background:#fe8}</style>',
    '</head>',
    '<body>',
    '<main>',
    ...parts,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
