import { useTranslation } from 'react-i18next';
import { NUM_CLASSES } from '../../data/mnistAssets.ts';
import { ScrollBox } from '../ScrollBox.tsx';

/** One 10 × 10 map as a table: the text alternative of a heatmap. */
export function MapTable({
  values,
  format,
  caption,
}: {
  values: Float64Array;
  format: (v: number) => string;
  caption: string;
}) {
  const { t } = useTranslation();
  return (
    <ScrollBox label={t('explore.dark.table')}>
      <table className="dark-table">
        <caption className="small">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('explore.dark.trueDigit')}</th>
            {Array.from({ length: NUM_CLASSES }, (_, c) => (
              <th key={c} scope="col">
                p({c})
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: NUM_CLASSES }, (_, r) => (
            <tr key={r}>
              <th scope="row">{r}</th>
              {Array.from({ length: NUM_CLASSES }, (_, c) => (
                <td key={c} className="mono">
                  {format(values[r * NUM_CLASSES + c])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}
