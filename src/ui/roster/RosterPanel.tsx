import { memo } from 'react';
import type { Roster } from '../../engine/protocol.ts';
import { describeOrigin, formatParameters } from './rosterView.ts';
import { Swatch } from './Swatch.tsx';

/** " (no 3)" or " (only 7, 8)": which digits the transfer set leaves out. */
function transferNote(digits: readonly number[]): string {
  if (digits.length >= 10) return '';
  const missing = [...Array(10).keys()].filter((d) => !digits.includes(d));
  return digits.length >= 5 ? ` (no ${missing.join(', ')})` : ` (only ${digits.join(', ')})`;
}

/** Every member of the run: colour, name, layer widths, size, and where it comes from. */
function RosterPanelView({ roster }: { roster: Roster | null }) {
  return (
    <section className="roster" aria-labelledby="roster-title">
      <h3 id="roster-title">In this run</h3>
      {roster ? (
        <ul data-testid="roster">
          {roster.members.map((m) => (
            <li key={m.id} data-member={m.id}>
              <span className="roster-name">
                <Swatch color={m.color} /> {m.label}
              </span>
              <span className="small">
                {m.architecture} · {formatParameters(m.parameters)}
              </span>
              <span className="small">{describeOrigin(m, roster.members)}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="placeholder">The models appear once the engine has built them…</p>
      )}
      {roster && (
        <p className="small">
          Transfer set: {roster.transferSize.toLocaleString('en-US')} training digits
          {transferNote(roster.transferDigits)}
          {roster.transferLabels ? '' : ', without labels'}.
        </p>
      )}
    </section>
  );
}

/** The roster changes once per run. */
export const RosterPanel = memo(RosterPanelView);
