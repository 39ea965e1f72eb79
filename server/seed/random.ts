/**
 * Stateless pseudo-random numbers: a value depends only on a seed and an index, so a series'
 * point at a given time is the same whether it was seeded or appended live, in any order.
 */

/** A 32-bit hash of a string (FNV-1a), to derive a seed from a series' name. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A uniform number in [0, 1) for (seed, index), from a splitmix-style integer mix. */
export function uniform(seed: number, index: number): number {
  let z = (seed + Math.imul(index | 0, 0x9e3779b9) + Math.floor(index / 0x100000000)) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  z ^= z >>> 16;
  return (z >>> 0) / 0x100000000;
}

/** A standard normal number for (seed, index) (Box-Muller over two uniforms). */
export function normal(seed: number, index: number): number {
  const u = 1 - uniform(seed, 2 * index);
  const v = uniform(seed, 2 * index + 1);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
