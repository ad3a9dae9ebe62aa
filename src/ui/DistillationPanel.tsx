import { memo, useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Command, LossPoint, Roster, Snapshot } from '../engine/protocol.ts';
import { presetById } from '../state/presets.ts';
import type { Settings } from '../state/settingsSchema.ts';
import { HyperSliders } from './hyper/HyperSliders.tsx';
import type { LiveHyper } from './hyper/liveHyper.ts';
import { LossModeSelect } from './controls/LossModeSelect.tsx';
import { TrainingControls } from './controls/TrainingControls.tsx';
import { LossFormula } from './formula/LossFormula.tsx';
import { RosterPanel } from './roster/RosterPanel.tsx';
import { firstDistilled } from './roster/rosterView.ts';

interface Props {
  /** The settings with T and α throttled (useQuietSettings): the formula follows a drag a few
   * times a second. */
  settings: Settings;
  /** T and α now, for the sliders. */
  live: LiveHyper;
  roster: Roster | null;
  snapshot: Snapshot | null;
  /** The snapshot at low priority: the loss terms follow it. */
  background: Snapshot | null;
  send: (command: Command) => void;
  update: (patch: Partial<Settings>) => void;
  applyRunSettings: (patch: Partial<Settings>) => void;
  onReset: () => void;
  /** The worker is gone (training controls disabled until the page starts a new one). */
  stopped: boolean;
  /** An embed's locked settings: no control here starts a different experiment. */
  locked?: boolean;
}

/** The last averaged loss terms of a learner, in its display order. */
function lastTerms(loss: readonly LossPoint[] | undefined, id: string, names: readonly string[]) {
  const terms = loss?.findLast((p) => p.terms[id] !== undefined)?.terms[id];
  if (!terms) return undefined;
  return names.flatMap((name) => (terms[name] === undefined ? [] : [{ name, value: terms[name] }]));
}

/** Training controls, T and α, the distilled student's loss and formula, and the run's members. */
function DistillationPanelView({
  settings,
  live,
  roster,
  snapshot,
  background,
  send,
  update,
  applyRunSettings,
  onReset,
  stopped,
  locked = false,
}: Props) {
  const { t } = useTranslation();
  const distilled = roster ? firstDistilled(roster.members) : undefined;
  const setTeacherSource = useCallback(
    (teacherSource: Settings['teacherSource']) => applyRunSettings({ teacherSource }),
    [applyRunSettings],
  );
  const setLossMode = useCallback(
    (lossMode: Settings['lossMode']) => applyRunSettings({ lossMode }),
    [applyRunSettings],
  );
  return (
    <section className="panel distill" aria-labelledby="distill-title">
      <h2 id="distill-title">{t('controls.title')}</h2>
      <TrainingControls
        phase={snapshot?.phase}
        running={snapshot?.running ?? false}
        send={send}
        onReset={onReset}
        teacherSource={settings.teacherSource}
        onTeacherSource={locked ? undefined : setTeacherSource}
        stopped={stopped}
      />
      <HyperSliders live={live} onChange={update} />
      <LossModeSelect
        value={settings.lossMode}
        onChange={setLossMode}
        fixedByPreset={
          locked ||
          (presetById(settings.preset)?.members !== undefined &&
            !presetById(settings.preset)?.usesLossMode)
        }
      />
      {/* Before the roster, the objective the settings ask for; then the run's own. */}
      <LossFormula
        objective={distilled?.objective ?? settings.lossMode}
        temperature={distilled?.temperature ?? settings.temperature}
        alpha={distilled?.alpha ?? settings.alpha}
        values={distilled && lastTerms(background?.loss, distilled.id, distilled.lossTerms)}
        readings={distilled && background?.terms[distilled.id]}
      />
      <RosterPanel roster={roster} />
    </section>
  );
}

export const DistillationPanel = memo(DistillationPanelView);
