/**
 * The page's words in English: the source every other language translates, key for key
 * (zh.ts has the same shape, which TypeScript and i18n.test.ts check). Lessons are translated
 * apart, step by step (lessonsZh.ts).
 */
export const en = {
  header: {
    tagline:
      'Knowledge distillation on real MNIST, trained live in your browser: a small student learns from a big teacher’s soft targets, beside a twin that sees only hard labels.',
    theme: 'Theme',
    themes: { auto: 'Auto (system)', light: 'Light', dark: 'Dark' },
    language: 'Language',
    languages: { auto: 'Auto (browser)', en: 'English', zh: '中文' },
  },
  lesson: {
    kicker: 'Lesson',
    progress: 'Step {{at}} of {{count}}',
    progressLabel: 'Lesson progress',
    leave: 'Leave lesson',
    yourTurn: 'Your turn:',
    back: 'Back',
    next: 'Next',
    finish: 'Finish',
    listTitle: 'New here? Take a short lesson',
    slider: 'Lesson’s T slider',
    states: { waiting: 'Waiting', holds: 'Holds', 'not-yet': 'Not yet' },
    announce: 'Claim holds: {{claim}}',
  },
  share: {
    button: 'Share / embed',
    title: 'Share / embed',
    close: 'Close',
    link: 'Link to this page, with every setting',
    copyLink: 'Copy link',
    embedTitle: 'Embed in a course page',
    shows: 'Shows',
    thisExperiment: 'This experiment, as it is now',
    lessonOption: 'Lesson: {{title}}',
    panels: 'Panels to show',
    lock: 'Lock settings (learners can train and move T and α, not change the experiment)',
    height: 'Suggested height:',
    heightNote:
      'The page reports its real height to the host, and the snippet’s listener sizes the frame to it. It needs no cross-origin isolation; with sandbox, allow at least allow-scripts allow-same-origin.',
    paste: 'Paste this into your page',
    copySnippet: 'Copy snippet',
    preview: 'Preview the embed',
    copied: 'Copied.',
    selected: 'Selected: press Ctrl+C (⌘C) to copy.',
  },
  panels: {
    lesson: 'Lesson',
    controls: 'Training controls (T, α, Train)',
    results: 'Test results',
    runs: 'Save & export',
    settings: 'Run settings',
    presets: 'Experiments (presets)',
    targets: 'Soft targets',
    charts: 'Charts',
    explore: 'Look inside',
    perclass: 'Per-class errors',
  },
};

/** The shape every translation has: the same keys, each a string. */
export type Translation = DeepStrings<typeof en>;
export type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };
