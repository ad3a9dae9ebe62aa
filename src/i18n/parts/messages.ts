/**
 * The words of the page's messages (components use them as t('messages.…')): the lesson claims'
 * measured lines (checkClaim.ts writes its English from `en.claims`, the lesson panel words them
 * in the page's language), and the messages of the engine, the worker, the saved runs and the
 * run files. Those write their English sentence as they always have and the same sentence as
 * data beside it (engine/messageWords.ts: a key here and its values); the page shows the English
 * as written and words the data in any other language. Numbers, file names, commands, formulas,
 * backend and model names are filled in as they are.
 */
import { part } from './part.ts';

const GET_ONE = 'Download a run from the page’s “Save & export” panel to get one.';
const GET_ONE_ZH = '请在本页“保存与导出”面板中下载一个运行文件。';

export const messagesPart = part(
  {
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
  },
  {
    listSeparator: '，',
    claims: {
      noEvaluation: '请训练到第一次测试评估。',
      waitingSoftTargets: '正在等待教师的软目标。',
      teacherTop: 'T = {{T}} 时，教师的最高类别平均得到 {{percent}}。',
      teacherRunnerUp: 'T = {{T}} 时，教师第二可能的类别平均得到 {{percent}}。',
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
    engine: {
      dataFile: '无法加载 MNIST 文件 {{file}}：{{detail}}。请用 `{{command}}` 重新生成数据。',
      data: {
        network: '网络错误（{{error}}）',
        gzip: 'gzip 数据已损坏',
        html: '服务器返回的是网页（HTML）而不是数据文件；该文件很可能不存在',
        short: '文件只有 {{bytes}} 字节，不够一个 IDX 文件头',
        magic: '魔数为 {{found}}，应为 {{expected}}',
        truncated:
          '文件头声明有 {{expected}} 字节数据，但文件只有 {{found}} 字节（被截断或已损坏）',
        imageSize: '图像尺寸为 {{rows}}×{{cols}}',
        badLabel: '索引 {{index}} 处的标签 {{label}} 不是 0–{{last}} 中的类别',
        imagesAre: '图像尺寸为 {{rows}}×{{cols}}，应为 28×28',
        imageCount: '有 {{found}} 张图像，应为 {{expected}} 张',
        labelCount: '{{images}} 张图像却有 {{labels}} 个标签',
      },
      teacher: {
        notLoaded: '无法加载预训练教师（{{file}}）：{{why}}。请用 `{{command}}` 重新生成。',
        noWeightsFile: '其中没有指明权重文件',
        sha: '它的 SHA-256 与 {{json}} 中记录的不一致，说明文件已损坏或被替换',
        untrained:
          '预训练教师（{{file}}）在最前面的测试数字上只分对了 {{percent}}%：它不是训练好的教师。请用 `{{command}}` 重新生成。',
        instead: '{{problem}}改为在这里训练一个教师。',
      },
      noBackend: '没有任何 TensorFlow.js 后端能够启动：{{attempts}}',
      emptyTransfer: '迁移集为空：请至少允许一个数字。',
      partner: {
        noStart: '第二个训练工作线程无法启动（{{why}}）：所有学习者都在一个工作线程中训练。',
        stopped:
          '第二个训练工作线程已停止（{{why}}）：从下一次运行起，所有学习者都在一个工作线程中训练。',
      },
    },
    client: {
      unanswered: '训练工作线程停止了响应（{{seconds}} 秒没有回复）：它已被关闭或卡住了。',
      crashed: '训练工作线程崩溃了：{{why}}。',
      uncaught: '出现了一个它没有捕获的错误',
      noEngine: '训练引擎无法加载：{{why}}。',
      workerBlocked:
        '本页无法启动训练工作线程（{{why}}），因此训练改在页面自己的线程上运行：速度较慢，训练时页面可能会卡顿。如果本页是嵌入在别的页面中的，宿主页面可以在 iframe 的 sandbox 属性中加上 allow-same-origin 来解决（sandbox="allow-scripts allow-same-origin"）。',
    },
    storage: {
      full: '浏览器为本网站提供的存储空间已满，因此这次运行没有保存。屏幕上的内容都会保留：请删除较早的已保存的运行，或改为把这次运行下载为文件。',
      refused:
        '此浏览器不允许本页存储运行（处于隐私浏览模式，或本网站的存储已被关闭）。屏幕上的内容都会保留：请改为把运行下载为文件。',
      failed: '无法存储这次运行（{{detail}}）。屏幕上的内容都会保留：请改为把运行下载为文件。',
      gone: '这次运行已不在存储空间中',
    },
    runFile: {
      tooBig: '{{file}} 大小为 {{size}} MB，超过了运行文件的上限（{{limit}} MiB），因此没有读取。',
      notJson: `{{file}} 不是 KD Playground 的运行文件（它不是 JSON 文本）。${GET_ONE_ZH}`,
      notFormat: `{{file}} 不是 KD Playground 的运行文件（它的 "format" 不是 "{{format}}"）。${GET_ONE_ZH}`,
      newer:
        '{{file}} 由更新版本的 KD Playground 生成（运行文件版本 {{version}}）；请在那个版本中打开，或更新本页面。',
      noVersion: `{{file}} 没有有效的运行文件版本。${GET_ONE_ZH}`,
      damaged: `{{file}} 已损坏：其字段 "{{field}}" {{problem}}。${GET_ONE_ZH}`,
      savedRun: '已保存的运行',
      problems: {
        notText: '不是文本',
        notObject: '不是对象',
        notList: '不是列表',
        notMember: '不对应成员名单中的任何成员',
        notFinite: '不是有限的数',
        notNumber: '不是数',
        notRole: '既不是 teacher 也不是 learner',
        repeats: '与另一个成员重复',
        notOneGroup: '不是只含一个权重组的列表',
        notSizes: '不是尺寸列表',
        notFloat32: '不是 float32',
        notBase64: '不是 base64',
        bytes: '有 {{bytes}} 字节，而其清单需要 {{expected}} 字节',
      },
    },
  },
);
