/**
 * bench.html?mode=pair&workers=1|2|0&idle=8 — learners in parallel: a distilled and a control
 * 800-800 student (batch 128, cached teacher logits, the same batch order) trained by one worker
 * in lockstep (workers=1), by a worker each at once (workers=2), or not at all (0, the page's
 * own baseline). After `idle` seconds untouched, the page offers a temperature slider to drag
 * (window.pairState = 'drag'); window.pairFinish() ends the run and publishes window.benchResult.
 */
import type {
  PairCommand,
  PairEvent,
  PairLearner,
  PairResult,
  PairWindow,
} from './pairProtocol.ts';

const BATCH = 128;
const params = new URLSearchParams(location.search);
const workerCount = Number(params.get('workers') ?? 1);
const idleSeconds = Number(params.get('idle') ?? 8);
const state = window as unknown as {
  pairState?: 'starting' | 'idle' | 'drag' | 'stopping';
  pairFinish?: () => void;
  benchResult?: unknown;
};
const out = document.getElementById('out')!;
const publish = (data: { ok: true; result: PairResult } | { ok: false; error: string }) => {
  state.benchResult = data;
  out.textContent = JSON.stringify(data, null, 2);
};

/** The slider and a panel of soft targets (10 rows × 10 classes) it redraws at each input. */
function softTargetPanel(): HTMLInputElement {
  const slider = Object.assign(document.createElement('input'), {
    type: 'range',
    min: '1',
    max: '20',
    step: '0.1',
    value: '4',
    id: 'pair-slider',
  });
  slider.setAttribute('aria-label', 'Temperature');
  slider.style.width = '600px';
  const formula = document.createElement('p');
  const rows = Array.from({ length: 10 }, (_, r) => {
    const logits = Array.from({ length: 10 }, (_, c) => (c === r ? 9 : ((r * 7 + c * 3) % 11) - 3));
    const row = document.createElement('div');
    const bars = logits.map(() => {
      const bar = document.createElement('span');
      bar.style.cssText = 'display:inline-block;height:12px;background:#36c;margin-right:4px';
      const label = document.createElement('small');
      row.append(bar, label);
      return { bar, label };
    });
    document.body.append(row);
    return { logits, bars };
  });
  const draw = () => {
    const t = Number(slider.value);
    formula.textContent = `softmax(z / T), T = ${t.toFixed(1)}`;
    for (const { logits, bars } of rows) {
      const e = logits.map((z) => Math.exp(z / t));
      const sum = e.reduce((a, b) => a + b, 0);
      e.forEach((v, c) => {
        bars[c].bar.style.width = `${(60 * v) / sum}px`;
        bars[c].label.textContent = `${((100 * v) / sum).toFixed(1)}%`;
      });
    }
  };
  slider.addEventListener('input', draw);
  document.body.prepend(slider, formula);
  draw();
  return slider;
}

/** input event → the first frame after it (a message posted from rAF runs after that paint). */
function instrument(slider: HTMLInputElement) {
  const latencies: number[] = [];
  const longTasks: number[] = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push(entry.startTime);
  }).observe({ type: 'longtask', buffered: true });
  slider.addEventListener('input', (event) => {
    const started = event.timeStamp;
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => latencies.push(performance.now() - started);
      channel.port2.postMessage(null);
    });
  });
  return { latencies, longTasks };
}

function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
}

function awaitEvent(worker: Worker, type: PairEvent['type']): Promise<PairEvent> {
  return new Promise((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<PairEvent>) => {
      if (e.data.type === 'error') reject(new Error(e.data.message));
      else if (e.data.type === type) resolve(e.data);
    };
    worker.onerror = (e) => reject(new Error(e.message || 'worker error'));
  });
}

export async function runPairPage(): Promise<void> {
  state.pairState = 'starting';
  const slider = softTargetPanel();
  const { latencies, longTasks } = instrument(slider);
  const split: PairLearner[][] =
    workerCount === 2
      ? [['distilled'], ['control']]
      : workerCount === 1
        ? [['distilled', 'control']]
        : [];
  const workers = split.map(
    () => new Worker(new URL('./pair.worker.ts', import.meta.url), { type: 'module' }),
  );
  const send = (w: Worker, command: PairCommand) => w.postMessage(command);
  const ready = await Promise.all(
    workers.map((w, i) => {
      const event = awaitEvent(w, 'ready');
      send(w, { type: 'init', learners: split[i], batchSize: BATCH, examples: 4096, warmup: 3 });
      return event;
    }),
  );
  const clock = () => performance.timeOrigin + performance.now();
  const goAt = clock();
  for (const w of workers) send(w, { type: 'go' });
  state.pairState = 'idle';
  await new Promise((resolve) => setTimeout(resolve, idleSeconds * 1000));
  const dragAt = clock();
  state.pairState = 'drag';
  await new Promise<void>((resolve) => (state.pairFinish = resolve));
  const endAt = clock();
  state.pairState = 'stopping';
  const done = await Promise.all(
    workers.map((w) => {
      const event = awaitEvent(w, 'done');
      send(w, { type: 'stop' });
      return event;
    }),
  );
  for (const w of workers) w.terminate();
  const stepEnds = done.flatMap((d) => (d.type === 'done' ? [d.stepEnds] : []));
  const windowOf = (from: number, to: number): PairWindow => {
    const counts = stepEnds.map((ends) => ends.filter((t) => t > from && t <= to).length);
    const pairSteps = counts.length ? Math.min(...counts) : 0;
    const seconds = (to - from) / 1000;
    const origin = performance.timeOrigin;
    return {
      seconds,
      pairStepsPerSec: pairSteps / seconds,
      samplesPerSec: (pairSteps * BATCH) / seconds,
      longTasks: longTasks.filter((t) => t + origin >= from && t + origin <= to).length,
    };
  };
  const first = ready[0];
  publish({
    ok: true,
    result: {
      workers: workerCount,
      hardwareConcurrency: navigator.hardwareConcurrency,
      backend: first?.type === 'ready' ? first.backend : 'none',
      threads: first?.type === 'ready' ? first.threads : null,
      batchSize: BATCH,
      idle: windowOf(goAt, dragAt),
      drag: {
        ...windowOf(dragAt, endAt),
        inputs: latencies.length,
        p50: percentile(latencies, 50),
        p95: percentile(latencies, 95),
        max: Math.max(...latencies),
      },
    },
  });
}
