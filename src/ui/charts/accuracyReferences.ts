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
  const shown = members.filter((m) => fixed(m) && latest?.[m.id]?.errors !== undefined);
  // Up to two labels say "pretrained"; more (an ensemble and its members) keep to their names,
  // so that two fit side by side on a phone.
  const words = (m: RosterEntry) =>
    m.origin === 'pretrained' && shown.length <= 2 ? `pretrained ${m.label}` : m.label;
  return shown.map((m) => ({
    id: m.id,
    label: words(m),
    color: m.color,
    value: 1 - latest![m.id].errors! / (testSize || 10_000),
  }));
}
