import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../protocol.ts';
import { syntheticSplit } from '../testRecipes.testutil.ts';
import { PartnerLink } from './partnerLink.ts';
import { PartnerSlot } from './partnerSlot.ts';

const train = syntheticSplit(10, 1);

/** A slot whose partner starts answering 'ready' (or failing) as the test says. */
function slot(answer: 'ready' | 'error') {
  const events: EngineEvent[] = [];
  const links: PartnerLink[] = [];
  const s = new PartnerSlot(
    (e) => events.push(e),
    () => {
      const link = new PartnerLink(
        () => {},
        () => {},
      );
      links.push(link);
      queueMicrotask(() =>
        link.receive(
          answer === 'ready'
            ? { type: 'ready', backend: 'wasm' }
            : { type: 'error', message: 'no wasm here' },
        ),
      );
      return link;
    },
  );
  s.wanted = true;
  return { s, events, links };
}

const notices = (events: EngineEvent[]) =>
  events.flatMap((e) => (e.type === 'notice' ? [e.message] : []));

describe('the second training worker’s slot', () => {
  it('starts no partner unless two workers were asked for', async () => {
    const { s, links } = slot('ready');
    s.wanted = false;
    expect(await s.linkFor('wasm', train)).toBeNull();
    expect(links).toHaveLength(0);
  });

  it('starts the partner once, and every run gets the same one', async () => {
    const { s, links, events } = slot('ready');
    const first = await s.linkFor('wasm', train);
    expect(first).toBe(links[0]);
    expect(await s.linkFor('wasm', train)).toBe(first);
    expect(links).toHaveLength(1);
    expect(events).toEqual([]);
  });

  it('a partner that cannot start: one notice, and every run trains in one worker', async () => {
    const { s, events } = slot('error');
    expect(await s.linkFor('wasm', train)).toBeNull();
    expect(await s.linkFor('wasm', train)).toBeNull();
    expect(notices(events)).toEqual([
      'The second training worker could not start (no wasm here): every learner trains in one worker.',
    ]);
  });

  it('after the partner stopped mid-run, the next run trains in one worker, with a notice', async () => {
    const { s, events, links } = slot('ready');
    await s.linkFor('wasm', train);
    links[0].fail('killed');
    expect(await s.linkFor('wasm', train)).toBeNull();
    expect(await s.linkFor('wasm', train)).toBeNull();
    expect(links).toHaveLength(1);
    expect(notices(events)).toEqual([
      'The second training worker stopped (killed): from the next run, every learner trains in one worker.',
    ]);
  });
});
