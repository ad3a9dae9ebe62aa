import { describe, expect, it } from 'vitest';
import type { BackendReport } from '../engine/protocol.ts';
import { backendReason } from './backendReason.ts';

const REPORT: BackendReport = {
  backend: 'wasm',
  reason:
    'wasm: WebAssembly on the CPU (skipped webgpu: no WebGPU adapter; webgl: software renderer (ANGLE SwiftShader)).',
  attempts: [
    { backend: 'webgpu', ok: false, note: 'no WebGPU adapter' },
    { backend: 'webgl', ok: false, note: 'software renderer (ANGLE SwiftShader)' },
    { backend: 'wasm', ok: true, note: 'WebAssembly on the CPU' },
  ],
  fellBack: false,
};

describe('why a backend is in use', () => {
  it('is the engine’s own sentence in English', () => {
    expect(backendReason(REPORT, 'en')).toBe(REPORT.reason);
  });

  it('is worded from the attempts in Chinese, device names as the device gives them', () => {
    expect(backendReason(REPORT, 'zh')).toBe(
      'wasm：CPU 上的 WebAssembly（已跳过 webgpu：没有 WebGPU 适配器；webgl：软件渲染器（ANGLE SwiftShader））。',
    );
    const fellBack: BackendReport = {
      backend: 'cpu',
      reason: '',
      attempts: [
        { backend: 'wasm', ok: false, note: 'failed to start: 404' },
        { backend: 'cpu', ok: true, note: 'plain JavaScript' },
      ],
      fellBack: true,
    };
    expect(backendReason(fellBack, 'zh')).toBe(
      '本应可用的后端未能工作（wasm：启动失败：404）；改用 cpu（纯 JavaScript）。',
    );
  });
});
