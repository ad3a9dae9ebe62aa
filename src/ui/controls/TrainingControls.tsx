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
export function TrainingControls({
  phase,
  running,
  send,
  onReset,
  teacherSource,
  onTeacherSource,
  stopped = false,
}: Props) {
  const ready = !stopped && phase !== undefined && phase !== 'starting' && phase !== 'loading';
  const done = phase === 'done';
  return (
    <div className="controls" role="toolbar" aria-label="Training">
      {running ? (
        <button className="primary" onClick={() => send({ type: 'pause' })}>
          ❚❚ Pause
        </button>
      ) : (
        <button
          className="primary"
          onClick={() => send({ type: 'play' })}
          disabled={!ready || done}
        >
          ▶ {phase === 'ready' ? 'Train' : 'Resume'}
        </button>
      )}
      <button
        onClick={() => send({ type: 'step' })}
        disabled={!ready || running || done}
        title="One training step"
      >
        Step
      </button>
      <button
        onClick={onReset}
        disabled={!ready}
        title="Start over with new initial weights from the seed"
      >
        Reset
      </button>
      {!onTeacherSource ? null : teacherSource === 'pretrained' ? (
        <button
          onClick={() => onTeacherSource('train')}
          disabled={!ready}
          title="Start over, training a teacher from scratch first"
        >
          Train my own teacher
        </button>
      ) : (
        <button
          onClick={() => onTeacherSource('pretrained')}
          disabled={!ready}
          title="Start over with the teacher trained offline (npm run train:teacher)"
        >
          Use pretrained teacher
        </button>
      )}
      {phase === 'teachers' && (
        <button
          onClick={() => send({ type: 'finishTeacher' })}
          disabled={!ready}
          title="Stop the teacher here and start distilling"
        >
          Stop teacher &amp; distill →
        </button>
      )}
    </div>
  );
}
