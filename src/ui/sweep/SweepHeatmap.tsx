import { useTranslation } from 'react-i18next';
import { cellId, cellLink, type SweepConfig } from '../../engine/sweep/sweepGrid.ts';
import type { SweepScore } from '../../engine/sweep/sweepScore.ts';

interface Props {
  title: string;
  config: SweepConfig;
  /** Mean scores of the finished seeds, by learner id (cells missing: not trained yet). */
  scores: Readonly<Record<string, SweepScore>>;
  /** A cell's shown value from its score. */
  value: (score: SweepScore) => number;
  format: (value: number) => string;
  color: (value: number) => string;
  /** Whether text on this colour should be light. */
  dark: (value: number) => boolean;
  /** The cell chosen on the validation half, marked ★. */
  best: string | null;
  describe: string;
  testId: string;
}

/**
 * The grid as a table (rows α, columns T): each cell's value on its colour, a link to the page's
 * run of that cell (opens in a new tab, so the sweep stays), its full numbers in its tooltip.
 */
export function SweepHeatmap(props: Props) {
  const { config, scores, value, format, color, dark, best } = props;
  const { t } = useTranslation();
  const seed = config.seeds[0];
  return (
    <figure className="sweep-map" data-testid={props.testId}>
      <figcaption>{props.title}</figcaption>
      <table>
        <caption className="visually-hidden">{props.describe}</caption>
        <thead>
          <tr>
            <th scope="col" className="corner">
              α \ T
            </th>
            {config.temperatures.map((t) => (
              <th scope="col" key={t}>
                {t}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {config.alphas.map((alpha) => (
            <tr key={alpha}>
              <th scope="row">{alpha}</th>
              {config.temperatures.map((temperature) => {
                const id = cellId({ temperature, alpha });
                const score = scores[id];
                if (!score)
                  return (
                    <td key={id} className="pending" data-cell={id}>
                      <span aria-label={t('sweep.pending', { T: temperature, alpha })}>…</span>
                    </td>
                  );
                const v = value(score);
                const isBest = id === best;
                return (
                  <td
                    key={id}
                    data-cell={id}
                    data-value={v}
                    style={{ background: color(v) }}
                    className={dark(v) ? 'on-dark' : undefined}
                  >
                    <a
                      href={cellLink(config, seed, { temperature, alpha })}
                      target="_blank"
                      rel="noopener"
                      title={t('sweep.cellTitle', {
                        T: temperature,
                        alpha,
                        value: format(v),
                        test: score.test.toFixed(0),
                        validation: score.validation.toFixed(0),
                        heldOut: score.heldOut.toFixed(0),
                      })}
                    >
                      {format(v)}
                      {isBest && (
                        <span className="best-mark" aria-label={t('sweep.bestMark')}>
                          ★
                        </span>
                      )}
                    </a>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
