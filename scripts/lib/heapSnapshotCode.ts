/**
 * How much of a page's JS heap is V8's compiled code, from a heap snapshot (Chrome DevTools
 * Protocol, HeapProfiler.takeHeapSnapshot). The soak (appSoak.ts) reports it beside the heap: a
 * page that renders the same views for minutes keeps compiling more of its functions (baseline,
 * then optimized code) long after its data stopped growing, and that is no leak.
 */
import type { CDPSession } from '@playwright/test';

/** The parts of V8's .heapsnapshot format read here (see v8/include/v8-profiler.h). */
export interface HeapSnapshotJson {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
}

/**
 * Bytes of nodes of type `code` (bytecode, machine code and their tables): DevTools' "Code" in a
 * snapshot's Statistics view.
 */
export function compiledCodeBytes(heap: HeapSnapshotJson): number {
  const fields = heap.snapshot.meta.node_fields;
  const typeField = fields.indexOf('type');
  const sizeField = fields.indexOf('self_size');
  const codeType = heap.snapshot.meta.node_types[0].indexOf('code');
  let bytes = 0;
  for (let i = 0; i < heap.nodes.length; i += fields.length) {
    if (heap.nodes[i + typeField] === codeType) bytes += heap.nodes[i + sizeField];
  }
  return bytes;
}

/** A heap snapshot of the page behind `cdp` (a full GC comes first; takes a few seconds). */
export async function takeHeapSnapshot(cdp: CDPSession): Promise<HeapSnapshotJson> {
  const chunks: string[] = [];
  const onChunk = ({ chunk }: { chunk: string }) => chunks.push(chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  try {
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  }
  return JSON.parse(chunks.join('')) as HeapSnapshotJson;
}
