import { useId, useRef, useState } from 'react';
import { LESSON_IDS, type LessonId } from '../../lessons/lessonIds.ts';
import { lessonById } from '../../lessons/lessonSettings.ts';
import { PANEL_IDS, PANEL_LABELS, type PanelId } from '../../state/panels.ts';
import type { Settings } from '../../state/settingsSchema.ts';
import { embedSnippet, embedUrl, suggestedHeight, type EmbedChoice } from './embedSnippet.ts';
import './share.css';

/** The app's own address, without the query: what links and embeds point to. */
const pageUrl = () => `${window.location.origin}${window.location.pathname}`;

/** Copies text; where the clipboard is refused (an iframe, http), selects it for Ctrl+C. */
async function copyText(text: string, field: HTMLTextAreaElement | HTMLInputElement | null) {
  try {
    await navigator.clipboard.writeText(text);
    return 'Copied.';
  } catch {
    field?.select();
    return 'Selected: press Ctrl+C (⌘C) to copy.';
  }
}

const DEFAULT_SHOW: readonly PanelId[] = ['lesson', 'controls', 'targets'];

/** “Share / embed”: the link to this page, and an iframe snippet a course author configures. */
export function ShareButton({ settings }: { settings: Settings }) {
  const dialog = useRef<HTMLDialogElement>(null);
  return (
    <>
      <button className="share-button" onClick={() => dialog.current?.showModal()}>
        Share / embed
      </button>
      <dialog ref={dialog} className="share-dialog" aria-labelledby="share-title">
        <ShareContent settings={settings} onClose={() => dialog.current?.close()} />
      </dialog>
    </>
  );
}

function ShareContent({ settings, onClose }: { settings: Settings; onClose: () => void }) {
  const [choice, setChoice] = useState<EmbedChoice>({
    lesson: settings.lesson,
    show: DEFAULT_SHOW,
    lock: true,
  });
  const [copied, setCopied] = useState('');
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
        <h2 id="share-title">Share / embed</h2>
        <button onClick={onClose} aria-label="Close">
          ×
        </button>
      </div>
      <label htmlFor={`${ids}-link`} className="field-label">
        Link to this page, with every setting
      </label>
      <div className="copy-row">
        <input id={`${ids}-link`} ref={linkField} readOnly value={link} />
        <button onClick={async () => setCopied(await copyText(link, linkField.current))}>
          Copy link
        </button>
      </div>

      <h3>Embed in a course page</h3>
      <label className="field-label" htmlFor={`${ids}-lesson`}>
        Shows
      </label>
      <select
        id={`${ids}-lesson`}
        value={choice.lesson}
        onChange={(e) => setChoice((c) => ({ ...c, lesson: e.target.value as LessonId }))}
      >
        {LESSON_IDS.map((id) => (
          <option key={id} value={id}>
            {id === 'none' ? 'This experiment, as it is now' : `Lesson: ${lessonById(id)?.title}`}
          </option>
        ))}
      </select>
      <fieldset className="panel-choice">
        <legend>Panels to show</legend>
        {PANEL_IDS.map((p) => (
          <label key={p} className="check">
            <input
              type="checkbox"
              checked={choice.show.includes(p)}
              onChange={(e) => togglePanel(p, e.target.checked)}
            />
            <span>{PANEL_LABELS[p]}</span>
          </label>
        ))}
      </fieldset>
      <label className="check">
        <input
          type="checkbox"
          checked={choice.lock}
          onChange={(e) => setChoice((c) => ({ ...c, lock: e.target.checked }))}
        />
        <span>Lock settings (learners can train and move T and α, not change the experiment)</span>
      </label>
      <p className="small">
        Suggested height:{' '}
        <strong data-testid="embed-height">{suggestedHeight(choice.show)} px</strong>. The page
        reports its real height to the host, and the snippet’s listener sizes the frame to it. It
        needs no cross-origin isolation; with <code>sandbox</code>, allow at least{' '}
        <code>allow-scripts allow-same-origin</code>.
      </p>
      <label htmlFor={`${ids}-snippet`} className="field-label">
        Paste this into your page
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
          Copy snippet
        </button>
        <a href={embedUrl(pageUrl(), settings, choice)} target="_blank" rel="noopener">
          Preview the embed
        </a>
        <span role="status" className="small">
          {copied}
        </span>
      </div>
    </div>
  );
}
