import { useCallback, useEffect, useRef, useState } from 'react';
import { startEngine, type EngineClient } from '../client/engineClient.ts';
import { fetchTeacherPreview } from '../client/teacherPreview.ts';
import type {
  BackendReport,
  BackendRequest,
  Command,
  EngineConfig,
  EngineEvent,
  LiveHyper,
  SampleDigits,
  Snapshot,
} from '../engine/protocol.ts';

export interface EngineView {
  snapshot: Snapshot | null;
  samples: SampleDigits | null;
  backend: BackendReport | null;
  /** A fatal error (data missing, no backend) or a recoverable one. */
  error: { message: string; fatal: boolean } | null;
  /** Why training paused by itself (e.g. diverged). */
  pausedReason: string | null;
  /** Things that went another way than asked (e.g. no pretrained teacher): shown, not fatal. */
  notices: string[];
  testLabels: Uint8Array | null;
  /** The latest test-set logits of each model, with the epoch they were taken at. */
  evaluations: Partial<
    Record<'teacher' | 'distilled' | 'control', { epoch: number; logits: Float32Array }>
  >;
  /** The pretrained teacher's sample logits, before the trainer is ready. */
  earlyTeacherLogits: Float32Array | null;
  send: (command: Command) => void;
}

/**
 * Starts the training worker when the component mounts and follows its events. A new backend
 * needs a new worker (a tfjs backend cannot be swapped under live models): the caller remounts
 * the component (React `key`) to get one.
 */
export function useEngine(
  backendRequest: BackendRequest,
  config: EngineConfig,
  hyper: LiveHyper,
): EngineView {
  const client = useRef<EngineClient | null>(null);
  const [snapshot, setSnapshot] = useState<Snapshot | null>(null);
  const [samples, setSamples] = useState<SampleDigits | null>(null);
  const [backend, setBackend] = useState<BackendReport | null>(null);
  const [error, setError] = useState<EngineView['error']>(null);
  const [pausedReason, setPausedReason] = useState<string | null>(null);
  const [notices, setNotices] = useState<string[]>([]);
  const [testLabels, setTestLabels] = useState<Uint8Array | null>(null);
  const [evaluations, setEvaluations] = useState<EngineView['evaluations']>({});
  const [earlyTeacherLogits, setEarlyTeacherLogits] = useState<Float32Array | null>(null);
  // The worker starts with the settings of the moment it mounts; later changes go as commands.
  const [start] = useState({ backendRequest, config, hyper });

  // Real soft targets in the first second: the pretrained teacher's, precomputed (10 kB).
  useEffect(() => {
    if (start.config.teacherSource !== 'pretrained') return;
    let current = true;
    void fetchTeacherPreview(new URL('./', document.baseURI).href).then((preview) => {
      if (!current || !preview) return;
      setSamples((s) => s ?? preview.samples);
      setEarlyTeacherLogits((l) => l ?? preview.teacherLogits);
    });
    return () => {
      current = false;
    };
  }, [start]);

  useEffect(() => {
    const onEvent = (event: EngineEvent) => {
      switch (event.type) {
        case 'snapshot':
          setSnapshot(event.snapshot);
          if (event.snapshot.running) setPausedReason(null);
          break;
        case 'samples':
          setSamples(event.samples);
          break;
        case 'backend':
          setBackend(event.report);
          break;
        case 'paused':
          setPausedReason(event.reason);
          break;
        case 'error':
          setError({ message: event.message, fatal: event.fatal });
          break;
        case 'notice':
          setNotices((n) => (n.includes(event.message) ? n : [...n, event.message]));
          break;
        case 'testLabels':
          setTestLabels(event.labels);
          break;
        case 'earlyLogits':
          setEarlyTeacherLogits(event.teacher);
          break;
        case 'evaluation': {
          const { epoch, logits } = event.evaluation;
          setEvaluations((previous) => {
            const next = { ...previous };
            for (const [role, l] of Object.entries(logits)) {
              if (l) next[role as keyof typeof next] = { epoch, logits: l };
            }
            return next;
          });
          break;
        }
      }
    };
    const engine = startEngine(onEvent);
    client.current = engine;
    engine.send({
      type: 'init',
      backend: start.backendRequest,
      config: start.config,
      hyper: start.hyper,
      baseUrl: new URL('./', document.baseURI).href,
    });
    return () => {
      engine.terminate();
      client.current = null;
    };
  }, [start]);

  const send = useCallback((command: Command) => {
    if (command.type === 'reset' || command.type === 'play') setError(null);
    if (command.type === 'reset') setEvaluations({});
    client.current?.send(command);
  }, []);

  return {
    snapshot,
    samples,
    backend,
    error,
    pausedReason,
    notices,
    testLabels,
    evaluations,
    earlyTeacherLogits,
    send,
  };
}
