import type { TermReading } from '../../engine/protocol.ts';

/** 0.0312 → "0.031"; tiny values in scientific notation, so they do not read as zero. */
export function formatLoss(v: number): string {
  if (!Number.isFinite(v)) return '–';
  if (v === 0) return '0';
  return Math.abs(v) >= 0.001 ? v.toFixed(3) : v.toExponential(1);
}

/**
 * Each loss term of the student as last measured, with the norm of its gradient with respect to
 * the student's logits: the larger norm is the term that drives training now.
 */
export function TermReadings({ readings }: { readings: readonly TermReading[] }) {
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
            title={`${r.name} term: value ${formatLoss(r.value)}, norm of its gradient ${formatLoss(r.gradNorm)}`}
          >
            {r.name} {formatLoss(r.value)} · ‖∇‖ {formatLoss(r.gradNorm)}
          </span>
        ))}
      </p>
      <p className="small">
        ‖∇‖: norm of the term&apos;s gradient with respect to the student&apos;s logits — the larger
        one drives training.
      </p>
    </div>
  );
}
