/**
 * The English words of the page's messages (messages.ts adds the Chinese). On their own so the
 * workers, which write their English from them (engine/messageWords.ts), do not carry the
 * Chinese they never show.
 */
const GET_ONE = 'Download a run from the page’s “Save & export” panel to get one.';

export const MESSAGES_EN = {
  /** Between the items of a list in a sentence ("distilled 30, control 40"). */
  listSeparator: ', ',
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
  engine: {
    dataFile:
      'Could not load the MNIST file {{file}}: {{detail}}. Rebuild the data with `{{command}}`.',
    /** What was wrong with a data file (src/data: loadMnist.ts, idx.ts). */
    data: {
      network: 'network error ({{error}})',
      gzip: 'the gzip data is corrupt',
      html: 'the server returned a web page (HTML) instead of the data file; the file is probably missing',
      short: 'file is {{bytes}} bytes, too short for an IDX header',
      magic: 'magic number is {{found}}, expected {{expected}}',
      truncated:
        'header promises {{expected}} data bytes but the file has {{found}} (truncated or corrupt)',
      imageSize: 'image size {{rows}}×{{cols}}',
      badLabel: 'label {{label}} at index {{index}} is not a class 0–{{last}}',
      imagesAre: 'images are {{rows}}×{{cols}}, expected 28×28',
      imageCount: '{{found}} images, expected {{expected}}',
      labelCount: '{{labels}} labels for {{images}} images',
    },
    teacher: {
      notLoaded:
        'The pretrained teacher ({{file}}) could not be loaded: {{why}}. Rebuild it with `{{command}}`.',
      noWeightsFile: 'it names no weights file',
      sha: 'its SHA-256 does not match the one in {{json}}, so it is corrupt or was replaced',
      untrained:
        'The pretrained teacher ({{file}}) classifies only {{percent}}% of the first test digits: it is not a trained teacher. Rebuild it with `{{command}}`.',
      instead: '{{problem}} Training a teacher instead.',
    },
    noBackend: 'No TensorFlow.js backend could start: {{attempts}}',
    emptyTransfer: 'The transfer set is empty: allow at least one digit.',
    partner: {
      noStart:
        'The second training worker could not start ({{why}}): every learner trains in one worker.',
      stopped:
        'The second training worker stopped ({{why}}): from the next run, every learner trains in one worker.',
    },
  },
  client: {
    unanswered:
      'The training worker stopped answering (no reply for {{seconds}} s): it was closed or is stuck.',
    crashed: 'The training worker crashed: {{why}}.',
    uncaught: 'an error it did not catch',
    noEngine: 'The training engine could not load: {{why}}.',
    workerBlocked:
      'This page cannot start its training worker ({{why}}), so training runs on the page’s own thread: slower, and the page may stutter while it trains. If this page is embedded, the host page can fix it by adding allow-same-origin to the iframe’s sandbox attribute (sandbox="allow-scripts allow-same-origin").',
  },
  storage: {
    full: 'The browser’s storage for this site is full, so the run was not saved. Everything on screen is kept: delete older saved runs, or download this run as a file instead.',
    refused:
      'This browser does not let the page store runs (private browsing, or storage turned off for this site). Everything on screen is kept: download the run as a file instead.',
    failed:
      'The run could not be stored ({{detail}}). Everything on screen is kept: download the run as a file instead.',
    gone: 'this run is no longer stored',
  },
  runFile: {
    tooBig:
      '{{file}} is {{size}} MB, more than a run file can be ({{limit}} MiB); it was not read.',
    notJson: `{{file}} is not a KD Playground run file (it is not JSON text). ${GET_ONE}`,
    notFormat: `{{file}} is not a KD Playground run file (its "format" is not "{{format}}"). ${GET_ONE}`,
    newer:
      '{{file}} was made by a newer KD Playground (run file version {{version}}); open it there, or update this page.',
    noVersion: `{{file}} has no valid run file version. ${GET_ONE}`,
    damaged: `{{file}} is damaged: its field "{{field}}" {{problem}}. ${GET_ONE}`,
    /** The name a stored run goes by in these messages. */
    savedRun: 'the saved run',
    problems: {
      notText: 'is not text',
      notObject: 'is not an object',
      notList: 'is not a list',
      notMember: 'names no member of the roster',
      notFinite: 'is not a finite number',
      notNumber: 'is not a number',
      notRole: 'is not teacher or learner',
      repeats: 'repeats another member',
      notOneGroup: 'is not a list of one weights group',
      notSizes: 'is not a list of sizes',
      notFloat32: 'is not float32',
      notBase64: 'is not base64',
      bytes: 'holds {{bytes}} bytes where its manifest needs {{expected}}',
    },
  },
};
