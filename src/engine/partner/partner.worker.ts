/// <reference lib="webworker" />
/**
 * The partner worker: started by the training worker (never by the page) to train some of a
 * stage's learners beside it. It speaks only partnerProtocol.ts; commands run one after another.
 */
import { chooseBackend } from '../backend.ts';
import { PartnerHost } from './partnerHost.ts';
import type { PartnerCommand, PartnerReply } from './partnerProtocol.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const host = new PartnerHost(
  (reply: PartnerReply, transfer: Transferable[] = []) => scope.postMessage(reply, transfer),
  async (name) => (await chooseBackend(name)).backend,
);
let queue = Promise.resolve();

scope.onmessage = (event: MessageEvent<PartnerCommand>) => {
  queue = queue
    .then(() => host.handle(event.data))
    .catch((e: unknown) => {
      const message = e instanceof Error ? e.message : String(e);
      scope.postMessage({ type: 'error', message } satisfies PartnerReply);
    });
};
