/**
 * The worker's answers to the page's look-inside requests that read the run without changing it:
 * a drawn digit's logits, test digits' pixels, the learners in the Layers format (EngineHost).
 */
import type { MnistSplit } from '../data/batches.ts';
import { IMAGE_SIZE } from '../data/mnistAssets.ts';
import { exportLayersModel } from '../models/layersModelExport.ts';
import type { Command, WorkerMessage } from './protocol.ts';
import type { Run } from './run.ts';
import { memberLogits } from './sampleLogits.ts';
import type { Session } from './session.ts';

export type Post = (event: WorkerMessage, transfer?: Transferable[]) => void;

/** Between two training ticks (the loop yields to messages): a drawn digit's logits. */
export function answerInference(
  post: Post,
  run: Run | undefined,
  { requestId, pixels, count }: Extract<Command, { type: 'infer' }>,
): void {
  const logits = run ? memberLogits(run, pixels, count) : null;
  post(
    { type: 'inference', requestId, logits },
    logits ? Object.values(logits).map((l) => l.buffer as ArrayBuffer) : [],
  );
}

/** The pixels of test digits by index (an index outside the test set stays blank). */
export function answerTestDigits(
  post: Post,
  test: MnistSplit,
  { requestId, indices }: Extract<Command, { type: 'testDigits' }>,
): void {
  const pixels = new Uint8Array(indices.length * IMAGE_SIZE);
  indices.forEach((index, k) => {
    if (index >= 0 && index < test.count) {
      pixels.set(
        test.images.subarray(index * IMAGE_SIZE, (index + 1) * IMAGE_SIZE),
        k * IMAGE_SIZE,
      );
    }
  });
  post({ type: 'testDigits', requestId, pixels }, [pixels.buffer]);
}

/** Every learner of the run, as it is now, in the TensorFlow.js Layers format. */
export async function answerLearnerExport(
  post: Post,
  session: Session | null,
  runId: number,
  requestId: number,
): Promise<void> {
  const learners = session
    ? await Promise.all(
        session.run.learners.map(async (l) => ({
          id: l.spec.id,
          label: l.spec.label,
          ...(await exportLayersModel(l.model, l.spec.id)),
        })),
      )
    : null;
  post(
    { type: 'learnerExport', requestId, runId: session?.runId ?? runId, learners },
    learners?.map((l) => l.weights) ?? [],
  );
}
