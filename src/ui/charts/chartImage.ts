/**
 * A chart as a file: the plot's SVG with its title and legend drawn above it, colours resolved
 * (the page's theme sets some through CSS, which a file does not carry), as SVG text or a PNG.
 * `chartSvgDocument` is pure (chartImage.test.ts); `plotMarkup` and `svgToPng` need a browser.
 */
import type { LegendItem } from './ChartLegend.tsx';

export interface ChartImageParts {
  title: string;
  legend: readonly LegendItem[];
  /** The panel's background and text colours, as the page shows them now (light or dark). */
  background: string;
  text: string;
  font: string;
}

const TITLE_HEIGHT = 28;
const LEGEND_ROW = 18;
const LEGEND_SAMPLE = 22;
/** A legend name's width, estimated from its length: the file has no layout engine. */
const CHAR_WIDTH = 6.6;
const PAD = 12;

const escapeXml = (s: string) =>
  s.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!,
  );

/** Legend entries placed left to right, wrapping at the width: each one's x and row. */
export function legendLayout(
  legend: readonly LegendItem[],
  width: number,
): { x: number; row: number }[] {
  let x = PAD;
  let row = 0;
  return legend.map(({ name }) => {
    const w = LEGEND_SAMPLE + 4 + name.length * CHAR_WIDTH + 14;
    if (x > PAD && x + w > width - PAD) {
      x = PAD;
      row += 1;
    }
    const at = { x, row };
    x += w;
    return at;
  });
}

/** The whole file: background, title, legend, then the plot's own markup below them. */
export function chartSvgDocument(
  parts: ChartImageParts,
  plot: { markup: string; width: number; height: number },
): { svg: string; width: number; height: number } {
  const layout = legendLayout(parts.legend, plot.width);
  const rows = parts.legend.length === 0 ? 0 : Math.max(...layout.map((l) => l.row)) + 1;
  const top = TITLE_HEIGHT + rows * LEGEND_ROW + 6;
  const width = Math.round(plot.width);
  const height = Math.round(top + plot.height);
  const legend = parts.legend
    .map(({ name, color, dash, width: w = 1.5, opacity }, i) => {
      const { x, row } = layout[i];
      const y = TITLE_HEIGHT + row * LEGEND_ROW + LEGEND_ROW / 2;
      const line =
        `<line x1="${x}" y1="${y}" x2="${x + LEGEND_SAMPLE}" y2="${y}" stroke="${escapeXml(color)}"` +
        ` stroke-width="${w}"${dash ? ` stroke-dasharray="${escapeXml(dash)}"` : ''}` +
        `${opacity !== undefined ? ` stroke-opacity="${opacity}"` : ''}/>`;
      const label = `<text x="${x + LEGEND_SAMPLE + 4}" y="${y + 4}" font-size="12">${escapeXml(name)}</text>`;
      return line + label;
    })
    .join('');
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"` +
    ` font-family="${escapeXml(parts.font)}" fill="${escapeXml(parts.text)}">` +
    `<rect width="100%" height="100%" fill="${escapeXml(parts.background)}"/>` +
    `<text x="${PAD}" y="19" font-size="15" font-weight="600">${escapeXml(parts.title)}</text>` +
    legend +
    `<g transform="translate(0 ${top})">${plot.markup}</g></svg>`;
  return { svg, width, height };
}

/** What the page's CSS may set on a chart element and a file must carry as attributes. */
const STYLED = ['fill', 'stroke', 'stroke-width', 'stroke-dasharray', 'opacity', 'font-size'];

/** The plot's markup with every element's computed colours and sizes written on it. */
export function plotMarkup(plot: SVGSVGElement): { markup: string; width: number; height: number } {
  const clone = plot.cloneNode(true) as SVGSVGElement;
  const originals = [plot, ...plot.querySelectorAll('*')];
  const copies = [clone, ...clone.querySelectorAll('*')];
  originals.forEach((original, i) => {
    const style = getComputedStyle(original);
    for (const property of STYLED) {
      const value = style.getPropertyValue(property);
      if (value) copies[i].setAttribute(property, value);
    }
    copies[i].removeAttribute('class');
    copies[i].removeAttribute('style');
  });
  const box = plot.getBoundingClientRect();
  clone.setAttribute('width', String(box.width));
  clone.setAttribute('height', String(box.height));
  return {
    markup: new XMLSerializer().serializeToString(clone),
    width: box.width,
    height: box.height,
  };
}

/** The SVG drawn at `scale` onto a canvas, as a PNG. */
export async function svgToPng(
  svg: string,
  width: number,
  height: number,
  scale = 2,
): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This browser cannot draw on a canvas.');
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (b) => (b ? resolve(b) : reject(new Error('The PNG was not made.'))),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
