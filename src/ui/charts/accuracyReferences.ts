import type { MemberLatest, RosterEntry } from '../../engine/protocol.ts';

/** A horizontal line at a member's accuracy: a teacher that does not train here. */
export interface AccuracyReference {
  id: string;
  /** What the line's label says before the value, e.g. "pretrained teacher". */
  label: string;
  color: string;
  value: number;
}

/** Where the k-th reference's label sits: lines close together get labels apart. */
export const REFERENCE_LABEL_POSITIONS = [
  'insideBottomRight',
  'insideBottomLeft',
  'insideTopRight',
  'insideTopLeft',
] as const;

/**
 * The fixed teachers' accuracies: pretrained ones, and a combined one (an ensemble) whose
 * members are all fixed. Teachers trained here are curves of their own.
 */
export function accuracyReferences(
  members: readonly RosterEntry[],
  latest: Readonly<Record<string, MemberLatest>> | undefined,
  testSize: number,
): AccuracyReference[] {
  const fixed = (m: RosterEntry | undefined): boolean =>
    m?.role === 'teacher' &&
    (m.origin === 'pretrained' ||
      (m.origin === 'combined' &&
        (m.combines ?? []).every((id) => fixed(members.find((x) => x.id === id)))));
  return members.flatMap((m) => {
    const errors = latest?.[m.id]?.errors;
    if (!fixed(m) || errors === undefined) return [];
    const label = m.origin === 'pretrained' ? `pretrained ${m.label}` : m.label;
    return [{ id: m.id, label, color: m.color, value: 1 - errors / (testSize || 10_000) }];
  });
}
