import { KIND_STYLES, type KindStyle } from './kinds';

const SVG = 'http://www.w3.org/2000/svg';

/** The kind's shape in its colour, as a small SVG (hidden from screen readers: the kind's name follows it). */
function swatch(style: KindStyle): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 20 20');
  svg.setAttribute('width', '18');
  svg.setAttribute('height', '18');
  svg.setAttribute('aria-hidden', 'true');
  const shape = style.legendPoints === null ? document.createElementNS(SVG, 'circle') : document.createElementNS(SVG, 'polygon');
  if (style.legendPoints === null) {
    shape.setAttribute('cx', '10');
    shape.setAttribute('cy', '10');
    shape.setAttribute('r', '9');
  } else {
    shape.setAttribute('points', style.legendPoints);
  }
  shape.setAttribute('fill', style.colour);
  svg.append(shape);
  return svg;
}

/** Fills the legend list: one entry per kind, its shape and colour and its name, then what a red outline means. */
export function renderLegend(list: HTMLUListElement): void {
  list.replaceChildren(
    ...KIND_STYLES.map((style) => {
      const item = document.createElement('li');
      item.append(swatch(style), ` ${style.name}`);
      return item;
    }),
  );
  const path = document.createElement('li');
  path.className = 'legend-path';
  path.textContent = 'red outline: on the path found';
  list.append(path);
}
