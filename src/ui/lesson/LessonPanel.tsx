import { memo } from 'react';
import {
  checkClaim,
  type ClaimResult,
  type ClaimWords,
  type LessonFacts,
} from '../../lessons/checkClaim.ts';
import type { LessonId } from '../../lessons/lessonIds.ts';
import { LESSONS } from '../../lessons/lessons.ts';
import { clampStep, lessonById } from '../../lessons/lessonSettings.ts';
import type { Settings } from '../../state/settingsSchema.ts';
import { formatTemperature, TemperatureRange } from '../hyper/TemperatureRange.tsx';
import { useTranslation } from 'react-i18next';
import { lessonText, type Language } from '../../i18n/i18n.ts';
import { useLiveTemperature, type LiveHyper } from '../hyper/liveHyper.ts';
import './lesson.css';

interface Props {
  lessonId: LessonId;
  step: number;
  /** What the claims are checked on (settings with T and α throttled: useQuietSettings). */
  facts: LessonFacts;
  /** T now, for the lesson's own slider. */
  live: LiveHyper;
  /** Go to a step (1-based) of the open lesson: the page applies what it sets. */
  onStep: (step: number) => void;
  /** Open a lesson at its first step, or close it ('none'). */
  onLesson: (id: LessonId) => void;
  /** A live setting moved from the lesson's own slider. */
  onSettings: (patch: Partial<Settings>) => void;
  language: Language;
}

/** A guided lesson: one step at a time, with its claim checked on the run the page shows. */
function LessonPanelView({
  lessonId,
  step,
  facts,
  live,
  onStep,
  onLesson,
  onSettings,
  language,
}: Props) {
  const { t } = useTranslation();
  const lesson = lessonById(lessonId);
  if (!lesson) return <LessonList onLesson={onLesson} language={language} />;
  const at = clampStep(lesson, step);
  const current = lesson.steps[at - 1];
  const words = lessonText(lesson, language);
  const here = words.steps[at - 1];
  const result = current.claim && checkClaim(current.claim.check, facts);
  const last = at === lesson.steps.length;
  const stateWord = (state: ClaimResult['state']) => t(`lesson.states.${state}`);
  // A measured sentence in the page's language; a list's items joined its way.
  const claimWords = ({ key, values }: ClaimWords) =>
    t(
      `messages.claims.${key}`,
      Object.fromEntries(
        Object.entries(values).map(([name, v]) => [
          name,
          Array.isArray(v) ? v.join(t('messages.listSeparator')) : v,
        ]),
      ),
    );
  return (
    <section className="panel lesson" aria-labelledby="lesson-title" data-testid="lesson">
      <div className="lesson-head">
        <h2 id="lesson-title">
          <span className="lesson-kicker">{t('lesson.kicker')}</span> {words.title}
        </h2>
        <span className="lesson-progress small" data-testid="lesson-progress">
          {t('lesson.progress', { at, count: lesson.steps.length })}
        </span>
        <progress max={lesson.steps.length} value={at} aria-label={t('lesson.progressLabel')} />
        <button className="link-button" onClick={() => onLesson('none')}>
          {t('lesson.leave')}
        </button>
      </div>
      <h3 className="lesson-step-title">{here.title}</h3>
      <p className="lesson-text">{here.text}</p>
      <p className="lesson-task">
        <strong>{t('lesson.yourTurn')}</strong> {here.task}
      </p>
      {current.slider === 'temperature' && (
        <LessonTemperature live={live} onSettings={onSettings} label={t('lesson.slider')} />
      )}
      {current.claim && result && (
        <div
          className={`lesson-claim ${result.state}`}
          data-testid="lesson-claim"
          data-state={result.state}
        >
          <span className="claim-state">{stateWord(result.state)}</span>
          <span className="claim-text">{here.claim}</span>
          <span className="claim-detail small">
            {language === 'en' ? result.detail : result.words.map(claimWords).join('')}
          </span>
          {/* Only the verdict is announced, not every new number. */}
          <span className="visually-hidden" aria-live="polite">
            {result.state === 'holds' ? t('lesson.announce', { claim: here.claim }) : ''}
          </span>
        </div>
      )}
      <div className="lesson-nav">
        <button onClick={() => onStep(at - 1)} disabled={at === 1}>
          {t('lesson.back')}
        </button>
        {last ? (
          <button className="primary" onClick={() => onLesson('none')}>
            {t('lesson.finish')}
          </button>
        ) : (
          <button className="primary" onClick={() => onStep(at + 1)}>
            {t('lesson.next')}
          </button>
        )}
      </div>
    </section>
  );
}

/** For a learner who opens the page cold: the lessons, one click each. */
const LessonList = memo(function LessonList({
  onLesson,
  language,
}: {
  onLesson: (id: LessonId) => void;
  language: Language;
}) {
  const { t } = useTranslation();
  return (
    <section className="panel lesson lesson-list" aria-labelledby="lessons-title">
      <h2 id="lessons-title">{t('lesson.listTitle')}</h2>
      <ul>
        {LESSONS.map((l) => {
          const words = lessonText(l, language);
          return (
            <li key={l.id}>
              <button onClick={() => onLesson(l.id)} title={words.summary}>
                {words.title}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
});

/** The T slider, in the lesson: the same setting as the controls' slider, on the same log scale. */
function LessonTemperature({
  live,
  onSettings,
  label,
}: {
  live: LiveHyper;
  onSettings: (patch: Partial<Settings>) => void;
  label: string;
}) {
  const value = useLiveTemperature(live);
  return (
    <div className="lesson-slider">
      <label htmlFor="lesson-slider-T">{label}</label>
      <TemperatureRange id="lesson-slider-T" value={value} live={live} onSettings={onSettings} />
      <output htmlFor="lesson-slider-T" className="mono">
        T = {formatTemperature(value)}
      </output>
    </div>
  );
}

export const LessonPanel = memo(LessonPanelView);
