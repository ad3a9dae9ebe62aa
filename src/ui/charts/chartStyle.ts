/**
 * What the charts share: margins, grid, the epoch axis, percent ticks, the zoom to the data and
 * when to redraw. Words come from a translation function (the page passes i18next's t); without
 * one they are the English of the charts part.
 */
import { chartsPart } from '../../i18n/parts/charts.ts';

/** A key of the page's words, with the values of its {{placeholders}}: i18next's t fits. */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

const ENGLISH: Record<string, unknown> = { charts: chartsPart.en };

/** English straight from the charts part, without i18next. */
export const chartsEnglish: Translate = (key, values) => {
  const text = key
    .split('.')
    .reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], ENGLISH);
  if (typeof text !== 'string') return key;
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values?.[name] ?? ''));
};

export const CHART_MARGIN = { top: 8, right: 16, bottom: 18, left: 4 };
export const GRID_PROPS = { strokeDasharray: '3 3', stroke: '#e3e6ef' };
/** The epoch axis, labelled in the page's language. */
export const epochAxisProps = (t: Translate = chartsEnglish) => ({
  dataKey: 'epoch',
  type: 'number' as const,
  domain: [0, 'dataMax'] as [number, string],
  // Two decimals at most, trailing zeros dropped: early ticks (0.05, 0.1, 0.15) stay distinct.
  tickFormatter: (v: number) => String(Number(v.toFixed(2))),
  label: {
    value: t('charts.epochAxis'),
    position: 'insideBottom' as const,
    offset: -10,
    fontSize: 12,
  },
  fontSize: 12,
});
/** The tooltip's heading: the point's epoch, in words. */
export const epochLabel =
  (t: Translate = chartsEnglish) =>
  (v: unknown) =>
    t('charts.epochAt', { epoch: Number(v).toFixed(2) });

/** 0.9812 → "98.1%". */
export const percent = (v: number) => `${(100 * v).toFixed(1)}%`;

/** A y-axis label beside the ticks, read bottom to top. */
export const yAxisLabel = (value: string) => ({
  value,
  angle: -90,
  position: 'insideLeft' as const,
  style: { textAnchor: 'middle' as const },
  offset: 10,
  fontSize: 12,
});

/**
 * The lower end of a 0–1 axis that zooms to where the curves are (MNIST accuracies bunch up near
 * 100%): the lowest value above one half, floored to 5%, at most 95%.
 */
export function zoomedLow(values: readonly number[]): number {
  if (values.length === 0) return 0.8;
  const shown = values.filter((v) => v > 0.5);
  return Math.max(0, Math.floor(Math.min(...shown, 0.95) * 20) / 20);
}

/** A 0–1 y-axis in percent from `low` up, with its label. */
export const percentAxisProps = (low: number, label: string) => ({
  domain: [low, 1] as [number, number],
  allowDataOverflow: true,
  tickFormatter: percent,
  fontSize: 12,
  width: 58,
  label: yAxisLabel(label),
});

interface PointsAndMembers {
  points: readonly { epoch: number }[];
  members: unknown;
}

/** For memo: the same props unless a point was added (or the points reset) or the members changed. */
export const samePointsAndMembers = (a: PointsAndMembers, b: PointsAndMembers) =>
  a.points.length === b.points.length &&
  a.points.at(-1)?.epoch === b.points.at(-1)?.epoch &&
  a.members === b.members;
