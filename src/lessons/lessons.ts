/**
 * The guided lessons, declared as data (lessonTypes.ts): each step sets settings, asks for one
 * action and makes a claim the page checks on the run (checkClaim.ts). Adding a lesson = its id
 * in lessonIds.ts + an entry here; the e2e walk-through (e2e/lessons.spec.ts) steps through all.
 * Runs are kept short (small students, few epochs) so a claim shows within a minute or two.
 */
import type { Lesson } from './lessonTypes.ts';

const TEMPERATURE: Lesson = {
  id: 'temperature',
  title: 'Why temperature',
  summary: 'What the teacher knows about wrong classes, and how T brings it to light.',
  steps: [
    {
      title: 'The teacher at T = 1',
      text: 'The bars show the teacher’s probabilities for a few test digits. At T = 1, the temperature it was trained at, it is almost certain: nearly all the probability sits on one class, and what it knows about the other nine is invisible.',
      task: 'Look at the teacher’s bars for each sample digit.',
      set: { preset: 'none', temperature: 1, logScale: false },
      claim: {
        text: 'At T = 1 the teacher gives its top class more than 95% on average.',
        check: { kind: 'teacherPeak', atLeast: 0.95 },
      },
    },
    {
      title: 'Raise the temperature',
      text: 'Dividing the logits by T before the softmax flattens it: the order of the classes stays, the small probabilities grow. A 7 that looks a little like a 1 now says so. This is what Hinton et al. call dark knowledge.',
      task: 'Drag the temperature slider to 8 or more. Turn on Log scale to see the smallest bars.',
      slider: 'temperature',
      claim: {
        text: 'At T ≥ 8 the runner-up class gets more than 5% on average.',
        check: {
          kind: 'all',
          of: [
            { kind: 'setting', key: 'temperature', atLeast: 8 },
            { kind: 'teacherRunnerUp', atLeast: 0.05 },
          ],
        },
      },
    },
    {
      title: 'Dark knowledge, class by class',
      text: 'The map averages the teacher’s soft targets over all the test digits of each class. Bright cells off the diagonal are similarities the teacher learned without being told: which digits resemble which.',
      task: 'Find the brightest cell outside the diagonal. Move T and watch the map change.',
      set: { explore: 'dark' },
      claim: {
        text: 'The teacher has been measured on all 10,000 test digits, so the map is complete.',
        check: { kind: 'teacherEvaluated' },
      },
    },
  ],
};

const SOFT_VS_HARD: Lesson = {
  id: 'soft-vs-hard',
  title: 'Soft targets beat hard labels',
  summary: 'Two identical students on 1,800 digits: one learns from the teacher, one from labels.',
  steps: [
    {
      title: 'Twins, one difference',
      text: 'Two students with the same architecture, the same first weights and the same 1,800 training digits (3% of MNIST), in the same order. Only the loss differs: the distilled student learns from the teacher’s soft targets (T = 20, α = 0.1), the control from the labels alone.',
      task: 'Press Train and watch the test-error curves: early on the control may lead; wait for the end of the 30 short epochs.',
      set: { preset: 'three-percent', studentSize: '300-300', evalEvery: 50 },
      claim: {
        text: 'The distilled student makes fewer test errors than its hard-label twin.',
        check: { kind: 'fewerErrors', member: 'distilled', than: ['control'] },
      },
    },
    {
      title: 'Why it works',
      text: 'A hard label says one thing: “this is a 7”. A soft target gives ten numbers: how much this 7 looks like every other digit. With so few examples the control learns its labels by heart (its loss falls to almost nothing); the distilled student keeps learning the teacher’s view of each digit.',
      task: 'Compare the two students in the loss chart and the agreement chart.',
    },
  ],
};

const MISSING_3: Lesson = {
  id: 'missing-3',
  title: 'The missing 3',
  summary: 'A student that never saw a 3 recognises 3s, from the teacher’s soft targets alone.',
  steps: [
    {
      title: 'No 3 in training',
      text: 'The transfer set has every digit except 3: the students never see a single 3. The teacher, which did see 3s, still says of a 5 or an 8 how much it looks like a 3, and the distilled student learns that.',
      task: 'Press Train. In “Seen in training”, the count for 3 stays at 0.',
      set: { preset: 'missing-3', studentSize: '300-300', studentEpochs: 3, evalEvery: 100 },
      claim: {
        text: 'Without one 3 in its training digits, the distilled student recognises more than 40% of the test 3s (a student trained on labels alone can never answer 3).',
        check: {
          kind: 'all',
          of: [
            { kind: 'neverSeen', digit: 3, minSeen: 5000 },
            { kind: 'classRecall', member: 'distilled', digit: 3, atLeast: 0.4 },
          ],
        },
      },
    },
    {
      title: 'The bias fix',
      text: 'The student never had a reason to answer “3” with confidence, so its output bias for 3 is too low. Hinton et al. raised it by 3.5 after training and most of the remaining errors on 3s went away.',
      task: 'The bias shift is now +3.5 for class 3. Try other values with the Bias shift slider.',
      set: { biasClasses: '3', biasShift: 3.5 },
      claim: {
        text: 'Raising the bias for 3 lets the distilled student recognise more 3s.',
        check: { kind: 'biasHelps', member: 'distilled', digit: 3 },
      },
    },
  ],
};

const SMALL_STUDENT: Lesson = {
  id: 'small-student',
  title: 'Small students want a lower T',
  summary: 'A tiny student cannot copy everything; a lower temperature tells it what matters.',
  steps: [
    {
      title: 'Four twins of a tiny student',
      text: 'Four twins of a 30-30 student (24,790 weights, 1% of the teacher) learn from the same teacher on the same batches: at T = 2, 5 and 20, and by matching logits. At high T the soft targets stress the tiny differences among wrong classes, which a student this small has no room for.',
      task: 'Press Train and compare the twins’ test errors in the results table.',
      set: { preset: 'logit-matching', studentSize: '30-30', studentEpochs: 1, evalEvery: 100 },
      claim: {
        text: 'The twin at T = 2 makes fewer test errors than the twin at T = 20.',
        check: { kind: 'fewerErrors', member: 'kl-t2', than: ['kl-t20'] },
      },
    },
    {
      title: 'The whole map',
      text: 'Hinton et al. found T between 2.5 and 4 best for a student with 30 units per layer, while larger students gain from higher T. The T × α sweep trains a grid of students to show where your student’s best setting lies.',
      task: 'Open the sweep and start the quick grid (a few minutes).',
      set: { explore: 'sweep' },
    },
  ],
};

const LOGIT_MATCHING: Lesson = {
  id: 'logit-matching',
  title: 'Logit matching is the high-T limit',
  summary: 'At high temperature, distillation becomes matching the teacher’s logits.',
  steps: [
    {
      title: 'Two gradients',
      text: 'The soft term pulls each student logit by (1 − α)·T·(q_i − p_i). When T is large next to the logits this becomes (1 − α)·(z_i − v_i)/K: the student simply matches the teacher’s zero-meaned logits (Ba & Caruana 2014). The panel shows both for one digit.',
      task: 'Look at the two bars of each class: the exact gradient and its high-T limit.',
      set: { preset: 'none', explore: 'limit', temperature: 2 },
      claim: {
        text: 'At T = 2 the exact gradient is far from the limit: more than 30% apart.',
        check: { kind: 'limitGap', sample: 3, atLeast: 0.3 },
      },
    },
    {
      title: 'Raise T',
      text: 'As T grows, exp(z/T) ≈ 1 + z/T becomes exact and the two gradients meet; the T² in the loss keeps their size the same.',
      task: 'Drag the temperature slider to 40 or more.',
      slider: 'temperature',
      claim: {
        text: 'At T ≥ 40 the two gradients are within 10% of each other.',
        check: {
          kind: 'all',
          of: [
            { kind: 'setting', key: 'temperature', atLeast: 40 },
            { kind: 'limitGap', sample: 3, atMost: 0.1 },
          ],
        },
      },
    },
  ],
};

const ENSEMBLE: Lesson = {
  id: 'ensemble',
  title: 'Many teachers into one',
  summary: 'An ensemble beats its weaker members; distillation puts it into one small model.',
  steps: [
    {
      title: 'Three teachers and their ensemble',
      text: 'Three 1200-1200 teachers trained from different seeds, and their ensemble: the mean of their probabilities. An ensemble makes fewer errors than its typical member, but it costs three models at test time.',
      task: 'Read the teachers’ test errors in the results table.',
      set: { preset: 'ensemble', studentEpochs: 2, evalEvery: 100 },
      claim: {
        text: 'The ensemble makes fewer test errors than teachers 2 and 3.',
        check: { kind: 'fewerErrors', member: 'ensemble', than: ['member-2', 'member-3'] },
      },
    },
    {
      title: 'One student from the ensemble',
      text: 'A 300-300 student learns from the ensemble’s averaged soft targets, its twin from labels. Hinton et al. distilled ten speech models into one that kept most of the ensemble’s gain.',
      task: 'Press Train and compare the student with its twin.',
      claim: {
        text: 'The student distilled from the ensemble makes fewer test errors than its hard-label twin.',
        check: { kind: 'fewerErrors', member: 'distilled', than: ['control'] },
      },
    },
  ],
};

export const LESSONS: readonly Lesson[] = [
  TEMPERATURE,
  SOFT_VS_HARD,
  MISSING_3,
  SMALL_STUDENT,
  LOGIT_MATCHING,
  ENSEMBLE,
];
