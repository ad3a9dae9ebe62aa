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
import { MESSAGES_EN } from './messagesEn.ts';

const GET_ONE_ZH = '请在本页“保存与导出”面板中下载一个运行文件。';

export const messagesPart = part(MESSAGES_EN, {
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
      truncated: '文件头声明有 {{expected}} 字节数据，但文件只有 {{found}} 字节（被截断或已损坏）',
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
});
