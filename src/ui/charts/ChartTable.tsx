import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ScrollBox } from '../ScrollBox.tsx';

/** One column of a chart's table: a curve, read from each point. */
export interface TableColumn<Row> {
  name: string;
  value: (row: Row) => number | undefined;
  format: (v: number) => string;
}

/** Rows shown at most: the last ones (a long run has thousands of loss points). */
const MAX_ROWS = 200;

/**
 * A chart's text alternative: its points as a table, behind a toggle. Rendered only while open,
 * so a closed table costs nothing per snapshot.
 */
export function ChartTable<Row extends { epoch: number }>({
  rows,
  columns,
  caption,
}: {
  rows: readonly Row[];
  columns: readonly TableColumn<Row>[];
  caption: string;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const shown = rows.slice(-MAX_ROWS);
  return (
    <details className="chart-table" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('charts.table.toggle')}</summary>
      {open && (
        <ScrollBox label={t('charts.table.label', { caption })} className="chart-table-box">
          <table className="small">
            <caption>
              {caption}
              {rows.length > shown.length
                ? t('charts.table.lastRows', { shown: shown.length, total: rows.length })
                : ''}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('charts.table.epoch')}</th>
                {columns.map((c) => (
                  <th key={c.name} scope="col">
                    {c.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {shown.map((row, i) => (
                <tr key={i}>
                  <th scope="row">{row.epoch.toFixed(2)}</th>
                  {columns.map((c) => {
                    const v = c.value(row);
                    return (
                      <td key={c.name}>
                        {v === undefined || !Number.isFinite(v) ? '–' : c.format(v)}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}
    </details>
  );
}
