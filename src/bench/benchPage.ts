import * as tf from '@tensorflow/tfjs';
import { chooseBackend } from '../engine/backend.ts';
import type { BackendRequest } from '../engine/protocol.ts';
import type { StudentSize } from '../models/architectures.ts';
import { matMulForBackend } from '../kernels/denseMatMul.ts';
import type { BenchRequest, BenchResult } from './benchProtocol.ts';
import { memorySoak } from './memorySoak.ts';

/**
 * bench.html?backend=wasm&batch=128,512&students=800-800,30-30&steps=20 → window.benchResult;
 * &mode=ceiling times the steps' matrix products instead (&microkernel=1: and the SIMD peak);
 * mode=pair: learners in parallel, one worker or two (pairPage.ts).
 */
const params = new URLSearchParams(location.search);
const request: BenchRequest = {
  backend: (params.get('backend') ?? 'auto') as BackendRequest,
  batchSizes: (params.get('batch') ?? '128').split(',').map(Number),
  studentSizes: (params.get('students') ?? '800-800,30-30').split(',') as StudentSize[],
  steps: Number(params.get('steps') ?? 20),
  warmup: Number(params.get('warmup') ?? 3),
  naive: params.get('naive') !== '0',
  memorySteps: Number(params.get('memory') ?? 0),
  threads: params.has('threads') ? Number(params.get('threads')) : undefined,
  ceiling: params.get('mode') === 'ceiling',
  microkernel: params.get('microkernel') === '1',
};
const out = document.getElementById('out')!;
const publish = (data: { ok: true; result: BenchResult } | { ok: false; error: string }) => {
  (window as unknown as { benchResult?: unknown }).benchResult = data;
  out.textContent = JSON.stringify(data, null, 2);
};

if (params.get('mode') === 'pair')
  void import('./pairPage.ts')
    .then(({ runPairPage }) => runPairPage())
    .catch((error: unknown) => publish({ ok: false, error: String(error) }));
else if (request.memorySteps > 0) void soakOnThisPage();
else measureInWorker();

/** The memory soak runs here, on the main thread: only a page has performance.memory. */
async function soakOnThisPage(): Promise<void> {
  try {
    const report = await chooseBackend(request.backend, { wasmThreads: true });
    const numTensorsBefore = tf.memory().numTensors;
    const memory = memorySoak(request.memorySteps, matMulForBackend(report.backend));
    publish({
      ok: true,
      result: {
        requested: request.backend,
        backend: report.backend,
        reason: report.reason,
        timings: [],
        threads: null,
        crossOriginIsolated: window.crossOriginIsolated,
        matMul: [],
        memory,
        numTensorsBefore,
        numTensorsAfter: tf.memory().numTensors,
      },
    });
  } catch (error) {
    publish({ ok: false, error: String(error) });
  }
}

function measureInWorker(): void {
  const worker = new Worker(new URL('./throughput.worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (
    e: MessageEvent<{ ok: true; result: BenchResult } | { ok: false; error: string }>,
  ) => {
    publish(e.data);
    worker.terminate();
  };
  worker.onerror = (e: ErrorEvent) => publish({ ok: false, error: e.message || 'worker error' });
  worker.postMessage(request);
}
