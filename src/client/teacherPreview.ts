import type { SampleDigits } from '../engine/protocol.ts';

/** public/models/teacher.samples.json (written by scripts/lib/teacherSamples.ts). */
export interface TeacherPreview {
  indices: number[];
  labels: number[];
  /** count × 784 uint8 pixels, base64. */
  pixelsBase64: string;
  /** The stored teacher's logits on these digits, count × 10. */
  teacherLogits: number[];
}

/**
 * The pretrained teacher's soft targets on the sample digits, from a 10 kB file: the page shows
 * them at once, and the worker's live ones replace them when it is ready. Null if unavailable.
 */
export async function fetchTeacherPreview(
  baseUrl: string,
): Promise<{ samples: SampleDigits; teacherLogits: Float32Array } | null> {
  try {
    const response = await fetch(new URL('models/teacher.samples.json', baseUrl));
    if (!response.ok) return null;
    const preview = (await response.json()) as TeacherPreview;
    const pixels = Uint8Array.from(atob(preview.pixelsBase64), (c) => c.charCodeAt(0));
    if (
      pixels.length !== preview.indices.length * 784 ||
      preview.teacherLogits.length !== preview.indices.length * 10
    ) {
      return null;
    }
    return {
      samples: { indices: preview.indices, labels: preview.labels, pixels },
      teacherLogits: Float32Array.from(preview.teacherLogits),
    };
  } catch {
    return null;
  }
}
