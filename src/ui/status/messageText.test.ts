import { afterEach, describe, expect, it, vi } from 'vitest';
import { startEngine, WATCHDOG } from '../../client/engineClient.ts';
import { workerBlockedMessage } from '../../client/inPageEngine.ts';
import { DataAssetError, parseSplit } from '../../data/loadMnist.ts';
import { encodeIdx } from '../../data/idx.ts';
import { say, worded, wordsOf, type WordedMessage, type Words } from '../../engine/messageWords.ts';
import { loadTeacherWeights } from '../../engine/teacherWeights.ts';
import { decodeRunFile } from '../../export/runFileV1.ts';
import { i18next } from '../../i18n/i18n.ts';
import { storageFailure } from '../../storage/runStore.ts';
import { messageText } from './messageText.ts';

const en = i18next.getFixedT('en');
const zh = i18next.getFixedT('zh');

/**
 * A message as the English and the Chinese page show it. The English page shows the sentence as
 * written; i18next's English of its words must be that same sentence, byte for byte.
 */
function shown(m: WordedMessage): { en: string; zh: string } {
  expect(m.words, m.message).toBeTruthy();
  expect(messageText(m, en, 'zh'), 'i18next’s English of the words').toBe(m.message);
  return { en: messageText(m, zh, 'en'), zh: messageText(m, zh, 'zh') };
}
const shownWords = (words: Words) => shown(worded(words));

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

describe('a message without words', () => {
  it('stays the English sentence on the Chinese page', () => {
    expect(messageText({ message: 'Something else.' }, zh, 'zh')).toBe('Something else.');
  });
});

describe('a data file’s fault', () => {
  const images = (count: number, side = 28) =>
    encodeIdx('images', [count, side, side], new Uint8Array(count * side * side));
  const labels = (values: number[]) =>
    encodeIdx('labels', [values.length], Uint8Array.from(values));
  const thrown = (detail: string) => () => {
    throw new DataAssetError('f.gz', detail);
  };
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
    ['images of no size', () => parseSplit('i', images(1, 0), 'l', labels([1]), 1)],
    ['too few images', () => parseSplit('i', images(1), 'l', labels([1]), 2)],
    ['too few labels', () => parseSplit('i', images(2), 'l', labels([1]), 2)],
    ['a network error', thrown('network error (Failed to fetch)')],
    ['a broken gzip', thrown('the gzip data is corrupt')],
  ];
  it.each(cases)('is worded from what src/data said: %s', (_, work) => {
    const e = dataError(work);
    const words = wordsOf(e)!;
    expect(typeof words.values?.detail, 'what was wrong, as words').toBe('object');
    const page = shown({ message: e.message, words });
    expect(page.en).toBe(e.message);
    expect(page.zh).toMatch(/^无法加载 MNIST 文件 .*请用 `npm run prepare-data` 重新生成数据。$/);
    // The command and what the browser said stay as they are.
    const rest = page.zh.replace('npm run prepare-data', '').replace('Failed to fetch', '');
    expect(untranslated(rest), page.zh).toBe(false);
  });

  it('says a missing file (a web page instead) in Chinese, and keeps an HTTP status as is', () => {
    const html = dataError(cases[0][1]);
    expect(shown({ message: html.message, words: wordsOf(html) }).zh).toBe(
      '无法加载 MNIST 文件 i：服务器返回的是网页（HTML）而不是数据文件；该文件很可能不存在。请用 `npm run prepare-data` 重新生成数据。',
    );
    const e = new DataAssetError('data/t10k-images-idx3-ubyte.gz', 'HTTP 404 Not Found');
    expect(shown({ message: e.message, words: wordsOf(e) }).zh).toBe(
      '无法加载 MNIST 文件 data/t10k-images-idx3-ubyte.gz：HTTP 404 Not Found。请用 `npm run prepare-data` 重新生成数据。',
    );
  });
});

describe('the engine’s own messages', () => {
  it('keep their English and say it in Chinese', () => {
    const empty = shownWords(say('engine.emptyTransfer'));
    expect(empty).toEqual({
      en: 'The transfer set is empty: allow at least one digit.',
      zh: '迁移集为空：请至少允许一个数字。',
    });
    const noBackend = shownWords(say('engine.noBackend', { attempts: 'cpu: failed to start: x' }));
    expect(noBackend.en).toBe('No TensorFlow.js backend could start: cpu: failed to start: x');
    expect(noBackend.zh).toBe('没有任何 TensorFlow.js 后端能够启动：cpu: failed to start: x');
    const untrained = say('engine.teacher.untrained', {
      file: 'models/teacher.bin',
      percent: '12',
      command: 'npm run train:teacher',
    });
    const instead = shownWords(say('engine.teacher.instead', { problem: untrained }));
    expect(instead.en).toBe(
      'The pretrained teacher (models/teacher.bin) classifies only 12% of the first test digits: it is not a trained teacher. Rebuild it with `npm run train:teacher`. Training a teacher instead.',
    );
    expect(instead.zh).toBe(
      '预训练教师（models/teacher.bin）在最前面的测试数字上只分对了 12%：它不是训练好的教师。请用 `npm run train:teacher` 重新生成。改为在这里训练一个教师。',
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
    return shown({ message: (e as Error).message, words: wordsOf(e) });
  };

  it('names the file and why, in English as before and in Chinese', async () => {
    serve({}, 404);
    expect(await refusal()).toEqual({
      en: 'The pretrained teacher (models/teacher.json) could not be loaded: HTTP 404. Rebuild it with `npm run train:teacher`.',
      zh: '无法加载预训练教师（models/teacher.json）：HTTP 404。请用 `npm run train:teacher` 重新生成。',
    });
    serve({ weightsManifest: [] });
    expect(await refusal()).toEqual({
      en: 'The pretrained teacher (models/teacher.json) could not be loaded: it names no weights file. Rebuild it with `npm run train:teacher`.',
      zh: '无法加载预训练教师（models/teacher.json）：其中没有指明权重文件。请用 `npm run train:teacher` 重新生成。',
    });
    serve({ weightsManifest: [{ paths: ['teacher.bin'] }], sha256: 'not the hash' });
    expect(await refusal()).toEqual({
      en: 'The pretrained teacher (models/teacher.bin) could not be loaded: its SHA-256 does not match the one in models/teacher.json, so it is corrupt or was replaced. Rebuild it with `npm run train:teacher`.',
      zh: '无法加载预训练教师（models/teacher.bin）：它的 SHA-256 与 models/teacher.json 中记录的不一致，说明文件已损坏或被替换。请用 `npm run train:teacher` 重新生成。',
    });
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
    const messages: WordedMessage[] = [];
    const client = startEngine(
      () => {},
      (m) => messages.push(m),
      worker as unknown as Worker,
    );
    act(worker);
    client.terminate();
    expect(messages).toHaveLength(1);
    return shown(messages[0]);
  };
  const crash = (why: string) => (w: FakeWorker) =>
    w.onerror?.({ message: why, preventDefault: () => {} } as unknown as ErrorEvent);

  it('says why the worker is gone', () => {
    expect(lost(crash('boom'))).toEqual({
      en: 'The training worker crashed: boom.',
      zh: '训练工作线程崩溃了：boom。',
    });
    expect(lost(crash(''))).toEqual({
      en: 'The training worker crashed: an error it did not catch.',
      zh: '训练工作线程崩溃了：出现了一个它没有捕获的错误。',
    });
    vi.useFakeTimers();
    try {
      const stuck = lost(() =>
        vi.advanceTimersByTime(WATCHDOG.timeoutMs + 3 * WATCHDOG.intervalMs),
      );
      expect(stuck.en).toMatch(
        /^The training worker stopped answering \(no reply for \d+ s\): it was closed or is stuck\.$/,
      );
      expect(stuck.zh).toMatch(/^训练工作线程停止了响应（\d+ 秒没有回复）：它已被关闭或卡住了。$/);
    } finally {
      vi.useRealTimers();
    }
  });

  it('says why no worker could start', () => {
    const page = shown(workerBlockedMessage(new DOMException('denied', 'SecurityError')));
    expect(page.en).toBe(
      'This page cannot start its training worker (SecurityError: denied), so training runs on the page’s own thread: slower, and the page may stutter while it trains. If this page is embedded, the host page can fix it by adding allow-same-origin to the iframe’s sandbox attribute (sandbox="allow-scripts allow-same-origin").',
    );
    expect(page.zh).toMatch(/^本页无法启动训练工作线程（SecurityError: denied），因此训练改在/);
  });
});

describe('saved runs and run files', () => {
  it('say a storage failure, and that nothing on screen is lost', () => {
    expect(shown(storageFailure(new DOMException('quota', 'QuotaExceededError')))).toEqual({
      en: 'The browser’s storage for this site is full, so the run was not saved. Everything on screen is kept: delete older saved runs, or download this run as a file instead.',
      zh: '浏览器为本网站提供的存储空间已满，因此这次运行没有保存。屏幕上的内容都会保留：请删除较早的已保存的运行，或改为把这次运行下载为文件。',
    });
    expect(shown(storageFailure(new DOMException('no', 'SecurityError'))).en).toBe(
      'This browser does not let the page store runs (private browsing, or storage turned off for this site). Everything on screen is kept: download the run as a file instead.',
    );
    expect(shown(storageFailure(new Error('disk on fire')))).toEqual({
      en: 'The run could not be stored (disk on fire). Everything on screen is kept: download the run as a file instead.',
      zh: '无法存储这次运行（disk on fire）。屏幕上的内容都会保留：请改为把运行下载为文件。',
    });
    expect(untranslated(shown(storageFailure('a string')).zh)).toBe(false);
  });

  const refused = (content: string | ArrayBuffer, name: Parameters<typeof decodeRunFile>[1]) => {
    const read = decodeRunFile(content, name);
    if (read.ok) throw new Error('read a file that should be refused');
    return shown(read);
  };
  const GET_ONE = 'Download a run from the page’s “Save & export” panel to get one.';

  it('say why a run file is refused', () => {
    expect(refused('{"a":', 'x.json').en).toBe(
      `x.json is not a KD Playground run file (it is not JSON text). ${GET_ONE}`,
    );
    expect(refused('{"format":"other"}', 'x.json').en).toBe(
      `x.json is not a KD Playground run file (its "format" is not "kd-playground-run"). ${GET_ONE}`,
    );
    expect(refused('{"format":"kd-playground-run","version":2}', 'x.json')).toEqual({
      en: 'x.json was made by a newer KD Playground (run file version 2); open it there, or update this page.',
      zh: 'x.json 由更新版本的 KD Playground 生成（运行文件版本 2）；请在那个版本中打开，或更新本页面。',
    });
    expect(refused('{"format":"kd-playground-run"}', 'x.json').en).toBe(
      `x.json has no valid run file version. ${GET_ONE}`,
    );
    expect(refused({ byteLength: 1e9 } as ArrayBuffer, 'x.json')).toEqual({
      en: 'x.json is 1000.0 MB, more than a run file can be (64 MiB); it was not read.',
      zh: 'x.json 大小为 1000.0 MB，超过了运行文件的上限（64 MiB），因此没有读取。',
    });
    expect(refused('{"format":"kd-playground-run","version":1,"savedAt":3}', 'x.json')).toEqual({
      en: `x.json is damaged: its field "savedAt" is not text. ${GET_ONE}`,
      zh: 'x.json 已损坏：其字段 "savedAt" 不是文本。请在本页“保存与导出”面板中下载一个运行文件。',
    });
  });

  it('name a stored run in the page’s language', () => {
    expect(refused('{"a":', say('runFile.savedRun'))).toEqual({
      en: `the saved run is not a KD Playground run file (it is not JSON text). ${GET_ONE}`,
      zh: '已保存的运行 不是 KD Playground 的运行文件（它不是 JSON 文本）。请在本页“保存与导出”面板中下载一个运行文件。',
    });
  });
});
