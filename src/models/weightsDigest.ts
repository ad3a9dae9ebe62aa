/**
 * A weights file's checksum: the SHA-256 of its .bin, kept in its .json (`sha256`), written by
 * the scripts that write weights and checked when the page loads them, so random or swapped bytes
 * of the right length are refused instead of trusted. Web Crypto: the same code in the browser,
 * its workers and Node.
 */
export async function sha256Hex(bytes: ArrayBuffer | Uint8Array): Promise<string> {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const digest = await crypto.subtle.digest('SHA-256', view as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
