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
            aria-label={`${label}: ${d}`}
          />
          {d}
        </label>
      ))}
    </div>
  );
}
