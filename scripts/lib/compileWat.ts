import { readFileSync } from 'node:fs';
import wabtFactory from 'wabt';

const OWN_MEMORY = '(memory (export "memory") 1)';
const IMPORTED_MEMORY = '(import "env" "memory" (memory 1))';

/** Compiles WebAssembly text to its binary (SIMD enabled) with wabt. */
export async function compileWatText(name: string, text: string): Promise<Uint8Array> {
  const wabt = await wabtFactory();
  const module = wabt.parseWat(name, text, { simd: true });
  try {
    module.validate();
    return module.toBinary({}).buffer;
  } finally {
    module.destroy();
  }
}

/** src/models/adamKernel.wat with a memory of its own, and with env.memory imported instead. */
export async function compileAdamKernels(
  path = 'src/models/adamKernel.wat',
): Promise<{ own: Uint8Array; imported: Uint8Array }> {
  const text = readFileSync(path, 'utf8');
  if (!text.includes(OWN_MEMORY)) throw new Error(`${path} lacks ${OWN_MEMORY}`);
  return {
    own: await compileWatText(path, text),
    imported: await compileWatText(path, text.replace(OWN_MEMORY, IMPORTED_MEMORY)),
  };
}
