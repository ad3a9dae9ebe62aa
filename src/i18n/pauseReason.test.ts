import { describe, expect, it } from 'vitest';
import { PartnerLost } from '../engine/partner/parallelLockstep.ts';
import { pauseReason } from './pauseReason.ts';

const DIVERGED =
  'Training paused: the loss of the distilled student became NaN at step 12. Lower the learning rate and press Reset.';
const FAILED =
  'Training paused: a training step failed on the wasm backend (injected kernel failure). What was trained and measured so far is kept; press Resume to try again, or choose another backend in Run settings.';

describe('a pause reason', () => {
  it('is the engine’s own words in English', () => {
    expect(pauseReason(DIVERGED, 'en')).toBe(DIVERGED);
  });

  it('is worded again in Chinese, names and numbers kept', () => {
    expect(pauseReason(DIVERGED, 'zh')).toBe(
      '训练已暂停：蒸馏学生的损失在第 12 步变成了 NaN。请降低学习率并点击“重置”。',
    );
    expect(pauseReason(FAILED, 'zh')).toBe(
      '训练已暂停：wasm 后端上的一步训练失败（injected kernel failure）。已训练和测得的内容都保留；点击“继续”重试，或在运行设置中换一个后端。',
    );
    // The sentence the engine writes (PartnerLost), not a copy of it.
    expect(pauseReason(new PartnerLost('no answer in 60 s').message, 'zh')).toBe(
      '训练已暂停：第二个训练工作线程已停止（no answer in 60 s）。已训练和测得的内容都保留；点击“重置”即可在一个工作线程中重新训练。',
    );
    expect(pauseReason('something else', 'zh')).toBe('something else');
  });
});
