import { describe, expect, it } from 'vitest';
import { compiledCodeBytes, type HeapSnapshotJson } from './heapSnapshotCode.ts';

/** Three nodes in V8's layout (type, name, id, self_size, edge_count): an object and two code. */
const heap: HeapSnapshotJson = {
  snapshot: {
    meta: {
      node_fields: ['type', 'name', 'id', 'self_size', 'edge_count'],
      node_types: [['hidden', 'array', 'string', 'object', 'code', 'closure']],
    },
  },
  nodes: [3, 0, 1, 1_000, 0, 4, 0, 3, 250, 0, 4, 0, 5, 30, 0],
};

describe('compiledCodeBytes', () => {
  it('sums the self sizes of the nodes of type code and nothing else', () => {
    expect(compiledCodeBytes(heap)).toBe(280);
  });

  it('reads the field order from the snapshot, not from a fixed layout', () => {
    const reordered: HeapSnapshotJson = {
      snapshot: {
        meta: {
          node_fields: ['self_size', 'type'],
          node_types: [['code', 'object']],
        },
      },
      nodes: [7, 0, 100, 1, 5, 0],
    };
    expect(compiledCodeBytes(reordered)).toBe(12);
  });
});
