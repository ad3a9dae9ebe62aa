import { useEffect, useId, useRef, useState } from 'react';
import { LESSON_IDS, type LessonId } from '../../lessons/lessonIds.ts';
import { lessonById } from '../../lessons/lessonSettings.ts';
import { lessonText, type Language } from '../../i18n/i18n.ts';
import { useTranslation } from 'react-i18next';
import { PANEL_IDS, type PanelId } from '../../state/panels.ts';
import type { Settings } from '../../state/settingsSchema.ts';
import { embedSnippet, embedUrl, suggestedHeight, type EmbedChoice } from './embedSnippet.ts';
import './share.css';

/** The app's own address, without the query: what links and embeds point to. */
const pageUrl = () => `${window.location.origin}${window.location.pathname}`;

/** Copies text; where the clipboard is refused (an iframe, http), selects it for Ctrl+C. */
async function copyText(
  text: string,
  field: HTMLTextAreaElement | HTMLInputElement | null,
): Promise<'copied' | 'selected'> {
  try {
    await navigator.clipboard.writeText(text);
    return 'copied';
  } catch {
    field?.select();
    return 'selected';
  }
}

const DEFAULT_SHOW: readonly PanelId[] = ['lesson', 'controls', 'targets'];

/** “Share / embed”: the link to this page, and an iframe snippet a course author configures. */
export function ShareButton({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  // Its content (links built from every setting) is rendered only while it is open.
  const [open, setOpen] = useState(false);
  // Shown once its content is there, so the dialog focuses its first control as it opens.
  useEffect(() => {
    if (open && !dialog.current?.open) dialog.current?.showModal();
  }, [open]);
  return (
    <>
      <button className="share-button" onClick={() => setOpen(true)}>
        {t('share.button')}
      </button>
      <dialog
        ref={dialog}
        className="share-dialog"
        aria-labelledby="share-title"
        onClose={() => setOpen(false)}
      >
        {open && <ShareContent settings={settings} onClose={() => dialog.current?.close()} />}
      </dialog>
    </>
  );
}

/** A lesson's title in the page's language. */
function lessonTitle(id: LessonId, language: Language): string {
  const lesson = lessonById(id);
  return lesson ? lessonText(lesson, language).title : id;
}

function ShareContent({ settings, onClose }: { settings: Settings; onClose: () => void }) {
  const [choice, setChoice] = useState<EmbedChoice>({
    lesson: settings.lesson,
    show: DEFAULT_SHOW,
    lock: true,
  });
  const { t, i18n } = useTranslation();
  const language: Language = i18n.language === 'zh' ? 'zh' : 'en';
  const [copied, setCopied] = useState<'' | 'copied' | 'selected'>('');
  const linkField = useRef<HTMLInputElement>(null);
  const snippetField = useRef<HTMLTextAreaElement>(null);
  const ids = useId();
  const link = window.location.href;
  const snippet = embedSnippet(pageUrl(), settings, choice);
  const togglePanel = (p: PanelId, on: boolean) =>
    setChoice((c) => ({ ...c, show: on ? [...c.show, p] : c.show.filter((x) => x !== p) }));

  return (
    <div className="share-body">
      <div className="share-head">
        <h2 id="share-title">{t('share.title')}</h2>
        <button onClick={onClose} aria-label={t('share.close')}>
          ×
        </button>
      </div>
      <label htmlFor={`${ids}-link`} className="field-label">
        {t('share.link')}
      </label>
      <div className="copy-row">
        <input id={`${ids}-link`} ref={linkField} readOnly value={link} />
        <button onClick={async () => setCopied(await copyText(link, linkField.current))}>
          {t('share.copyLink')}
        </button>
      </div>

      <h3>{t('share.embedTitle')}</h3>
      <label className="field-label" htmlFor={`${ids}-lesson`}>
        {t('share.shows')}
      </label>
      <select
        id={`${ids}-lesson`}
        value={choice.lesson}
        onChange={(e) => setChoice((c) => ({ ...c, lesson: e.target.value as LessonId }))}
      >
        {LESSON_IDS.map((id) => (
          <option key={id} value={id}>
            {id === 'none'
              ? t('share.thisExperiment')
              : t('share.lessonOption', { title: lessonTitle(id, language) })}
          </option>
        ))}
      </select>
      <fieldset className="panel-choice">
        <legend>{t('share.panels')}</legend>
        {PANEL_IDS.map((p) => (
          <label key={p} className="check">
            <input
              type="checkbox"
              checked={choice.show.includes(p)}
              onChange={(e) => togglePanel(p, e.target.checked)}
            />
            <span>{t(`panels.${p}`)}</span>
          </label>
        ))}
      </fieldset>
      <label className="check">
        <input
          type="checkbox"
          checked={choice.lock}
          onChange={(e) => setChoice((c) => ({ ...c, lock: e.target.checked }))}
        />
        <span>{t('share.lock')}</span>
      </label>
      <p className="small">
        {t('share.height')}{' '}
        <strong data-testid="embed-height">{suggestedHeight(choice.show)} px</strong>.{' '}
        {t('share.heightNote')}
      </p>
      <label htmlFor={`${ids}-snippet`} className="field-label">
        {t('share.paste')}
      </label>
      <textarea
        id={`${ids}-snippet`}
        ref={snippetField}
        readOnly
        rows={9}
        value={snippet}
        data-testid="embed-snippet"
      />
      <div className="copy-row">
        <button
          className="primary"
          onClick={async () => setCopied(await copyText(snippet, snippetField.current))}
        >
          {t('share.copySnippet')}
        </button>
        <a href={embedUrl(pageUrl(), settings, choice)} target="_blank" rel="noopener">
          {t('share.preview')}
        </a>
        <span role="status" className="small">
          {copied && t(`share.${copied}`)}
        </span>
      </div>
    </div>
  );
}
