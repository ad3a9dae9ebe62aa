import { readFileSync } from 'node:fs';
import wabtFactory from 'wabt';

/** Compiles a WebAssembly text file to its binary (SIMD enabled) with wabt. */
export async function compileWat(path: string): Promise<Uint8Array> {
  const wabt = await wabtFactory();
  const module = wabt.parseWat(path, readFileSync(path, 'utf8'), { simd: true });
  try {
    module.validate();
    return module.toBinary({}).buffer;
  } finally {
    module.destroy();
  }
}
