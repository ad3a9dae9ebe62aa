import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Command, Phase } from '../../engine/protocol.ts';

interface Props {
  phase: Phase | undefined;
  running: boolean;
  send: (command: Command) => void;
  onReset: () => void;
  teacherSource: 'pretrained' | 'train';
  /** Absent: the teacher cannot be changed here (an embed with locked settings). */
  onTeacherSource?: (source: 'pretrained' | 'train') => void;
  /** The worker is gone: nothing here can act until the page starts a new one. */
  stopped?: boolean;
}

/** Play / pause / step / reset, and the way out of the teacher phase. */
function TrainingControlsView({
  phase,
  running,
  send,
  onReset,
  teacherSource,
  onTeacherSource,
  stopped = false,
}: Props) {
  const { t } = useTranslation();
  const ready = !stopped && phase !== undefined && phase !== 'starting' && phase !== 'loading';
  const done = phase === 'done';
  return (
    <div className="controls" role="toolbar" aria-label={t('controls.toolbar')}>
      {running ? (
        <button className="primary" onClick={() => send({ type: 'pause' })}>
          ❚❚ {t('controls.pause')}
        </button>
      ) : (
        <button
          className="primary"
          onClick={() => send({ type: 'play' })}
          disabled={!ready || done}
        >
          ▶ {phase === 'ready' ? t('controls.train') : t('controls.resume')}
        </button>
      )}
      <button
        onClick={() => send({ type: 'step' })}
        disabled={!ready || running || done}
        title={t('controls.stepTitle')}
      >
        {t('controls.step')}
      </button>
      <button onClick={onReset} disabled={!ready} title={t('controls.resetTitle')}>
        {t('controls.reset')}
      </button>
      {!onTeacherSource ? null : teacherSource === 'pretrained' ? (
        <button
          onClick={() => onTeacherSource('train')}
          disabled={!ready}
          title={t('controls.trainTeacherTitle')}
        >
          {t('controls.trainTeacher')}
        </button>
      ) : (
        <button
          onClick={() => onTeacherSource('pretrained')}
          disabled={!ready}
          title={t('controls.pretrainedTeacherTitle')}
        >
          {t('controls.pretrainedTeacher')}
        </button>
      )}
      {phase === 'teachers' && (
        <button
          onClick={() => send({ type: 'finishTeacher' })}
          disabled={!ready}
          title={t('controls.finishTeacherTitle')}
        >
          {t('controls.finishTeacher')} →
        </button>
      )}
    </div>
  );
}

export const TrainingControls = memo(TrainingControlsView);
