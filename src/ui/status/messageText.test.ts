import { afterEach, describe, expect, it, vi } from 'vitest';
import { clientWords } from '../../client/clientWords.ts';
import { startEngine, WATCHDOG } from '../../client/engineClient.ts';
import { workerBlockedMessage } from '../../client/inPageEngine.ts';
import { DataAssetError, parseSplit } from '../../data/loadMnist.ts';
import { encodeIdx } from '../../data/idx.ts';
import { englishWords, wordsOf, type Words } from '../../engine/messageWords.ts';
import type { BackendReport } from '../../engine/protocol.ts';
import { loadTeacherWeights } from '../../engine/teacherWeights.ts';
import { readRunFile } from '../../export/runFileV1.ts';
import { i18next } from '../../i18n/i18n.ts';
import { storageMessage, storageWords } from '../../storage/runStore.ts';
import { backendText, messageText, wordsText } from './messageText.ts';

const en = i18next.getFixedT('en');
const zh = i18next.getFixedT('zh');

/** The words say the sentence, byte for byte, in English (with i18next and without). */
function sameSentence(message: string, words: Words | null | undefined): Words {
  expect(words, message).toBeTruthy();
  expect(englishWords(words!)).toBe(message);
  expect(wordsText(words!, en)).toBe(message);
  expect(messageText(message, words, zh, 'en')).toBe(message);
  return words!;
}

/** A run of three English words is a sentence left untranslated. */
const untranslated = (text: string) => /[A-Za-z]{2,}\s+[A-Za-z]{2,}\s+[A-Za-z]{2,}/.test(text);

function dataError(work: () => unknown): DataAssetError {
  try {
    work();
  } catch (e) {
    if (e instanceof DataAssetError) return e;
    throw e;
  }
  throw new Error('no error');
}

describe('a data file’s fault', () => {
  const images = (count: number, side = 28) =>
    encodeIdx('images', [count, side, side], new Uint8Array(count * side * side));
  const labels = (values: number[]) =>
    encodeIdx('labels', [values.length], Uint8Array.from(values));
  const cases: [string, () => unknown][] = [
    [
      'a web page',
      () => parseSplit('i', new TextEncoder().encode('<!doctype html>'), 'l', labels([1]), 1),
    ],
    ['a short file', () => parseSplit('i', new Uint8Array(2), 'l', labels([1]), 1)],
    ['a wrong magic number', () => parseSplit('i', labels([1]), 'l', labels([1]), 1)],
    ['a cut file', () => parseSplit('i', images(2).subarray(0, 100), 'l', labels([1]), 2)],
    ['a label out of range', () => parseSplit('i', images(1), 'l', labels([12]), 1)],
    ['another image size', () => parseSplit('i', images(1, 20), 'l', labels([1]), 1)],
    ['too few images', () => parseSplit('i', images(1), 'l', labels([1]), 2)],
    ['too few labels', () => parseSplit('i', images(2), 'l', labels([1]), 2)],
    [
      'a network error',
      () => {
        throw new DataAssetError('f.gz', 'network error (Failed to fetch)');
      },
    ],
    [
      'a broken gzip',
      () => {
        throw new DataAssetError('f.gz', 'the gzip data is corrupt');
      },
    ],
  ];
  it.each(cases)('is worded from its data: %s', (_, work) => {
    const e = dataError(work);
    const words = sameSentence(e.message, wordsOf(e));
    expect(typeof words.values?.detail, 'what was wrong, as words').toBe('object');
    const chinese = wordsText(words, zh);
    expect(chinese).toContain('npm run prepare-data');
    // The command and what the browser said stay as they are.
    const rest = chinese.replace('npm run prepare-data', '').replace('Failed to fetch', '');
    expect(untranslated(rest), chinese).toBe(false);
  });

  it('keeps an HTTP status as the server said it', () => {
    const e = new DataAssetError('data/t10k-images-idx3-ubyte.gz', 'HTTP 404 Not Found');
    const words = sameSentence(e.message, wordsOf(e));
    expect(wordsText(words, zh)).toBe(
      '无法加载 MNIST 文件 data/t10k-images-idx3-ubyte.gz：HTTP 404 Not Found。请用 `npm run prepare-data` 重新生成数据。',
    );
  });
});

describe('a pretrained teacher’s fault', () => {
  afterEach(() => vi.unstubAllGlobals());
  const serve = (json: unknown, status = 200) =>
    vi.stubGlobal('fetch', (url: URL | string) =>
      Promise.resolve(
        String(url).endsWith('.json')
          ? new Response(JSON.stringify(json), { status })
          : new Response(new Uint8Array(8).buffer),
      ),
    );
  const refusal = async () => {
    const e = await loadTeacherWeights('http://app.test/', 'teacher').catch((e: unknown) => e);
    expect(e).toBeInstanceOf(Error);
    return sameSentence((e as Error).message, wordsOf(e));
  };

  it('names the file and why, in Chinese too', async () => {
    serve({}, 404);
    expect(wordsText(await refusal(), zh)).toBe(
      '无法加载预训练教师（models/teacher.json）：HTTP 404。请用 `npm run train:teacher` 重新生成。',
    );
    serve({ weightsManifest: [] });
    expect(wordsText(await refusal(), zh)).toContain('其中没有指明权重文件');
    serve({ weightsManifest: [{ paths: ['teacher.bin'] }], sha256: 'not the hash' });
    const sha = await refusal();
    expect(wordsText(sha, zh)).toBe(
      '无法加载预训练教师（models/teacher.bin）：它的 SHA-256 与 models/teacher.json 中记录的不一致，说明文件已损坏或被替换。请用 `npm run train:teacher` 重新生成。',
    );
  });
});

describe('the worker’s client', () => {
  class FakeWorker {
    onmessage: unknown = null;
    onerror: ((e: ErrorEvent) => void) | null = null;
    postMessage() {}
    terminate() {}
  }
  const lost = (act: (worker: FakeWorker) => void) => {
    const worker = new FakeWorker();
    const messages: string[] = [];
    const client = startEngine(
      () => {},
      (m) => messages.push(m),
      worker as unknown as Worker,
    );
    act(worker);
    client.terminate();
    expect(messages).toHaveLength(1);
    return messages[0];
  };

  it('words why the worker is gone', () => {
    for (const why of ['boom', '']) {
      const message = lost((w) =>
        w.onerror?.({ message: why, preventDefault: () => {} } as unknown as ErrorEvent),
      );
      const words = sameSentence(message, clientWords(message));
      expect(untranslated(wordsText(words, zh))).toBe(false);
    }
    vi.useFakeTimers();
    try {
      const message = lost(() =>
        vi.advanceTimersByTime(WATCHDOG.timeoutMs + 3 * WATCHDOG.intervalMs),
      );
      expect(wordsText(sameSentence(message, clientWords(message)), zh)).toMatch(
        /^训练工作线程停止了响应（\d+ 秒没有回复）/,
      );
    } finally {
      vi.useRealTimers();
    }
    const noEngine = `The training engine could not load: ${String(new TypeError('x'))}.`;
    sameSentence(noEngine, clientWords(noEngine));
  });

  it('words why no worker could start', () => {
    const message = workerBlockedMessage(new DOMException('denied (here)', 'SecurityError'));
    const words = sameSentence(message, clientWords(message));
    expect(wordsText(words, zh)).toContain('SecurityError: denied (here)');
    expect(clientWords('something else')).toBeNull();
  });
});

describe('saved runs and run files', () => {
  it('word a storage failure', () => {
    const failures = [
      new DOMException('quota', 'QuotaExceededError'),
      new DOMException('no', 'SecurityError'),
      new Error('disk on fire'),
      'a string',
    ];
    for (const e of failures) {
      const words = sameSentence(storageMessage(e), storageWords(e));
      expect(untranslated(wordsText(words, zh).replace('disk on fire', ''))).toBe(false);
    }
  });

  it('word a refused run file', () => {
    const refusals = [
      readRunFile('{"a":', 'x.json'),
      readRunFile('{"format":"other"}', 'x.json'),
      readRunFile('{"format":"kd-playground-run","version":2}', 'x.json'),
      readRunFile('{"format":"kd-playground-run"}', 'x.json'),
      readRunFile('{"format":"kd-playground-run","version":1,"savedAt":3}', 'x.json'),
      readRunFile({ byteLength: 1e9 } as ArrayBuffer, 'x.json'),
    ];
    for (const read of refusals) {
      expect(read.ok).toBe(false);
      if (read.ok) continue;
      const chinese = wordsText(sameSentence(read.message, read.words), zh);
      expect(untranslated(chinese.replace('KD Playground', '')), chinese).toBe(false);
    }
    const damaged = refusals[4];
    expect(!damaged.ok && wordsText(damaged.words, zh)).toBe(
      'x.json 已损坏：其字段 "savedAt" 不是文本。请在本页“保存与导出”面板中下载一个运行文件。',
    );
  });
});

describe('the backend in use', () => {
  const report = (over: Partial<BackendReport>): BackendReport => ({
    backend: 'wasm',
    reason:
      'webgpu was requested but this browser has no WebGPU; using wasm (WebAssembly on the CPU).',
    attempts: [
      { backend: 'webgpu', ok: false, note: 'this browser has no WebGPU' },
      { backend: 'wasm', ok: true, note: 'WebAssembly on the CPU' },
    ],
    fellBack: true,
    request: 'webgpu',
    ...over,
  });

  it('says a backend was asked for', () => {
    expect(backendText(report({}), en, 'en')).toBe(report({}).reason);
    expect(backendText(report({}), zh, 'zh')).toBe(
      '请求的是 webgpu，但此浏览器不支持 WebGPU；改用 wasm（CPU 上的 WebAssembly）。',
    );
    const asked = report({
      backend: 'wasm',
      reason: 'wasm as requested (WebAssembly on the CPU).',
      attempts: [{ backend: 'wasm', ok: true, note: 'WebAssembly on the CPU' }],
      fellBack: false,
      request: 'wasm',
    });
    expect(backendText(asked, zh, 'zh')).toBe('按请求使用 wasm（CPU 上的 WebAssembly）。');
    // On auto, the backend's own reason (i18n/backendReason.ts).
    expect(backendText({ ...asked, request: 'auto' }, zh, 'zh')).toBe(
      'wasm：CPU 上的 WebAssembly。',
    );
  });
});
