import { useTranslation } from 'react-i18next';

/** Ten toggle chips, one per digit class; the value is the sorted digits ("012456789"). */
export function DigitSetInput({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (digits: string) => void;
}) {
  const { t } = useTranslation();
  const toggle = (d: string) =>
    onChange((value.includes(d) ? value.replace(d, '') : value + d).split('').sort().join(''));
  return (
    <div className="digit-set" id={id} role="group" aria-label={label}>
      {'0123456789'.split('').map((d) => (
        <label key={d} className={`chip${value.includes(d) ? ' on' : ''}`}>
          <input
            type="checkbox"
            checked={value.includes(d)}
            onChange={() => toggle(d)}
            aria-label={t('settings.digit', { label, digit: d })}
          />
          {d}
        </label>
      ))}
    </div>
  );
}
