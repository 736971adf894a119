/**
 * A small seeded random source (mulberry32), so the same seed always builds the same demo MSP.
 * Forks are seeded from the parent's seed and a label, not from how far the parent has got: a
 * change in how many numbers one part of the demo draws never reshuffles another part.
 */

export type Random = {
  /** A number in [0, 1). */
  next(): number;
  /** A whole number from `min` to `max`, both included. */
  int(min: number, max: number): number;
  between(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** `count` different items, in random order. */
  sample<T>(items: readonly T[], count: number): T[];
  /** An item drawn with the given weights. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T;
  uuid(): string;
  hex(length: number): string;
  fork(label: string): Random;
};

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** FNV-1a: a stable 32-bit seed from text. */
function seedOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export function createRandom(seed: number): Random {
  const next = mulberry32(seed);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const hex = (length: number) =>
    Array.from({ length }, () => Math.floor(next() * 16).toString(16)).join('');
  const random: Random = {
    next,
    int,
    between: (min, max) => min + next() * (max - min),
    chance: (probability) => next() < probability,
    pick: (items) => {
      if (items.length === 0) throw new Error('Cannot pick from an empty list.');
      return items[int(0, items.length - 1)]!;
    },
    sample: (items, count) => {
      const pool = [...items];
      for (let index = pool.length - 1; index > 0; index -= 1) {
        const other = int(0, index);
        [pool[index], pool[other]] = [pool[other]!, pool[index]!];
      }
      return pool.slice(0, count);
    },
    weighted: (choices) => {
      const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
      let roll = next() * total;
      for (const [item, weight] of choices) {
        roll -= weight;
        if (roll < 0) return item;
      }
      return choices.at(-1)![0];
    },
    uuid: () => {
      const word = () => Math.floor(next() * 4_294_967_296);
      const [a, b, c, d] = [word(), word(), word(), word()];
      // Version 4 and the RFC 4122 variant, so the ids read as ordinary random UUIDs.
      const versioned = ((b & 0xffff0fff) | 0x00004000) >>> 0;
      const variant = ((c & 0x3fffffff) | 0x80000000) >>> 0;
      const text = [a, versioned, variant, d]
        .map((part) => part.toString(16).padStart(8, '0'))
        .join('');
      return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20)}`;
    },
    hex,
    fork: (label) => createRandom(seedOf(`${seed}:${label}`)),
  };
  return random;
}
