/**
 * Why a backend is in use, in the page's language. The engine writes `report.reason` in English
 * (backend.ts); in Chinese it is worded again from what was asked for and the attempts, each
 * note's known phrases translated and a device's own name (a GPU adapter, a renderer) left as the
 * device says it.
 */
import type { BackendReport } from '../engine/protocol.ts';
import type { Language } from './i18n.ts';

const PHRASES: [RegExp, string][] = [
  [/^WebAssembly on the CPU$/, 'CPU 上的 WebAssembly'],
  [/^plain JavaScript$/, '纯 JavaScript'],
  [/^this browser has no WebGPU$/, '此浏览器不支持 WebGPU'],
  [/^no WebGPU adapter$/, '没有 WebGPU 适配器'],
  [/^software adapter \((.*)\)$/s, '软件适配器（$1）'],
  [/^hardware adapter ?(.*)$/s, '硬件适配器 $1'],
  [/^no OffscreenCanvas in workers$/, '工作线程中没有 OffscreenCanvas'],
  [/^no WebGL2 context$/, '没有 WebGL2 上下文'],
  [/^software renderer \((.*)\)$/s, '软件渲染器（$1）'],
  [/^renderer (.*)$/s, '渲染器 $1'],
  [/^failed to start: did not initialise$/, '启动失败：未能初始化'],
  [/^failed to start: (.*)$/s, '启动失败：$1'],
];

export function backendNote(note: string): string {
  for (const [pattern, zh] of PHRASES)
    if (pattern.test(note)) return note.replace(pattern, zh).trim();
  return note;
}

export function backendReason(report: BackendReport, language: Language): string {
  if (language === 'en') return report.reason;
  const used = report.attempts.find((a) => a.ok);
  const skipped = report.attempts
    .filter((a) => !a.ok)
    .map((a) => `${a.backend}：${backendNote(a.note)}`)
    .join('；');
  const note = used ? backendNote(used.note) : '';
  const { request, backend } = report;
  // A backend asked for by name (?backend=): the reason says so, as the English does.
  if (request && request !== 'auto') {
    const first = report.attempts[0];
    if (report.fellBack && first && !first.ok)
      return `请求的是 ${request}，但${backendNote(first.note)}；改用 ${backend}（${note}）。`;
    if (!report.fellBack && backend === request) return `按请求使用 ${backend}（${note}）。`;
  }
  if (report.fellBack) return `本应可用的后端未能工作（${skipped}）；改用 ${backend}（${note}）。`;
  return `${backend}：${note}${skipped ? `（已跳过 ${skipped}）` : ''}。`;
}
