import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { NUM_CLASSES } from '../../data/mnistAssets.ts';

interface Props {
  matrix: number[][];
  name: string;
  /** When given, every non-empty cell is a button that opens its digits. */
  onCell?: (trueClass: number, predictedClass: number) => void;
  selected?: readonly [number, number] | null;
}

/** Rows: true digit; columns: predicted digit. Off-diagonal shading grows with the log of the count. */
function ConfusionMatrixView({ matrix, name, onCell, selected }: Props) {
  const { t } = useTranslation();
  const maxOff = Math.max(1, ...matrix.flatMap((row, i) => row.filter((_, j) => j !== i)));
  return (
    <table className="confusion" aria-label={t('results.matrix.label', { name })}>
      <thead>
        <tr>
          <th scope="col" className="corner small">
            {t('results.matrix.corner')}
          </th>
          {[...Array(NUM_CLASSES).keys()].map((c) => (
            <th key={c} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {matrix.map((row, i) => (
          <tr key={i}>
            <th scope="row">{i}</th>
            {row.map((count, j) => {
              const strength = i === j ? 0 : Math.log1p(count) / Math.log1p(maxOff);
              const title = t('results.matrix.cell', { actual: i, predicted: j, n: count });
              const isSelected = selected?.[0] === i && selected[1] === j;
              return (
                <td
                  key={j}
                  className={`${i === j ? 'diag' : count ? 'off' : 'zero'}${isSelected ? ' selected' : ''}`}
                  style={
                    i === j
                      ? undefined
                      : { background: `rgba(224, 122, 47, ${(0.08 + 0.8 * strength).toFixed(3)})` }
                  }
                  title={title}
                >
                  {onCell && count > 0 ? (
                    <button
                      type="button"
                      className="cell-button"
                      aria-label={t('results.matrix.listDigits', { cell: title })}
                      aria-pressed={isSelected}
                      onClick={() => onCell(i, j)}
                    >
                      {count}
                    </button>
                  ) : (
                    count
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** 100 cells: redrawn only when a new evaluation brings a new matrix (or another cell is chosen). */
/**
 * Renders for a new matrix, name or selection. A new `onCell` of the same kind does not count:
 * the panels pass an arrow made at each render, and it differs only in what the name shows.
 */
export const ConfusionMatrix = memo(
  ConfusionMatrixView,
  (a, b) =>
    a.matrix === b.matrix &&
    a.name === b.name &&
    a.selected?.[0] === b.selected?.[0] &&
    a.selected?.[1] === b.selected?.[1] &&
    !a.onCell === !b.onCell,
);
