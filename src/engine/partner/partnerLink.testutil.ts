/**
 * A partner on the same thread, for the engine's tests: commands and replies cross as in a
 * worker (structured clones, transferred buffers detached, each on a later task), and the
 * PartnerHost handles them one after another.
 */
import * as tf from '@tensorflow/tfjs';
import type { MnistSplit } from '../../data/batches.ts';
import type { BackendName } from '../protocol.ts';
import { PartnerHost } from './partnerHost.ts';
import { PartnerLink } from './partnerLink.ts';
import type { PartnerCommand, PartnerReply } from './partnerProtocol.ts';

const later = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function inProcessPartner(backend: BackendName, train: MnistSplit): PartnerLink {
  let stopped = false;
  let queue = Promise.resolve();
  let link: PartnerLink | null = null;
  // The test's backend is already running: both ends share it here.
  const host = new PartnerHost(
    (reply: PartnerReply, transfer: Transferable[] = []) => {
      const copy = structuredClone(reply, { transfer });
      void later().then(() => {
        if (!stopped) link?.receive(copy);
      });
    },
    () => Promise.resolve(tf.getBackend()),
  );
  link = new PartnerLink(
    (command: PartnerCommand, transfer: Transferable[]) => {
      const copy = structuredClone(command, { transfer });
      queue = queue
        .then(later)
        .then(() => (stopped ? undefined : host.handle(copy)))
        .catch((e: unknown) => link?.fail(e instanceof Error ? e.message : String(e)));
    },
    () => (stopped = true),
  );
  link.post({ type: 'start', backend, train: structuredClone(train) });
  return link;
}
