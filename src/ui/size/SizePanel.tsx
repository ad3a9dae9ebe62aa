import { useTranslation } from 'react-i18next';
import { useEffect, useState } from 'react';
import type { RosterEntry, SizeRow } from '../../engine/protocol.ts';
import { formatParameters } from '../roster/rosterView.ts';
import { Swatch } from '../roster/Swatch.tsx';
import { formatBytes } from './sizeScale.ts';
import { SizeScatter, type ScatterPoint } from './SizeScatter.tsx';
import { ScrollBox } from '../ScrollBox.tsx';

interface Props {
  members: readonly RosterEntry[];
  runId: number | null;
  backend: string | null;
  measureSize: () => Promise<{ runId: number; rows: SizeRow[] } | null>;
}

type Report = { runId: number; rows: SizeRow[]; request: number };

/**
 * The size trade-off: parameters, bytes as stored (float32 and 8-bit), time to classify the
 * test set, and test errors of every model, measured in the worker on the current backend.
 */
export function SizePanel({ members, runId, backend, measureSize }: Props) {
  const { t } = useTranslation();
  const [report, setReport] = useState<Report | null>(null);
  // Measured once per run when the panel opens, and again on request (after more training).
  const [request, setRequest] = useState(0);
  useEffect(() => {
    if (runId === null) return;
    let live = true;
    void measureSize().then(
      (r) => live && setReport({ runId: r?.runId ?? runId, rows: r?.rows ?? [], request }),
    );
    return () => {
      live = false;
    };
  }, [runId, request, measureSize]);
  const current = report && report.runId === runId ? report : null;
  const measuring = runId !== null && (!current || current.request !== request);
  const measure = () => setRequest((n) => n + 1);

  const rows = (current?.rows ?? [])
    .map((row) => ({ row, member: members.find((m) => m.id === row.id) }))
    .filter((r): r is { row: SizeRow; member: RosterEntry } => r.member !== undefined);
  const points: ScatterPoint[] = rows.flatMap(({ row, member }) => [
    { member, bytes: row.bytesFloat32, errors: row.errors, int8: false },
    { member, bytes: row.bytesInt8, errors: row.errorsInt8, int8: true },
  ]);

  return (
    <div className="size-panel">
      <p className="hint">{t('inside.size.hint')}</p>
      <div className="size-actions">
        <button type="button" onClick={measure} disabled={measuring || runId === null}>
          {measuring ? t('inside.size.measuring') : t('inside.size.again')}
        </button>
        <span className="small" role="status">
          {measuring
            ? t('inside.size.timing')
            : current
              ? t('inside.size.measuredOn', { backend: backend ?? t('inside.size.thisBackend') })
              : ''}
        </span>
      </div>
      {points.length > 0 && <SizeScatter points={points} />}
      {rows.length > 0 && (
        <ScrollBox label={t('inside.size.table')}>
          <table className="size-table">
            <caption className="small">{t('inside.size.table')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('inside.size.model')}</th>
                <th scope="col">{t('inside.size.weights')}</th>
                <th scope="col">float32</th>
                <th scope="col">8-bit</th>
                <th scope="col" title={t('inside.size.timeTitle')}>
                  {t('inside.size.time')}
                </th>
                <th scope="col">{t('inside.size.errors')}</th>
                <th scope="col">{t('inside.size.errorsInt8')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ row, member }) => (
                <tr key={row.id} data-testid={`size-${row.id}`}>
                  <th scope="row">
                    <Swatch color={member.color} /> {member.label}
                  </th>
                  <td className="mono">
                    {formatParameters(row.parameters).replace(' parameters', '')}
                  </td>
                  <td className="mono">{formatBytes(row.bytesFloat32)}</td>
                  <td className="mono">{formatBytes(row.bytesInt8)}</td>
                  <td className="mono">{Math.round(row.inferenceMs).toLocaleString('en-US')} ms</td>
                  <td className="mono" data-errors={row.errors}>
                    {row.errors}
                  </td>
                  <td className="mono" data-errors={row.errorsInt8}>
                    {row.errorsInt8}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}
    </div>
  );
}
