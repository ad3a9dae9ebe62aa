import { useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile, safeFileName } from '../runs/download.ts';
import type { LegendItem } from './ChartLegend.tsx';
import { chartSvgDocument, plotMarkup, svgToPng } from './chartImage.ts';

interface Props {
  /** The panel: its plot, colours and font are what the file shows. */
  panel: RefObject<HTMLElement | null>;
  title: string;
  legend: readonly LegendItem[];
  /** The file's name, without extension. */
  fileName: string;
}

/** “PNG” and “SVG”: the chart as the page shows it now, with its title and legend. */
export function ChartDownloads({ panel, title, legend, fileName }: Props) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);

  const image = () => {
    const section = panel.current;
    const plot = section?.querySelector<SVGSVGElement>('.chart-box svg.recharts-surface');
    if (!section || !plot) throw new Error(t('charts.download.noPlot'));
    const style = getComputedStyle(section);
    return chartSvgDocument(
      {
        title,
        legend,
        background: style.backgroundColor,
        text: style.color,
        font: style.fontFamily,
      },
      plotMarkup(plot),
    );
  };
  const save = async (kind: 'png' | 'svg') => {
    setError(null);
    try {
      const { svg, width, height } = image();
      const name = `${safeFileName(fileName)}.${kind}`;
      if (kind === 'svg') downloadFile(name, svg, 'image/svg+xml');
      else downloadFile(name, await svgToPng(svg, width, height), 'image/png');
    } catch (e) {
      setError(t('charts.download.failed', { message: (e as Error).message }));
    }
  };

  return (
    <div
      className="chart-downloads"
      role="group"
      aria-label={t('charts.download.group', { title })}
    >
      <button
        className="small-button"
        onClick={() => void save('png')}
        title={t('charts.download.pngTitle')}
      >
        PNG
      </button>
      <button
        className="small-button"
        onClick={() => void save('svg')}
        title={t('charts.download.svgTitle')}
      >
        SVG
      </button>
      {error && (
        <span role="alert" className="chart-download-error">
          {error}
        </span>
      )}
    </div>
  );
}
