import { useEffect } from 'react';
import { toEngineConfig, toLiveHyper, type Settings } from '../state/settingsSchema.ts';
import { AccuracyChart } from './charts/AccuracyChart.tsx';
import { LossChart } from './charts/LossChart.tsx';
import { HyperSliders } from './controls/HyperSliders.tsx';
import { RunSettings } from './controls/RunSettings.tsx';
import { TrainingControls } from './controls/TrainingControls.tsx';
import { LossFormula } from './formula/LossFormula.tsx';
import { SoftTargetPanel } from './softTargets/SoftTargetPanel.tsx';
import { Notices } from './status/Notices.tsx';
import { ResultsSummary } from './status/ResultsSummary.tsx';
import { StatusBar } from './status/StatusBar.tsx';
import { useEngine } from './useEngine.ts';
import { useUrlSettings } from './useUrlSettings.ts';
import type { SettingNotice } from '../state/urlState.ts';

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

  const lastLoss = snapshot?.loss.findLast((p) => p.total !== undefined);

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
        urlNotices={notices}
        backend={engine.backend}
        error={engine.error}
        pausedReason={engine.pausedReason}
      />
      <main className="layout">
        <aside className="side">
          <section className="panel" aria-labelledby="distill-title">
            <h2 id="distill-title">Distillation</h2>
            <TrainingControls
              phase={snapshot?.phase}
              running={snapshot?.running ?? false}
              send={send}
              onReset={() => send({ type: 'reset', config })}
            />
            <HyperSliders
              temperature={settings.temperature}
              alpha={settings.alpha}
              onChange={update}
            />
            <LossFormula
              temperature={settings.temperature}
              alpha={settings.alpha}
              hard={lastLoss?.hard}
              soft={lastLoss?.soft}
            />
          </section>
          <ResultsSummary snapshot={snapshot} studentSize={settings.studentSize} />
          {!settings.embed && (
            <section className="panel" aria-labelledby="run-title">
              <h2 id="run-title">Run settings</h2>
              <RunSettings settings={settings} onApply={applyRunSettings} />
            </section>
          )}
        </aside>
        <div className="main-col">
          <SoftTargetPanel
            samples={engine.samples}
            logits={snapshot?.sampleLogits ?? null}
            temperature={settings.temperature}
            logScale={settings.logScale}
            onLogScale={(logScale) => update({ logScale })}
          />
          <div className="charts">
            <AccuracyChart points={snapshot?.accuracy ?? []} />
            <LossChart points={snapshot?.loss ?? []} />
          </div>
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
