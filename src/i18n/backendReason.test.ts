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

  it('says in Chinese that a backend was asked for by name, as the English does', () => {
    const fellBack: BackendReport = {
      backend: 'wasm',
      reason:
        'webgpu was requested but this browser has no WebGPU; using wasm (WebAssembly on the CPU).',
      attempts: [
        { backend: 'webgpu', ok: false, note: 'this browser has no WebGPU' },
        { backend: 'wasm', ok: true, note: 'WebAssembly on the CPU' },
      ],
      fellBack: true,
      request: 'webgpu',
    };
    expect(backendReason(fellBack, 'en')).toBe(fellBack.reason);
    expect(backendReason(fellBack, 'zh')).toBe(
      '请求的是 webgpu，但此浏览器不支持 WebGPU；改用 wasm（CPU 上的 WebAssembly）。',
    );
    const asked: BackendReport = {
      backend: 'wasm',
      reason: 'wasm as requested (WebAssembly on the CPU).',
      attempts: [{ backend: 'wasm', ok: true, note: 'WebAssembly on the CPU' }],
      fellBack: false,
      request: 'wasm',
    };
    expect(backendReason(asked, 'zh')).toBe('按请求使用 wasm（CPU 上的 WebAssembly）。');
    expect(backendReason({ ...asked, request: 'auto' }, 'zh')).toBe('wasm：CPU 上的 WebAssembly。');
  });
});
