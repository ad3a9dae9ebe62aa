/**
 * A run's pause reason in the page's language. The engine writes three kinds (run.ts: a loss that
 * became NaN or Infinity; session.ts: a step the backend failed; partner/parallelLockstep.ts: the
 * second training worker stopped); in Chinese they are worded
 * again from their parts. Any other reason is shown as the engine wrote it.
 */
import type { Language } from './i18n.ts';
import { memberLabel } from './memberLabels.ts';

const DIVERGED =
  /^Training paused: the loss of (?:the )?(.+) became (\S+) at step (\d+)\. Lower the learning rate and press Reset\.$/s;
const PARTNER_LOST =
  /^Training paused: the second training worker stopped \((.*)\)\. What was trained and measured so far is kept; press Reset to train again in one worker\.$/s;
const BACKEND_FAILED =
  /^Training paused: a training step failed on the (\S+) backend \((.*)\)\. What was trained and measured so far is kept; press Resume to try again, or choose another backend in Run settings\.$/s;

export function pauseReason(reason: string, language: Language): string {
  if (language === 'en') return reason;
  const diverged = DIVERGED.exec(reason);
  if (diverged) {
    const [, member, value, step] = diverged;
    return `训练已暂停：${memberLabel(member, language)}的损失在第 ${step} 步变成了 ${value}。请降低学习率并点击“重置”。`;
  }
  const lost = PARTNER_LOST.exec(reason);
  if (lost)
    return `训练已暂停：第二个训练工作线程已停止（${lost[1]}）。已训练和测得的内容都保留；点击“重置”即可在一个工作线程中重新训练。`;
  const failed = BACKEND_FAILED.exec(reason);
  if (failed) {
    const [, backend, message] = failed;
    return `训练已暂停：${backend} 后端上的一步训练失败（${message}）。已训练和测得的内容都保留；点击“继续”重试，或在运行设置中换一个后端。`;
  }
  return reason;
}
