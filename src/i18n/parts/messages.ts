/**
 * The words of the page's messages (components use them as t('messages.…')): for now the lesson
 * claims' measured lines (checkClaim.ts writes its English from `en.claims`, the lesson panel
 * words them in the page's language). Numbers, T, α and model names are filled in.
 */
import { part } from './part.ts';

export const messagesPart = part(
  {
    claims: {
      noEvaluation: 'Train until the first test evaluation.',
      waitingSoftTargets: 'Waiting for the teacher’s soft targets.',
      teacherTop: 'At T = {{T}}, the teacher’s top class gets {{percent}} on average.',
      teacherRunnerUp: 'At T = {{T}}, the teacher’s runner-up class gets {{percent}} on average.',
      settingIs: '{{name}} is {{value}}.',
      biasShiftIs: 'The bias shift is {{value}}.',
      testErrors: 'Test errors: {{member}} {{errors}}; {{list}}.',
      recognises: '{{member}} recognises {{percent}} of the test {{digit}}s.',
      trainOn: 'Train on at least {{minSeen}} digits (so far {{seen}}).',
      seenOf: '{{mine}} of the {{seen}} training digits seen so far were {{digit}}s.',
      recognisedShift:
        '{{digit}}s recognised: {{before}} without the shift, {{after}} with {{shift}}.',
      waitingLogits: 'Waiting for the student’s and the teacher’s logits.',
      gradientGap: 'At T = {{T}} the exact gradient and its high-T limit are {{percent}} apart.',
      waitingTeacher: 'Waiting for the teacher’s test evaluation.',
      teacherErrors: 'The teacher makes {{errors}} errors on the {{testSize}} test digits.',
    },
  },
  {
    claims: {
      noEvaluation: '请训练到第一次测试评估。',
      waitingSoftTargets: '正在等待教师的软目标。',
      teacherTop: 'T = {{T}} 时，教师的最高类别平均得到 {{percent}}。',
      teacherRunnerUp: 'T = {{T}} 时，教师的第二类别平均得到 {{percent}}。',
      settingIs: '{{name}} 为 {{value}}。',
      biasShiftIs: '偏置调整为 {{value}}。',
      testErrors: '测试错误数：{{member}} {{errors}}；{{list}}。',
      recognises: '{{member}} 认出了 {{percent}} 的测试数字 {{digit}}。',
      trainOn: '请至少训练 {{minSeen}} 个数字（目前 {{seen}} 个）。',
      seenOf: '目前见过的 {{seen}} 个训练数字中，有 {{mine}} 个是 {{digit}}。',
      recognisedShift:
        '数字 {{digit}} 的识别率：不调整偏置时为 {{before}}，调整 {{shift}} 后为 {{after}}。',
      waitingLogits: '正在等待学生和教师的 logit。',
      gradientGap: 'T = {{T}} 时，精确梯度与其高温极限相差 {{percent}}。',
      waitingTeacher: '正在等待教师的测试评估。',
      teacherErrors: '教师在 {{testSize}} 个测试数字上有 {{errors}} 个错误。',
    },
  },
);
