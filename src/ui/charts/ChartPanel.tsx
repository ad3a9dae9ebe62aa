import { useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, LineChart, ResponsiveContainer, XAxis } from 'recharts';
import { ChartDownloads } from './ChartDownloads.tsx';
import { ChartLegend, type LegendItem } from './ChartLegend.tsx';
import { ChartTable, type TableColumn } from './ChartTable.tsx';
import { CHART_MARGIN, epochAxisProps, GRID_PROPS } from './chartStyle.ts';

interface Props<Row extends { epoch: number }> {
  /** The heading's id, which the panel is labelled by. */
  titleId: string;
  testId: string;
  title: string;
  legend: readonly LegendItem[];
  /** What the plot shows, in words: the plot is an image to assistive technology. */
  description: string;
  /** The rows drawn, one per point on the epoch axis. */
  data: readonly Row[];
  /** The curves as table columns: the chart's text alternative (“As a table”). */
  columns: readonly TableColumn<Row>[];
  /** How many points the chart has (`data-points`); the rows drawn may be fewer. */
  pointCount: number;
  /** The y-axis, tooltip and lines, as recharts elements: they join the grid and epoch axis. */
  children: ReactNode;
  /** Shown under the plot. */
  note?: ReactNode;
}

/** A chart over epochs of training: the panel, its heading and legend, the grid and the epoch axis. */
export function ChartPanel<Row extends { epoch: number }>({
  titleId,
  testId,
  title,
  legend,
  description,
  data,
  pointCount,
  children,
  note,
  columns,
}: Props<Row>) {
  const { t } = useTranslation();
  const panel = useRef<HTMLElement>(null);
  return (
    <section
      ref={panel}
      className="panel chart"
      aria-labelledby={titleId}
      data-testid={testId}
      data-points={pointCount}
    >
      <h2 id={titleId}>{title}</h2>
      <ChartLegend items={legend} />
      <div className="chart-box" role="img" aria-label={description}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data} margin={CHART_MARGIN}>
            <CartesianGrid {...GRID_PROPS} />
            <XAxis {...epochAxisProps(t)} />
            {children}
          </LineChart>
        </ResponsiveContainer>
      </div>
      {note}
      <div className="chart-foot">
        <ChartTable rows={data} columns={columns} caption={title} />
        <ChartDownloads panel={panel} title={title} legend={legend} fileName={`kd-${testId}`} />
      </div>
    </section>
  );
}
