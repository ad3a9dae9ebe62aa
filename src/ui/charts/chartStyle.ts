/** What the accuracy and loss charts share: margins, grid and the epoch axis. */
export const CHART_MARGIN = { top: 8, right: 16, bottom: 18, left: 4 };
export const GRID_PROPS = { strokeDasharray: '3 3', stroke: '#e3e6ef' };
export const EPOCH_AXIS_PROPS = {
  dataKey: 'epoch',
  type: 'number' as const,
  domain: [0, 'dataMax'] as [number, string],
  // Two decimals at most, trailing zeros dropped: early ticks (0.05, 0.1, 0.15) stay distinct.
  tickFormatter: (v: number) => String(Number(v.toFixed(2))),
  label: {
    value: 'epochs of training (each model)',
    position: 'insideBottom' as const,
    offset: -10,
    fontSize: 12,
  },
  fontSize: 12,
};
export const epochLabel = (v: unknown) => `epoch ${Number(v).toFixed(2)}`;
