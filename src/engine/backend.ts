import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import type { BackendAttempt, BackendName, BackendReport, BackendRequest } from './protocol.ts';
import { say, WordedError } from './messageWords.ts';

/** Fastest first, when the hardware is real. Software GPU adapters are skipped: bench/results.md measures them far slower than WASM. */
const AUTO_ORDER: BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];
const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|basic render|microsoft basic/i;

// All three files, so tfjs can pick SIMD (and threads, under cross-origin isolation).
setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlain,
  'tfjs-backend-wasm-simd.wasm': wasmSimd,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedSimd,
});

interface Probe {
  usable: boolean;
  /** Hardware or software, and what it is. */
  note: string;
}

async function probeWebGpu(): Promise<Probe> {
  const gpu = (navigator as Navigator & { gpu?: GPU }).gpu;
  if (!gpu) return { usable: false, note: 'this browser has no WebGPU' };
  const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  if (!adapter) return { usable: false, note: 'no WebGPU adapter' };
  const info = (adapter as GPUAdapter & { info?: GPUAdapterInfo }).info;
  const fallback =
    (info as (GPUAdapterInfo & { isFallbackAdapter?: boolean }) | undefined)?.isFallbackAdapter ??
    (adapter as GPUAdapter & { isFallbackAdapter?: boolean }).isFallbackAdapter ??
    false;
  const name = [info?.vendor, info?.architecture, info?.description].filter(Boolean).join(' ');
  if (fallback || SOFTWARE_RENDERER.test(name)) {
    return { usable: false, note: `software adapter (${name || 'fallback adapter'})` };
  }
  return { usable: true, note: `hardware adapter ${name || ''}`.trim() };
}

function probeWebGl(): Probe {
  if (typeof OffscreenCanvas === 'undefined')
    return { usable: false, note: 'no OffscreenCanvas in workers' };
  const gl = new OffscreenCanvas(1, 1).getContext('webgl2');
  if (!gl) return { usable: false, note: 'no WebGL2 context' };
  const debug = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(gl.getParameter(debug ? debug.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  if (SOFTWARE_RENDERER.test(renderer))
    return { usable: false, note: `software renderer (${renderer})` };
  return { usable: true, note: `renderer ${renderer}` };
}

async function probe(name: BackendName): Promise<Probe> {
  switch (name) {
    case 'webgpu':
      return probeWebGpu();
    case 'webgl':
      return probeWebGl();
    case 'wasm':
      return { usable: typeof WebAssembly === 'object', note: 'WebAssembly on the CPU' };
    case 'cpu':
      return { usable: true, note: 'plain JavaScript' };
  }
}

/** setBackend resolves false (not throws) on failure; a tiny op proves the backend really runs. */
async function start(name: BackendName, wasmThreads: boolean): Promise<string | null> {
  try {
    // tfjs-wasm takes threads wherever the page is cross-origin isolated, from a Blob script that
    // the app's Content-Security-Policy (vite.config.ts: no blob: in script-src) refuses: the
    // worker would crash on a host that sends COOP and COEP. The app trains without them
    // (its learners split across workers instead: partner/); the bench asks for them.
    if (name === 'wasm' && !wasmThreads) tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    if (!(await tf.setBackend(name))) return 'did not initialise';
    await tf.ready();
    const check = tf.tidy(() => tf.matMul(tf.ones([2, 3]), tf.ones([3, 2])).sum());
    const value = (await check.data())[0];
    check.dispose();
    return value === 12 ? null : `wrong result from a test matMul (${value})`;
  } catch (e) {
    return (e as Error).message || String(e);
  }
}

/**
 * Picks the training backend. Auto: hardware WebGPU, hardware WebGL, WASM, CPU. A forced backend
 * (`?backend=`) is tried even on software rendering; if it cannot start, the next usable one in
 * the auto order takes over and the report says so.
 */
export async function chooseBackend(
  request: BackendRequest,
  options: { wasmThreads?: boolean } = {},
): Promise<BackendReport> {
  const attempts: BackendAttempt[] = [];
  const candidates =
    request === 'auto' ? AUTO_ORDER : [request, ...AUTO_ORDER.filter((b) => b !== request)];
  for (const name of candidates) {
    const forced = name === request;
    const found = await probe(name).catch((e: Error) => ({ usable: false, note: e.message }));
    if (!found.usable && !(forced && name !== 'cpu' && found.note.startsWith('software'))) {
      attempts.push({ backend: name, ok: false, note: found.note });
      continue;
    }
    if (forced && name === 'webgl') tf.env().set('SOFTWARE_WEBGL_ENABLED', true);
    const failure = await start(name, options.wasmThreads ?? false);
    if (failure) {
      attempts.push({ backend: name, ok: false, note: `failed to start: ${failure}` });
      continue;
    }
    attempts.push({ backend: name, ok: true, note: found.note });
    // Asked for, or (on auto) a usable backend that failed to start: the page says so.
    const fellBack =
      name !== request &&
      (request !== 'auto' || attempts.some((a) => !a.ok && a.note.startsWith('failed to start')));
    const skipped = attempts.filter((a) => !a.ok).map((a) => `${a.backend}: ${a.note}`);
    const reason = fellBack
      ? request === 'auto'
        ? `a backend that should have worked did not (${skipped.join('; ')}); using ${name} (${found.note}).`
        : `${request} was requested but ${attempts[0].note}; using ${name} (${found.note}).`
      : request === 'auto'
        ? `${name}: ${found.note}${skipped.length ? ` (skipped ${skipped.join('; ')})` : ''}.`
        : `${name} as requested (${found.note}).`;
    return { backend: name, reason, attempts, fellBack, request };
  }
  const tried = attempts.map((a) => `${a.backend}: ${a.note}`).join('; ');
  throw new WordedError(say('engine.noBackend', { attempts: tried }));
}
