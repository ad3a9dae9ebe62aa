/**
 * The training worker's second worker, when the page asked for two: started once, at the first
 * run that has the training data; null (with a notice) when it cannot start, and from the run
 * after it stopped, so a run never waits on a partner that is gone.
 */
import type { MnistSplit } from '../../data/batches.ts';
import { say, worded } from '../messageWords.ts';
import type { BackendName, EngineEvent } from '../protocol.ts';
import { startPartnerWorker, type PartnerLink } from './partnerLink.ts';

export class PartnerSlot {
  /** The page asked for two training workers. */
  wanted = false;
  private link: Promise<PartnerLink | null> | null = null;

  constructor(
    private readonly post: (event: EngineEvent) => void,
    private readonly start: typeof startPartnerWorker = startPartnerWorker,
  ) {}

  async linkFor(backend: BackendName, train: MnistSplit): Promise<PartnerLink | null> {
    if (!this.wanted) return null;
    this.link ??= this.open(backend, train);
    const link = await this.link;
    if (link?.failure) {
      this.post({
        type: 'notice',
        ...worded(say('engine.partner.stopped', { why: link.failure })),
      });
      this.wanted = false;
      return null;
    }
    return link;
  }

  private async open(backend: BackendName, train: MnistSplit): Promise<PartnerLink | null> {
    try {
      const link = this.start(backend, train);
      if (await link.ready) return link;
      throw new Error(link.failure ?? 'no answer');
    } catch (e) {
      // A worker cannot start a worker where the page itself could not (a sandboxed iframe).
      const why = e instanceof Error ? e.message : String(e);
      this.post({ type: 'notice', ...worded(say('engine.partner.noStart', { why })) });
      this.wanted = false;
      return null;
    }
  }
}
