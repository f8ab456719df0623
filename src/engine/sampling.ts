/**
 * Choosing the next character from one row of logits: greedy, or a draw from
 * softmax(logits / temperature) restricted by top-k and top-p; and the seed that makes a
 * draw depend only on the context, so the same context shows the same ghost text.
 */
import { argmaxAt } from './logits';
import { mulberry32 } from './random';

export interface SamplerSettings {
  /** 0 (or less) = greedy. */
  temperature: number;
  /** Keep the k most likely characters (0 = all). */
  topK: number;
  /** Keep the smallest most-likely set whose probability reaches p (1 = all). */
  topP: number;
}

/**
 * Picks a token from the V logits at `offset`. Greedy when the temperature is 0, when
 * top-k is 1, or when top-p leaves one character; otherwise a draw with `random` in [0, 1).
 */
export function sampleToken(logits: ArrayLike<number>, offset: number, V: number, s: SamplerSettings, random: () => number): number {
  if (!(s.temperature > 0) || s.topK === 1) return argmaxAt(logits, offset, V);
  let m = -Infinity;
  for (let v = 0; v < V; v++) if (logits[offset + v] > m) m = logits[offset + v];
  const order = Array.from({ length: V }, (_, v) => v);
  const w = new Float64Array(V);
  for (let v = 0; v < V; v++) w[v] = Math.exp((logits[offset + v] - m) / s.temperature);
  order.sort((a, b) => w[b] - w[a] || a - b);
  let keep = s.topK > 0 ? Math.min(V, Math.floor(s.topK)) : V;
  if (s.topP < 1) {
    let total = 0;
    for (let k = 0; k < keep; k++) total += w[order[k]];
    let acc = 0;
    for (let k = 0; k < keep; k++) {
      acc += w[order[k]];
      if (acc >= s.topP * total) {
        keep = k + 1;
        break;
      }
    }
  }
  let sum = 0;
  for (let k = 0; k < keep; k++) sum += w[order[k]];
  let r = random() * sum;
  for (let k = 0; k < keep; k++) {
    r -= w[order[k]];
    if (r < 0) return order[k];
  }
  return order[0]; // only reached through rounding
}

/** FNV-1a over UTF-16 units. */
export function hashString(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let k = 0; k < text.length; k++) {
    h ^= text.charCodeAt(k);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** Characters of context that seed the sampler. */
export const SEED_CONTEXT_CHARS = 256;

/** A generator seeded by the last characters of the context (and an optional extra seed). */
export function contextRandom(context: string, seed = 0): () => number {
  return mulberry32(hashString(context.slice(-SEED_CONTEXT_CHARS)) ^ (seed >>> 0));
}
