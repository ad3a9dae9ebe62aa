import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import { sampleLogitsById } from '../client/engineState.ts';
import type { RosterEntry } from '../engine/protocol.ts';
import type { PresetId } from '../state/presetIds.ts';
import { presetById } from '../state/presets.ts';
import type { Settings } from '../state/settingsSchema.ts';
import { toLiveHyper, toRecipe } from '../state/toRecipe.ts';
import type { SettingNotice } from '../state/urlState.ts';
import { AccuracyChart } from './charts/AccuracyChart.tsx';
import { accuracyReferences } from './charts/accuracyReferences.ts';
import { FidelityChart } from './charts/FidelityChart.tsx';
import { LossChart } from './charts/LossChart.tsx';
import { RunSettings } from './controls/RunSettings.tsx';
import { DistillationPanel } from './DistillationPanel.tsx';
import { ExploreContent } from './explore/ExploreContent.tsx';
import { ExplorePanel } from './explore/ExplorePanel.tsx';
import { useSweep } from './sweep/useSweep.ts';
import type { MistakeCell } from './mistakes/MistakesPanel.tsx';
import { PresetBar } from './presets/PresetBar.tsx';
import { PerClassPanel } from './results/PerClassPanel.tsx';
import { ResultsTable } from './results/ResultsTable.tsx';
import { useTestResults } from './results/useTestResults.ts';
import { hasMeanEnsemble, provisionalMembers } from './roster/rosterView.ts';
import { SoftTargetPanel } from './softTargets/SoftTargetPanel.tsx';
import { Notices } from './status/Notices.tsx';
import { StatusBar } from './status/StatusBar.tsx';
import { trainingWorkerCount } from '../state/trainingWorkers.ts';
import { useEngine } from './useEngine.ts';
import { useQuietSettings } from './useQuietSettings.ts';
import { useLiveHyper } from './hyper/liveHyper.ts';
import { useHeldWhile, useSliderHeld } from './hyper/useSliderHeld.ts';
import { useEventCallback } from './useEventCallback.ts';
import { useUrlSettings } from './useUrlSettings.ts';
import { LessonPanel } from './lesson/LessonPanel.tsx';
import { useLessonSteps } from './lesson/useLessonSteps.ts';
import { useEmbedHeight } from './embed/useEmbedHeight.ts';
import { PageHeader } from './PageHeader.tsx';
import { RunsPanel } from './runs/RunsPanel.tsx';
import { useTheme } from './useTheme.ts';
import { useTranslation } from 'react-i18next';
import { localizeMembers } from '../i18n/memberLabels.ts';
import { useLanguage } from '../i18n/useLanguage.ts';
import { isHidden, type PanelId } from '../state/panels.ts';

const NO_POINTS: never[] = [];
const NO_MEMBERS: RosterEntry[] = [];
const NO_LATEST = {};
const QUIET_IDLE_MS = 150;
const QUIET_MAX_MS = 1000;
const NO_COUNTS = new Array<number>(10).fill(0);

/** Settings live in the URL; a new backend or worker count remounts the playground and the worker. */
export function App() {
  const { settings, notices, update } = useUrlSettings();
  const engineKey = `${settings.backend}/${settings.workers}`;
  return <Playground key={engineKey} settings={settings} notices={notices} update={update} />;
}

interface PlaygroundProps {
  settings: Settings;
  notices: SettingNotice[];
  update: (patch: Partial<Settings>) => void;
}

function Playground({ settings, notices, update }: PlaygroundProps) {
  const { t } = useTranslation();
  const recipe = useMemo(() => toRecipe(settings), [settings]);
  // While a hand holds a slider, the views keep the worker's state from when it pressed: a T
  // drag redraws the sliders and the bars only, and the views catch up once, at release
  // (bench/results.md, *Responsiveness*). Training goes on meanwhile.
  const held = useSliderHeld();
  const workers = trainingWorkerCount(settings.workers, navigator.hardwareConcurrency || 1);
  const engine = useHeldWhile(
    useEngine(settings.backend, recipe, toLiveHyper(settings), workers),
    held,
  );
  const { snapshot, send } = engine;
  const language = useLanguage(settings.lang);
  // The roster's names in the page's language (the engine's own stay English).
  const roster = useMemo(
    () =>
      engine.roster && {
        ...engine.roster,
        members: localizeMembers(engine.roster.members, language),
      },
    [engine.roster, language],
  );
  // The T × α sweep lives as long as the page: switching tabs does not stop it.
  const sweep = useSweep(settings.backend);
  // Curves and tables follow the worker at low priority: a slider input always renders first.
  const background = useDeferredValue(snapshot);
  // A T or α drag redraws the sliders and the soft-target bars at every step; every other view
  // (KaTeX typesetting, the bars' words, lesson claims, look-inside panels, the share link)
  // follows once the hand rests, and once a second during a long drag, from settings that keep
  // their identity in between (bench/results.md, *Responsiveness*).
  const quiet = useQuietSettings(settings, QUIET_IDLE_MS, QUIET_MAX_MS);
  // The sliders' T and α, ahead of the settings during a drag; the worker takes the settings'.
  const live = useLiveHyper(settings, send);

  const applyRunSettings = useEventCallback((patch: Partial<Settings>) => {
    const next = { ...settings, ...patch };
    update(patch);
    // A new backend or worker count restarts the worker (useEngine); the rest resets in place.
    if (next.backend === settings.backend && next.workers === settings.workers)
      send({ type: 'reset', recipe: toRecipe(next) });
  });
  const selectPreset = useEventCallback((id: PresetId) =>
    applyRunSettings({ preset: id, ...presetById(id)?.settings }),
  );
  const resetRun = useEventCallback(() => send({ type: 'reset', recipe }));
  const lessonSteps = useLessonSteps(settings, update, applyRunSettings);
  const goToStep = useEventCallback(lessonSteps.goToStep);
  const openLesson = useEventCallback(lessonSteps.openLesson);
  const setLogScale = useCallback((logScale: boolean) => update({ logScale }), [update]);
  const setView = useCallback((explore: Settings['explore']) => update({ explore }), [update]);
  useEmbedHeight(settings.embed);
  useTheme(settings.theme);
  const shown = (panel: PanelId) => !isHidden(settings.hide, panel);
  // A column whose panels are all hidden is not drawn: the other takes the width.
  const sideShown =
    shown('controls') || shown('results') || shown('runs') || (shown('settings') && !settings.lock);

  // Every view iterates the run's roster; before it comes, the recipe's members stand in for
  // the soft-target bars (the pretrained teacher's preview).
  const members = roster?.members ?? NO_MEMBERS;
  const barMembers = useMemo(() => roster?.members ?? provisionalMembers(recipe), [roster, recipe]);
  const transferDigits = useMemo(
    () => roster?.transferDigits ?? settings.transferDigits.split('').map(Number),
    [roster, settings.transferDigits],
  );
  const results = useTestResults(
    engine.testLabels,
    engine.evaluations,
    members,
    transferDigits,
    settings.biasClasses,
    settings.biasShift,
  );
  const sampleLogits = useMemo(
    () => sampleLogitsById(snapshot?.sampleLogits, engine.earlyLogits),
    [snapshot?.sampleLogits, engine.earlyLogits],
  );
  const seenClassCounts = background?.seenClassCounts ?? NO_COUNTS;
  const facts = useMemo(
    () => ({ settings: quiet, members, sampleLogits, results, seenClassCounts }),
    [quiet, members, sampleLogits, results, seenClassCounts],
  );
  const references = accuracyReferences(members, snapshot?.latest, snapshot?.testSize ?? 0);
  const [cell, setCell] = useState<MistakeCell | null>(null);
  const openCell = useCallback(
    (c: MistakeCell) => {
      setCell(c);
      update({ explore: 'mistakes' });
      document.getElementById('explore-title')?.scrollIntoView({ block: 'start' });
    },
    [update],
  );

  return (
    <div className={`app${settings.embed ? ' embed' : ''}`} data-lock={settings.lock || undefined}>
      {!settings.embed && <PageHeader settings={quiet} update={update} />}
      <StatusBar
        snapshot={snapshot}
        roster={roster}
        backend={engine.backend}
        stopped={engine.lost !== null}
      />
      <Notices
        engineNotices={engine.notices}
        urlNotices={notices}
        backend={engine.backend}
        error={engine.error}
        pausedReason={engine.pausedReason}
        lost={engine.lost}
        onRestart={engine.restart}
      />
      <main className={`layout${sideShown ? '' : ' no-side'}`}>
        {sideShown && (
          <aside className="side">
            {shown('controls') && (
              <DistillationPanel
                settings={quiet}
                live={live}
                roster={roster}
                snapshot={snapshot}
                background={background}
                send={send}
                update={update}
                applyRunSettings={applyRunSettings}
                onReset={resetRun}
                stopped={engine.lost !== null}
                locked={settings.lock}
              />
            )}
            {shown('results') && (
              <section className="panel results" aria-labelledby="results-title">
                <h2 id="results-title">{t('results.title')}</h2>
                <ResultsTable
                  results={results}
                  members={members}
                  latest={background?.latest ?? NO_LATEST}
                  transferLabels={roster?.transferLabels ?? settings.useLabels}
                  preset={presetById(settings.preset)}
                  biasActive={settings.biasShift !== 0 && settings.biasClasses !== ''}
                />
              </section>
            )}
            {shown('runs') && (
              <RunsPanel
                settings={quiet}
                roster={roster}
                snapshot={background}
                exportLearners={engine.exportLearners}
              />
            )}
            {shown('settings') && !settings.lock && (
              <section className="panel run" aria-labelledby="run-title">
                <h2 id="run-title">{t('settings.title')}</h2>
                <RunSettings
                  settings={quiet}
                  onApply={applyRunSettings}
                  ensemble={hasMeanEnsemble(members)}
                />
              </section>
            )}
          </aside>
        )}
        <div className="main-col">
          {shown('lesson') && (settings.lesson !== 'none' || !settings.embed) && (
            <LessonPanel
              lessonId={settings.lesson}
              step={settings.lessonStep}
              facts={facts}
              live={live}
              onStep={goToStep}
              onLesson={openLesson}
              onSettings={update}
              language={language}
            />
          )}
          {shown('presets') && !settings.lock && (
            <PresetBar active={settings.preset} onSelect={selectPreset} />
          )}
          {shown('targets') && (
            <SoftTargetPanel
              samples={engine.samples}
              logits={sampleLogits}
              members={barMembers}
              live={live}
              quietTemperature={quiet.temperature}
              logScale={settings.logScale}
              onLogScale={setLogScale}
            />
          )}
          {shown('charts') && (
            <div className="charts">
              <AccuracyChart
                points={background?.evaluations ?? NO_POINTS}
                members={members}
                references={references}
              />
              <LossChart points={background?.loss ?? NO_POINTS} members={members} />
              <FidelityChart points={background?.evaluations ?? NO_POINTS} members={members} />
            </div>
          )}
          {shown('explore') && (
            <ExplorePanel view={settings.explore} onView={setView}>
              <ExploreContent
                view={settings.explore}
                engine={engine}
                settings={quiet}
                update={update}
                members={members}
                samples={engine.samples}
                sampleLogits={sampleLogits}
                results={results}
                cell={cell}
                onCell={setCell}
                sweep={sweep}
              />
            </ExplorePanel>
          )}
          {shown('perclass') && (
            <PerClassPanel
              onCell={openCell}
              results={results}
              members={members}
              biasClasses={settings.biasClasses}
              biasShift={settings.biasShift}
              onBias={update}
              seenClassCounts={background?.seenClassCounts ?? NO_COUNTS}
              transferSize={roster?.transferSize ?? 0}
            />
          )}
        </div>
      </main>
      {!settings.embed && <footer className="foot small">{t('status.footer')}</footer>}
    </div>
  );
}
