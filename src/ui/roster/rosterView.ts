/**
 * Reading the roster for the views: who teaches, who learns, what to call them. The page never
 * names a role: it finds members by what the roster says of them.
 */
import type { RosterEntry } from '../../engine/protocol.ts';
import type { Recipe } from '../../engine/recipe.ts';
import { OBJECTIVE_CATALOG } from '../../kd/objectiveCatalog.ts';
import { PROVISIONAL_COLORS } from '../modelColors.ts';

/** What a view needs to draw a member: the roster entry, or its stand-in before the roster. */
export interface MemberLook {
  id: string;
  label: string;
  color: string;
  role: RosterEntry['role'];
  teachers: readonly string[];
  /** Combined teachers: the teachers they combine. */
  combines?: readonly string[];
}

export const teachersOf = <M extends MemberLook>(members: readonly M[]): M[] =>
  members.filter((m) => m.role === 'teacher');

export const learnersOf = <M extends MemberLook>(members: readonly M[]): M[] =>
  members.filter((m) => m.role === 'learner');

/** Learners that listen to at least one teacher (their agreement and KL are measured). */
export const taughtLearners = <M extends MemberLook>(members: readonly M[]): M[] =>
  members.filter((m) => m.role === 'learner' && m.teachers.length > 0);

/** The learner the loss control and the formula are about: the first distilled one. */
export function firstDistilled(members: readonly RosterEntry[]): RosterEntry | undefined {
  return members.find((m) => m.role === 'learner' && m.origin === 'distilled');
}

/** The first learner on hard labels alone that can train: the control of the comparison. */
export function firstControl(members: readonly RosterEntry[]): RosterEntry | undefined {
  return members.find((m) => m.role === 'learner' && m.origin === 'hard labels' && m.trains);
}

/** "control student (hard labels)" → "control student": for tight places (status line). */
export function shortLabel(member: Pick<RosterEntry, 'label'>): string {
  return member.label.replace(/\s*\([^)]*\)\s*$/, '');
}

export function labelOf(members: readonly MemberLook[], id: string): string {
  return members.find((m) => m.id === id)?.label ?? id;
}

/** 1276810 → "1.28 M parameters"; 25450 → "25.4 k parameters". */
export function formatParameters(n: number): string {
  if (n >= 1e6) return `${(n / 1e6).toFixed(2)} M parameters`;
  if (n >= 1e4) return `${(n / 1e3).toFixed(1)} k parameters`;
  return `${n.toLocaleString('en-US')} parameters`;
}

const listOf = (names: string[]): string =>
  names.length <= 2
    ? names.join(' and ')
    : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;

/** Ids of the teachers a combined teacher on the roster stands for (an ensemble's members). */
export function combinedMemberIds(members: readonly MemberLook[]): Set<string> {
  return new Set(members.flatMap((m) => m.combines ?? []));
}

/** Whether a combined teacher (ensemble) on the roster averages its members (logits or probabilities). */
export const hasMeanEnsemble = (members: readonly RosterEntry[]): boolean =>
  members.some((m) => m.rule === 'mean-logits' || m.rule === 'mean-probabilities');

const RULE_WORDS: Record<NonNullable<RosterEntry['rule']>, string> = {
  'mean-probabilities': 'mean of probabilities',
  'mean-logits': 'mean of logits',
  specialists: 'product',
};

/** "ensemble of teacher 1, teacher 2 · mean of logits", "product of specialist 0–4 and …". */
function describeCombined(member: RosterEntry, members: readonly RosterEntry[]): string {
  const names = (member.combines ?? []).map((id) => labelOf(members, id));
  if (member.rule === 'specialists') return `product of ${listOf(names)}`;
  const rule = member.rule ? ` · ${RULE_WORDS[member.rule]}` : '';
  return `ensemble of ${names.join(', ')}${rule}`;
}

/** Where a member comes from, in words: "pretrained", "Hinton KD from teacher", "hard labels". */
export function describeOrigin(member: RosterEntry, members: readonly RosterEntry[]): string {
  const fixed = [
    member.temperature !== undefined ? `T = ${member.temperature}` : '',
    member.alpha !== undefined ? `α = ${member.alpha}` : '',
  ].filter(Boolean);
  const parts: string[] = [];
  switch (member.origin) {
    case 'pretrained':
      parts.push('pretrained');
      break;
    case 'trained here':
      parts.push('trained here on hard labels');
      break;
    case 'earlier learner':
      parts.push(
        member.fromLearner ? `from ${labelOf(members, member.fromLearner)}` : 'an earlier learner',
      );
      break;
    case 'combined':
      parts.push(describeCombined(member, members));
      break;
    case 'distilled': {
      const objective = member.objective ? OBJECTIVE_CATALOG[member.objective].label : 'distilled';
      const from = listOf(member.teachers.map((id) => labelOf(members, id)));
      parts.push(from ? `${objective} from ${from}` : objective);
      break;
    }
    case 'hard labels':
      parts.push('hard labels');
      break;
  }
  if (fixed.length > 0) parts.push(`at ${fixed.join(', ')}`);
  if (member.role === 'learner' && member.stage > 0) parts.push(`stage ${member.stage + 1}`);
  if (member.role === 'learner' && !member.trains) parts.push('cannot train here (no labels)');
  return parts.join(' · ');
}

/**
 * Stand-ins for the recipe's members before the worker announces the roster, so the pretrained
 * teacher's preview bars can be drawn in the first second.
 */
export function provisionalMembers(recipe: Recipe): MemberLook[] {
  const all = [
    ...recipe.teachers.map((t) => ({
      ...t,
      role: 'teacher' as const,
      teachers: [],
      combines: t.source.kind === 'combined' ? t.source.members : undefined,
    })),
    ...recipe.learners.map((l) => ({ ...l, role: 'learner' as const, combines: undefined })),
  ];
  return all.map((m, i) => ({
    id: m.id,
    label: m.label,
    color: m.color ?? PROVISIONAL_COLORS[i % PROVISIONAL_COLORS.length],
    role: m.role,
    teachers: m.teachers,
    combines: m.combines,
  }));
}
