import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { useEventCallback } from './useEventCallback.ts';
import { startEngine, type EngineClient } from '../client/engineClient.ts';
import { startInPageEngine, workerBlockedMessage } from '../client/inPageEngine.ts';
import { engineReducer, INITIAL_ENGINE_STATE, type EngineState } from '../client/engineState.ts';
import { fetchTeacherPreview } from '../client/teacherPreview.ts';
import type {
  BackendRequest,
  ExportLearnersCommand,
  LearnerExport,
  Command,
  EngineEvent,
  InferCommand,
  LiveHyper,
  MeasureSizeCommand,
  SizeRow,
  TestDigitsCommand,
} from '../engine/protocol.ts';
import { IMAGE_SIZE } from '../data/mnistAssets.ts';
import type { Recipe } from '../engine/recipe.ts';
import type { WordedMessage } from '../engine/messageWords.ts';

export type { MemberEvaluation } from '../client/engineState.ts';

export interface EngineView extends EngineState {
  send: (command: Command) => void;
  /** Each member's logits (10 per image) on images the page made (a drawn digit); null: no run. */
  infer: (pixels: Float32Array) => Promise<Record<string, Float32Array> | null>;
  /** The pixels (uint8, 784 each) of these test digits. */
  testDigits: (indices: number[]) => Promise<Uint8Array>;
  /** Size, speed and 8-bit errors of every member; null when there is no run yet. */
  measureSize: () => Promise<{ runId: number; rows: SizeRow[] } | null>;
  /** Every learner as a TensorFlow.js Layers model (null: no run). */
  exportLearners: () => Promise<LearnerExport[] | null>;
  /** After the worker was lost: a new worker, a new run of the current settings. */
  restart: () => void;
}

/** The file the teacher preview (public/models/teacher.samples.json) was made from. */
const PREVIEW_TEACHER_FILE = 'teacher';

/**
 * Starts the training worker when the component mounts and follows its events (engineState.ts
 * says what each one changes; messages of a run that is no longer current are dropped). A new
 * backend needs a new worker (a tfjs backend cannot be swapped under live models): the caller
 * remounts the component (React `key`) to get one.
 */
export function useEngine(
  backendRequest: BackendRequest,
  recipe: Recipe,
  hyper: LiveHyper,
  /** Training workers (state/trainingWorkers.ts); a change needs a remount, like the backend. */
  workers: 1 | 2 = 1,
): EngineView {
  const client = useRef<EngineClient | null>(null);
  const [state, dispatch] = useReducer(engineReducer, INITIAL_ENGINE_STATE);
  // The worker starts with the settings of the moment it mounts; later changes go as commands.
  const [start, setStart] = useState({ backendRequest, recipe, hyper, workers });

  // Real soft targets in the first second: the pretrained teacher's, precomputed (10 kB).
  useEffect(() => {
    const ids = start.recipe.teachers
      .filter((t) => t.source.kind === 'pretrained' && t.source.file === PREVIEW_TEACHER_FILE)
      .map((t) => t.id);
    if (ids.length === 0) return;
    let current = true;
    void fetchTeacherPreview(new URL('./', document.baseURI).href).then((preview) => {
      if (!current || !preview) return;
      const logits = Object.fromEntries(ids.map((id) => [id, preview.teacherLogits]));
      dispatch({ kind: 'preview', samples: preview.samples, logits });
    });
    return () => {
      current = false;
    };
  }, [start]);

  useEffect(() => {
    const onEvent = (event: EngineEvent) => dispatch({ kind: 'event', event });
    const onLost = (lost: WordedMessage) => dispatch({ kind: 'lost', lost });
    let engine: EngineClient;
    try {
      engine = startEngine(onEvent, onLost);
    } catch (e) {
      // No worker here (a sandboxed iframe): the engine runs on this thread, and says so.
      engine = startInPageEngine(onEvent, onLost);
      onEvent({ type: 'notice', ...workerBlockedMessage(e) });
    }
    client.current = engine;
    engine.send({
      type: 'init',
      backend: start.backendRequest,
      workers: start.workers,
      recipe: start.recipe,
      hyper: start.hyper,
      baseUrl: new URL('./', document.baseURI).href,
    });
    return () => {
      engine.terminate();
      client.current = null;
    };
  }, [start]);

  const send = useCallback((command: Command) => {
    if (command.type === 'reset') dispatch({ kind: 'reset' });
    if (command.type === 'play') dispatch({ kind: 'clearError' });
    client.current?.send(command);
  }, []);

  const infer = useCallback(async (pixels: Float32Array) => {
    const engine = client.current;
    if (!engine) return null;
    const copy = pixels.slice();
    const reply = await engine
      .request<InferCommand>({ type: 'infer', pixels: copy, count: copy.length / IMAGE_SIZE }, [
        copy.buffer,
      ])
      .catch(() => null);
    return reply?.logits ?? null;
  }, []);
  const testDigits = useCallback(async (indices: number[]) => {
    const engine = client.current;
    if (!engine) return new Uint8Array(0);
    const reply = await engine
      .request<TestDigitsCommand>({ type: 'testDigits', indices })
      .catch(() => null);
    return reply?.pixels ?? new Uint8Array(0);
  }, []);
  const measureSize = useCallback(async () => {
    const engine = client.current;
    if (!engine) return null;
    const reply = await engine
      .request<MeasureSizeCommand>({ type: 'measureSize' })
      .catch(() => null);
    return reply?.rows ? { runId: reply.runId, rows: reply.rows } : null;
  }, []);

  // A new worker for the run the page shows now: what is on screen stays until its run reports.
  const restart = useEventCallback(() => {
    dispatch({ kind: 'restarted' });
    setStart({ backendRequest, recipe, hyper, workers });
  });

  const exportLearners = useCallback(async () => {
    const engine = client.current;
    if (!engine) return null;
    const reply = await engine
      .request<ExportLearnersCommand>({ type: 'exportLearners' })
      .catch(() => null);
    return reply?.learners ?? null;
  }, []);

  // One object per engine state: memoised views that take it skip a page render.
  return useMemo(
    () => ({ ...state, send, infer, testDigits, measureSize, exportLearners, restart }),
    [state, send, infer, testDigits, measureSize, exportLearners, restart],
  );
}
