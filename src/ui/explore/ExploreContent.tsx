import { memo } from 'react';
import type { RosterEntry, SampleDigits } from '../../engine/protocol.ts';
import type { ExploreView } from '../../state/exploreViews.ts';
import type { Settings } from '../../state/settingsSchema.ts';
import { DarkKnowledgePanel } from '../darkMap/DarkKnowledgePanel.tsx';
import { DrawPanel } from '../drawing/DrawPanel.tsx';
import { LimitPanel } from '../limit/LimitPanel.tsx';
import { MistakesPanel, type MistakeCell } from '../mistakes/MistakesPanel.tsx';
import type { TestResults } from '../results/useTestResults.ts';
import { SizePanel } from '../size/SizePanel.tsx';
import { SweepPanel } from '../sweep/SweepPanel.tsx';
import type { SweepControls } from '../sweep/useSweep.ts';
import type { EngineView } from '../useEngine.ts';

interface Props {
  view: ExploreView;
  engine: EngineView;
  settings: Settings;
  update: (patch: Partial<Settings>) => void;
  members: readonly RosterEntry[];
  samples: SampleDigits | null;
  sampleLogits: Readonly<Record<string, Float32Array>>;
  results: TestResults | null;
  cell: MistakeCell | null;
  onCell: (cell: MistakeCell | null) => void;
  sweep: SweepControls;
}

/** The open “look inside” panel, given what it reads from the run. */
function ExploreContentView(props: Props) {
  const { view, engine, settings, members, results } = props;
  switch (view) {
    case 'mistakes':
      return (
        <MistakesPanel
          members={members}
          results={results}
          evaluations={engine.evaluations}
          testLabels={engine.testLabels}
          temperature={settings.temperature}
          logScale={settings.logScale}
          biasClasses={settings.biasClasses}
          biasShift={settings.biasShift}
          cell={props.cell}
          onCell={props.onCell}
          testDigits={engine.testDigits}
          onPin={(index) => {
            engine.send({ type: 'pinSample', index });
            document.getElementById('soft-title')?.scrollIntoView({ block: 'start' });
          }}
        />
      );
    case 'size':
      return (
        <SizePanel
          members={members}
          runId={engine.roster?.runId ?? null}
          backend={engine.backend?.backend ?? null}
          measureSize={engine.measureSize}
        />
      );
    case 'limit':
      return (
        <LimitPanel
          members={members}
          samples={props.samples}
          sampleLogits={props.sampleLogits}
          temperature={settings.temperature}
          alpha={settings.alpha}
        />
      );
    case 'dark':
      return (
        <DarkKnowledgePanel
          members={members}
          evaluations={engine.evaluations}
          testLabels={engine.testLabels}
          temperature={settings.temperature}
        />
      );
    case 'draw':
      return (
        <DrawPanel
          members={members}
          temperature={settings.temperature}
          logScale={settings.logScale}
          samples={props.samples}
          infer={engine.infer}
        />
      );
    case 'sweep':
      return (
        <SweepPanel
          sweep={props.sweep}
          seed={settings.seed}
          pausePage={() => engine.send({ type: 'pause' })}
        />
      );
  }
}

export const ExploreContent = memo(ExploreContentView);
