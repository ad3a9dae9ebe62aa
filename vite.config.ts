import { defineConfig, type Plugin } from 'vitest/config';
import react from '@vitejs/plugin-react';

/**
 * tfjs-backend-wasm starts its WASM threads from a Blob holding `factory.toString()`, which
 * refers to the enclosing `_scriptDir`; once bundled, that name is not in the Blob's scope
 * (`_scriptDir is not defined`). Declaring it in the Blob makes threaded WASM work in a build.
 */
function tfjsWasmThreadsInBundles(): Plugin {
  const needle = '`var WasmBackendModuleThreadedSimd = ` +';
  return {
    name: 'kd:tfjs-wasm-threads-in-bundles',
    transform(code, id) {
      if (!id.includes('tfjs-backend-wasm') || !code.includes(needle)) return null;
      return {
        code: code.replace(needle, '`var _scriptDir; var WasmBackendModuleThreadedSimd = ` +'),
        map: null,
      };
    },
  };
}

/**
 * The built app's Content-Security-Policy, sent by `npm run preview` (and so enforced in every
 * e2e test; e2e/security.spec.ts fails on any violation). Hosts serve the same header (README).
 * Scripts only from the app's own origin, no inline script, no eval: 'wasm-unsafe-eval' lets the
 * tfjs WASM backend compile its module, nothing more. Workers from the same origin (and blob:,
 * which tfjs's threaded WASM uses where threads run). Inline styles: React's style attributes and
 * KaTeX's. No other origin anywhere; any page may frame the app (it is made to be embedded).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
  'frame-ancestors *',
].join('; ');

// Relative base so the built site works from any folder of a static host (embeds, GitHub Pages).
export default defineConfig({
  base: './',
  plugins: [react()],
  worker: {
    format: 'es',
    plugins: () => [tfjsWasmThreadsInBundles()],
    // The same Blob needs the factory's own names: compress the worker, but do not mangle.
    rolldownOptions: { output: { minify: { mangle: false, compress: true } } },
  },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
    // bench.html is the throughput harness that `npm run bench` drives (scripts/bench.ts).
    rollupOptions: { input: { main: 'index.html', bench: 'bench.html' } },
  },
  // Any origin may load the built files (Access-Control-Allow-Origin: *), as static hosts such
  // as GitHub Pages do: an iframe sandboxed without allow-same-origin has an opaque origin, and
  // its module scripts, styles and data files are then cross-origin requests.
  preview: { cors: true, headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } },
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
