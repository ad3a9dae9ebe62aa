import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { TermReading } from '../../engine/protocol.ts';

/** 0.0312 → "0.031"; tiny values in scientific notation, so they do not read as zero. */
export function formatLoss(v: number): string {
  if (!Number.isFinite(v)) return '–';
  if (v === 0) return '0';
  return Math.abs(v) >= 0.001 ? v.toFixed(3) : v.toExponential(1);
}

/** A loss term's name in the page's language ("hard", "soft", …; an unknown one as it is). */
export function termName(t: TFunction, name: string): string {
  return t(`controls.terms.${name}`, { defaultValue: name });
}

/**
 * Each loss term of the student as last measured, with the norm of its gradient with respect to
 * the student's logits: the larger norm is the term that drives training now.
 */
export function TermReadings({ readings }: { readings: readonly TermReading[] }) {
  const { t } = useTranslation();
  const norms = readings.map((r) => r.gradNorm).filter(Number.isFinite);
  const strongest = norms.length > 1 ? Math.max(...norms) : undefined;
  return (
    <div className="term-readings">
      <p className="mono" data-testid="loss-terms">
        {readings.map((r) => (
          <span
            key={r.name}
            className={r.gradNorm === strongest ? 'strongest' : undefined}
            data-term={r.name}
            title={t('controls.formula.termTitle', {
              term: termName(t, r.name),
              value: formatLoss(r.value),
              norm: formatLoss(r.gradNorm),
            })}
          >
            {termName(t, r.name)} {formatLoss(r.value)} · ‖∇‖ {formatLoss(r.gradNorm)}
          </span>
        ))}
      </p>
      <p className="small">{t('controls.formula.gradNorm')}</p>
    </div>
  );
}
