import { useDeferredValue, useEffect } from 'react';
import { toEngineConfig, toLiveHyper, type Settings } from '../state/settingsSchema.ts';
import { AccuracyChart } from './charts/AccuracyChart.tsx';
import { LossChart } from './charts/LossChart.tsx';
import { useThrottled } from './useThrottled.ts';
import { HyperSliders } from './controls/HyperSliders.tsx';
import { RunSettings } from './controls/RunSettings.tsx';
import { TrainingControls } from './controls/TrainingControls.tsx';
import { LossFormula } from './formula/LossFormula.tsx';
import { SoftTargetPanel } from './softTargets/SoftTargetPanel.tsx';
import { Notices } from './status/Notices.tsx';
import { PresetBar } from './presets/PresetBar.tsx';
import { PerClassPanel } from './results/PerClassPanel.tsx';
import { ResultsTable } from './results/ResultsTable.tsx';
import { useTestResults } from './results/useTestResults.ts';
import type { PresetId } from '../state/presetIds.ts';
import { presetById } from '../state/presets.ts';
import { StatusBar } from './status/StatusBar.tsx';
import { useEngine } from './useEngine.ts';
import { useUrlSettings } from './useUrlSettings.ts';
import type { SettingNotice } from '../state/urlState.ts';

const NO_POINTS: never[] = [];
const FORMULA_INTERVAL_MS = 250;
const NO_COUNTS = new Array<number>(10).fill(0);

/** Settings live in the URL; a new backend remounts the playground, and with it the worker. */
export function App() {
  const { settings, notices, update } = useUrlSettings();
  return (
    <Playground key={settings.backend} settings={settings} notices={notices} update={update} />
  );
}

interface PlaygroundProps {
  settings: Settings;
  notices: SettingNotice[];
  update: (patch: Partial<Settings>) => void;
}

function Playground({ settings, notices, update }: PlaygroundProps) {
  const config = toEngineConfig(settings);
  const hyper = toLiveHyper(settings);
  const engine = useEngine(settings.backend, config, hyper);
  const { snapshot, send } = engine;
  // Curves and tables follow the worker at low priority: a slider input always renders first.
  const background = useDeferredValue(snapshot);
  // KaTeX typesetting (5–10 ms, plus laying out its many spans) follows a drag 4 times a
  // second; the soft-target bars follow every step of it.
  const formulaHyper = {
    temperature: useThrottled(settings.temperature, FORMULA_INTERVAL_MS),
    alpha: useThrottled(settings.alpha, FORMULA_INTERVAL_MS),
  };

  // T and α act live: the worker applies them from the next batch.
  useEffect(() => {
    send({ type: 'setHyper', hyper: { temperature: settings.temperature, alpha: settings.alpha } });
  }, [send, settings.temperature, settings.alpha]);

  const applyRunSettings = (patch: Partial<Settings>) => {
    const next = { ...settings, ...patch };
    update(patch);
    // A new backend restarts the worker (useEngine); anything else resets the run in place.
    if (next.backend === settings.backend) send({ type: 'reset', config: toEngineConfig(next) });
  };

  const lastLoss = background?.loss.findLast((p) => p.total !== undefined);
  const results = useTestResults(
    engine.testLabels,
    engine.evaluations,
    settings.transferDigits,
    settings.biasClasses,
    settings.biasShift,
  );
  const selectPreset = (id: PresetId) =>
    applyRunSettings({ preset: id, ...presetById(id)?.settings });
  const sampleLogits =
    snapshot?.sampleLogits && snapshot.sampleLogits.teacher.length > 0
      ? snapshot.sampleLogits
      : engine.earlyTeacherLogits
        ? { teacher: engine.earlyTeacherLogits, distilled: null, control: null }
        : null;
  const teacherReference =
    snapshot?.teacherPretrained && snapshot.latest.teacher !== undefined
      ? 1 - snapshot.latest.teacher / (snapshot.latest.testSize || 10_000)
      : undefined;

  return (
    <div className={`app${settings.embed ? ' embed' : ''}`}>
      {!settings.embed && (
        <header className="top">
          <div className="brand">
            <h1>KD Playground</h1>
            <p className="tagline">
              Knowledge distillation on real MNIST, trained live in your browser: a small student
              learns from a big teacher&apos;s soft targets, beside a twin that sees only hard
              labels.
            </p>
          </div>
        </header>
      )}
      <StatusBar snapshot={snapshot} backend={engine.backend} />
      <Notices
        engineNotices={engine.notices}
        urlNotices={notices}
        backend={engine.backend}
        error={engine.error}
        pausedReason={engine.pausedReason}
      />
      <main className="layout">
        <aside className="side">
          <section className="panel distill" aria-labelledby="distill-title">
            <h2 id="distill-title">Distillation</h2>
            <TrainingControls
              phase={snapshot?.phase}
              running={snapshot?.running ?? false}
              send={send}
              onReset={() => send({ type: 'reset', config })}
              teacherSource={settings.teacherSource}
              onTeacherSource={(teacherSource) => applyRunSettings({ teacherSource })}
            />
            <HyperSliders
              temperature={settings.temperature}
              alpha={settings.alpha}
              onChange={update}
            />
            <LossFormula
              temperature={formulaHyper.temperature}
              alpha={formulaHyper.alpha}
              hard={lastLoss?.hard}
              soft={lastLoss?.soft}
            />
          </section>
          <section className="panel results" aria-labelledby="results-title">
            <h2 id="results-title">Test results</h2>
            <ResultsTable
              results={results}
              preset={presetById(settings.preset)}
              controlTrains={snapshot?.controlTrains ?? settings.useLabels}
              biasActive={settings.biasShift !== 0 && settings.biasClasses !== ''}
            />
          </section>
          {!settings.embed && (
            <section className="panel run" aria-labelledby="run-title">
              <h2 id="run-title">Run settings</h2>
              <RunSettings settings={settings} onApply={applyRunSettings} />
            </section>
          )}
        </aside>
        <div className="main-col">
          <PresetBar active={settings.preset} onSelect={selectPreset} />
          <SoftTargetPanel
            samples={engine.samples}
            logits={sampleLogits}
            temperature={settings.temperature}
            logScale={settings.logScale}
            onLogScale={(logScale) => update({ logScale })}
          />
          <div className="charts">
            <AccuracyChart
              points={background?.accuracy ?? NO_POINTS}
              teacherReference={teacherReference}
            />
            <LossChart points={background?.loss ?? NO_POINTS} />
          </div>
          <PerClassPanel
            results={results}
            biasClasses={settings.biasClasses}
            biasShift={settings.biasShift}
            onBias={update}
            seenClassCounts={background?.seenClassCounts ?? NO_COUNTS}
            transferSize={background?.transferSize ?? 0}
          />
        </div>
      </main>
      {!settings.embed && (
        <footer className="foot small">
          Teacher 784-1200-1200-10 with dropout, as in Hinton, Vinyals &amp; Dean (2015). Both
          students start from the same weights and see the same batches; only the loss differs.
          Every setting lives in the URL: copy the link to share this exact setup.
        </footer>
      )}
    </div>
  );
}
