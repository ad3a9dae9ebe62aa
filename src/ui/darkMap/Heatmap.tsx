import { useTranslation } from 'react-i18next';
import { NUM_CLASSES } from '../../data/mnistAssets.ts';

const CELL = 22;
const LEFT = 22;
const TOP = 22;

interface Props {
  title: string;
  values: Float64Array;
  color: (value: number) => string;
  format: (value: number) => string;
  /** What a cell's value is, for its tooltip: "teacher p(5 | a 3)". */
  describe: (row: number, col: number) => string;
  testId: string;
}

/** A 10 × 10 grid: rows are true digits, columns classes; each cell's value in its tooltip. */
export function Heatmap({ title, values, color, format, describe, testId }: Props) {
  const { t } = useTranslation();
  const size = LEFT + CELL * NUM_CLASSES;
  return (
    <figure className="heatmap" data-testid={testId}>
      <figcaption>{title}</figcaption>
      <svg
        viewBox={`0 0 ${size + 2} ${TOP + CELL * NUM_CLASSES + 2}`}
        role="img"
        aria-label={t('explore.dark.figure', { title })}
      >
        {Array.from({ length: NUM_CLASSES }, (_, c) => (
          <g key={c}>
            <text
              x={LEFT + c * CELL + CELL / 2}
              y={TOP - 7}
              textAnchor="middle"
              className="axis-text"
            >
              {c}
            </text>
            <text
              x={LEFT - 6}
              y={TOP + c * CELL + CELL / 2 + 4}
              textAnchor="end"
              className="axis-text"
            >
              {c}
            </text>
          </g>
        ))}
        {Array.from({ length: NUM_CLASSES * NUM_CLASSES }, (_, k) => {
          const r = Math.floor(k / NUM_CLASSES);
          const c = k % NUM_CLASSES;
          return (
            <rect
              key={k}
              x={LEFT + c * CELL}
              y={TOP + r * CELL}
              width={CELL - 1}
              height={CELL - 1}
              fill={color(values[k])}
              data-row={r}
              data-col={c}
              data-value={values[k]}
            >
              <title>{`${describe(r, c)} = ${format(values[k])}`}</title>
            </rect>
          );
        })}
      </svg>
      <p className="heat-axes small">{t('explore.dark.axes')}</p>
    </figure>
  );
}
