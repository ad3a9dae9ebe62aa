import { useTranslation } from 'react-i18next';
import {
  ALPHA_CHOICES,
  FRACTION_CHOICES,
  FULL_FORM,
  QUICK_FORM,
  STUDENT_CHOICES,
  T_CHOICES,
  toggle,
  type SweepForm,
} from './sweepForm.ts';

interface Props {
  form: SweepForm;
  onForm: (form: SweepForm) => void;
  disabled: boolean;
}

/** The grid to sweep: T and α values (toggles), student, length, seeds and data share. */
export function SweepFormControls({ form, onForm, disabled }: Props) {
  const { t } = useTranslation();
  const set = (patch: Partial<SweepForm>) => onForm({ ...form, ...patch });
  return (
    <fieldset className="sweep-form" disabled={disabled}>
      <legend className="visually-hidden">{t('sweep.form.legend')}</legend>
      <div className="sweep-presets">
        <button type="button" onClick={() => onForm(QUICK_FORM)}>
          {t('sweep.form.quick')}
        </button>
        <button type="button" onClick={() => onForm(FULL_FORM)}>
          {t('sweep.form.full')}
        </button>
      </div>
      <div className="chip-row" role="group" aria-label={t('sweep.form.temperatures')}>
        <span className="chip-label">T</span>
        {T_CHOICES.map((T) => (
          <label key={T} className="chip">
            <input
              type="checkbox"
              checked={form.temperatures.includes(T)}
              onChange={() => set({ temperatures: toggle(form.temperatures, T) })}
            />
            {T}
          </label>
        ))}
      </div>
      <div className="chip-row" role="group" aria-label={t('sweep.form.alphas')}>
        <span className="chip-label">α</span>
        {ALPHA_CHOICES.map((a) => (
          <label key={a} className="chip">
            <input
              type="checkbox"
              checked={form.alphas.includes(a)}
              onChange={() => set({ alphas: toggle(form.alphas, a) })}
            />
            {a}
          </label>
        ))}
      </div>
      <div className="sweep-selects">
        <label>
          {t('sweep.form.student')}{' '}
          <select
            value={form.student}
            onChange={(e) => set({ student: e.target.value as SweepForm['student'] })}
          >
            {STUDENT_CHOICES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <label>
          {t('sweep.form.epochs')}{' '}
          <select value={form.epochs} onChange={(e) => set({ epochs: Number(e.target.value) })}>
            {[1, 2, 3, 5].map((n) => (
              <option key={n}>{n}</option>
            ))}
          </select>
        </label>
        <label>
          {t('sweep.form.seeds')}{' '}
          <select value={form.seeds} onChange={(e) => set({ seeds: Number(e.target.value) })}>
            {[1, 2, 3].map((n) => (
              <option key={n}>{n}</option>
            ))}
          </select>
        </label>
        <label>
          {t('sweep.form.data')}{' '}
          <select value={form.fraction} onChange={(e) => set({ fraction: Number(e.target.value) })}>
            {FRACTION_CHOICES.map((f) => (
              <option key={f} value={f}>
                {t('sweep.form.fraction', {
                  percent: Math.round(f * 100),
                  digits: Math.round(60_000 * f).toLocaleString('en'),
                })}
              </option>
            ))}
          </select>
        </label>
      </div>
    </fieldset>
  );
}
