import type { BackendRequest, StudentSize } from '../engine/protocol.ts';
import type { BenchRequest, BenchResult } from './benchProtocol.ts';

/** bench.html?backend=wasm&batch=128,512&students=800-800,30-30&steps=20 → window.benchResult */
const params = new URLSearchParams(location.search);
const request: BenchRequest = {
  backend: (params.get('backend') ?? 'auto') as BackendRequest,
  batchSizes: (params.get('batch') ?? '128').split(',').map(Number),
  studentSizes: (params.get('students') ?? '800-800,30-30').split(',') as StudentSize[],
  steps: Number(params.get('steps') ?? 20),
  warmup: Number(params.get('warmup') ?? 3),
  naive: params.get('naive') !== '0',
  memorySteps: Number(params.get('memory') ?? 0),
};
const out = document.getElementById('out')!;
const worker = new Worker(new URL('./throughput.worker.ts', import.meta.url), { type: 'module' });
worker.onmessage = (
  e: MessageEvent<{ ok: true; result: BenchResult } | { ok: false; error: string }>,
) => {
  const w = window as unknown as { benchResult?: unknown };
  w.benchResult = e.data;
  out.textContent = JSON.stringify(e.data, null, 2);
  worker.terminate();
};
worker.onerror = (e: ErrorEvent) => {
  (window as unknown as { benchResult?: unknown }).benchResult = {
    ok: false,
    error: e.message || 'worker error',
  };
  out.textContent = `worker error: ${e.message}`;
};
worker.postMessage(request);
