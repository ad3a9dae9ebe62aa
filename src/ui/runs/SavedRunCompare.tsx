import { useTranslation } from 'react-i18next';
import {
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { RunFileV1 } from '../../export/runFileV1.ts';
import { CHART_MARGIN, epochAxisProps, GRID_PROPS, percent } from '../charts/chartStyle.ts';
import { ScrollBox } from '../ScrollBox.tsx';
import { memberLabel } from '../../i18n/memberLabels.ts';

const DASHES = [undefined, '6 3'];

/**
 * One or two saved runs side by side: every member's test errors, agreement and KL at the end,
 * and the learners' accuracy curves overlaid (the second run dashed).
 */
export function SavedRunCompare({ runs }: { runs: readonly RunFileV1[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage === 'zh' ? 'zh' : 'en';
  // The members as the files name them (English, as the engine does): shown in the page's language.
  const name = (label: string) => memberLabel(label, language);
  const labels = [...new Set(runs.flatMap((r) => r.roster.members.map((m) => m.label)))];
  const latestOf = (run: RunFileV1, label: string) => {
    const id = run.roster.members.find((m) => m.label === label)?.id;
    return id === undefined ? undefined : run.latest[id];
  };
  const lines = runs.flatMap((run, k) =>
    run.roster.members
      .filter((m) => m.role === 'learner')
      .map((m) => ({
        key: `${k}-${m.id}`,
        name: `${name(m.label)} (${run.name})`,
        color: m.color,
        dash: DASHES[k],
        points: run.evaluations
          .filter((p) => p.accuracy[m.id] !== undefined)
          .map((p) => ({ epoch: p.epoch, value: p.accuracy[m.id] })),
      })),
  );
  return (
    <div className="saved-compare" data-testid="saved-compare">
      <ScrollBox label={t('runs.compare.label')}>
        <table className="compare-table">
          <thead>
            <tr>
              <th scope="col">{t('runs.compare.model')}</th>
              {runs.map((r, k) => (
                <th key={k} scope="col">
                  {r.name}
                  <br />
                  <span className="small">{t('runs.compare.columns')}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {labels.map((label) => (
              <tr key={label}>
                <th scope="row">{name(label)}</th>
                {runs.map((r, k) => {
                  const l = latestOf(r, label);
                  return (
                    <td key={k} data-testid={`compare-${k}-${label}`}>
                      {l?.errors ?? '–'}
                      {l?.agreement !== undefined ? ` · ${percent(l.agreement)}` : ''}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
      <div
        className="compare-chart"
        role="img"
        aria-label={t('runs.compare.chart', {
          runs: runs.map((r) => r.name).join(t('runs.compare.and')),
        })}
      >
        <ResponsiveContainer width="100%" height="100%">
          <LineChart margin={CHART_MARGIN}>
            <CartesianGrid {...GRID_PROPS} />
            <XAxis {...epochAxisProps(t)} allowDuplicatedCategory={false} />
            <YAxis
              domain={[0.8, 1]}
              allowDataOverflow
              tickFormatter={percent}
              fontSize={12}
              width={52}
            />
            <Tooltip formatter={(v) => percent(Number(v))} />
            {lines.map((l) => (
              <Line
                key={l.key}
                data={l.points}
                dataKey="value"
                name={l.name}
                stroke={l.color}
                strokeDasharray={l.dash}
                dot={false}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <p className="small">
        {t('runs.compare.lines', {
          solid: runs[0]?.name ?? '',
          dashed: runs[1] ? t('runs.compare.dashed', { name: runs[1].name }) : '',
        })}
      </p>
    </div>
  );
}
