/** The kinds of node the API has (its `NodeKind` enum). */
export type NodeKind = 'ARTICLE' | 'PERSON' | 'ORGANIZATION' | 'PLACE' | 'EVENT' | 'TOPIC' | 'QUOTE' | 'CLAIM' | 'FIGURE';

/** How a kind is drawn: a cytoscape shape, a colour, and the points of the same shape for the legend's SVG (in a 20 × 20 box). */
export interface KindStyle {
  readonly kind: NodeKind;
  /** The kind in words, for the legend and lists. */
  readonly name: string;
  readonly colour: string;
  readonly shape: 'ellipse' | 'round-rectangle' | 'hexagon' | 'triangle' | 'star' | 'pentagon' | 'tag' | 'diamond' | 'barrel';
  /** An SVG polygon's points, or null for a circle. */
  readonly legendPoints: string | null;
}

// Colours from the Okabe–Ito palette, told apart with colour-blindness too (https://jfly.uni-koeln.de/color/); shapes tell kinds apart without colour.
export const KIND_STYLES: readonly KindStyle[] = [
  { kind: 'PERSON', name: 'person', colour: '#0072b2', shape: 'ellipse', legendPoints: null },
  { kind: 'ORGANIZATION', name: 'organization', colour: '#e69f00', shape: 'hexagon', legendPoints: '5,2 15,2 20,10 15,18 5,18 0,10' },
  { kind: 'PLACE', name: 'place', colour: '#009e73', shape: 'triangle', legendPoints: '10,1 20,19 0,19' },
  {
    kind: 'EVENT',
    name: 'event',
    colour: '#cc79a7',
    shape: 'star',
    legendPoints: '10,0 12.9,6 19.5,6.9 14.7,11.5 15.9,18.1 10,15 4.1,18.1 5.3,11.5 0.5,6.9 7.1,6',
  },
  { kind: 'TOPIC', name: 'topic', colour: '#56b4e9', shape: 'pentagon', legendPoints: '10,0 20,7.3 16.2,19 3.8,19 0,7.3' },
  { kind: 'ARTICLE', name: 'article', colour: '#6e7781', shape: 'round-rectangle', legendPoints: '2,3 18,3 18,17 2,17' },
  { kind: 'QUOTE', name: 'quote', colour: '#d55e00', shape: 'tag', legendPoints: '0,3 14,3 20,10 14,17 0,17' },
  { kind: 'CLAIM', name: 'claim', colour: '#882255', shape: 'diamond', legendPoints: '10,0 20,10 10,20 0,10' },
  { kind: 'FIGURE', name: 'figure', colour: '#999933', shape: 'barrel', legendPoints: '3,2 17,2 20,10 17,18 3,18 0,10' },
];

const BY_KIND = new Map(KIND_STYLES.map((style) => [style.kind, style]));

/** The style of `kind`; an unknown kind (a newer API) is drawn as a grey circle. */
export function kindStyle(kind: string): KindStyle {
  return BY_KIND.get(kind as NodeKind) ?? { kind: kind as NodeKind, name: kind.toLowerCase(), colour: '#8c959f', shape: 'ellipse', legendPoints: null };
}
