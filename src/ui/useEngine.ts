import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { startEngine, type EngineClient } from '../client/engineClient.ts';
import { engineReducer, INITIAL_ENGINE_STATE, type EngineState } from '../client/engineState.ts';
import { fetchTeacherPreview } from '../client/teacherPreview.ts';
import type { BackendRequest, Command, LiveHyper } from '../engine/protocol.ts';
import type { Recipe } from '../engine/recipe.ts';

export type { MemberEvaluation } from '../client/engineState.ts';

export interface EngineView extends EngineState {
  send: (command: Command) => void;
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
): EngineView {
  const client = useRef<EngineClient | null>(null);
  const [state, dispatch] = useReducer(engineReducer, INITIAL_ENGINE_STATE);
  // The worker starts with the settings of the moment it mounts; later changes go as commands.
  const [start] = useState({ backendRequest, recipe, hyper });

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
    const engine = startEngine((event) => dispatch({ kind: 'event', event }));
    client.current = engine;
    engine.send({
      type: 'init',
      backend: start.backendRequest,
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

  return { ...state, send };
}
