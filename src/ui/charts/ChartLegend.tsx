/** One line of the legend: a sample of the curve's stroke and its name. */
export interface LegendItem {
  name: string;
  color: string;
  dash?: string;
  width?: number;
  opacity?: number;
}

/**
 * The charts' legend, in plain HTML above the plot. Recharts' own <Legend> measures itself
 * (a forced layout) every time the chart redraws; this one is laid out once.
 */
export function ChartLegend({ items }: { items: readonly LegendItem[] }) {
  return (
    <ul className="chart-legend">
      {items.map(({ name, color, dash, width = 1.5, opacity }) => (
        <li key={name}>
          <svg width="22" height="8" aria-hidden="true">
            <line
              x1="1"
              y1="4"
              x2="21"
              y2="4"
              stroke={color}
              strokeWidth={width}
              strokeOpacity={opacity}
              strokeDasharray={dash}
            />
          </svg>
          {name}
        </li>
      ))}
    </ul>
  );
}
