/**
 * A run's curves as CSV (RFC 4180: comma-separated, CRLF line ends, fields with a comma, quote
 * or line break quoted, quotes doubled). One row per point, long format, so any spreadsheet or
 * pandas reads it: `series,member,measure,epoch,value` (series: test or training).
 */
import type { EvaluationPoint, LossPoint, RosterEntry } from '../engine/protocol.ts';

const HEADER = ['series', 'member', 'measure', 'epoch', 'value'];

function field(v: string | number): string {
  const text = String(v);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function curvesToCsv(
  members: readonly RosterEntry[],
  evaluations: readonly EvaluationPoint[],
  loss: readonly LossPoint[],
): string {
  const label = (id: string) => members.find((m) => m.id === id)?.label ?? id;
  const rows: (string | number)[][] = [HEADER];
  for (const p of evaluations)
    for (const measure of ['accuracy', 'agreement', 'kl'] as const)
      for (const [id, v] of Object.entries(p[measure]))
        if (Number.isFinite(v)) rows.push(['test', label(id), measure, p.epoch, v]);
  for (const p of loss)
    for (const [id, terms] of Object.entries(p.terms))
      for (const [term, v] of Object.entries(terms))
        if (Number.isFinite(v)) rows.push(['training', label(id), `loss:${term}`, p.epoch, v]);
  return rows.map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}
