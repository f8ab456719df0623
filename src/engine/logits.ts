/**
 * Helpers over one row of logits, computed in float64. A row is `V` values starting at
 * `offset` in a flat [B, T, V] array.
 */

/** Natural-log probability of `target` under softmax(row). */
export function logSoftmaxAt(logits: ArrayLike<number>, offset: number, V: number, target: number): number {
  let m = -Infinity;
  for (let v = 0; v < V; v++) if (logits[offset + v] > m) m = logits[offset + v];
  let s = 0;
  for (let v = 0; v < V; v++) s += Math.exp(logits[offset + v] - m);
  return logits[offset + target] - m - Math.log(s);
}

/** Index of the largest value (the first one on ties). */
export function argmaxAt(logits: ArrayLike<number>, offset: number, V: number): number {
  let best = 0;
  let m = logits[offset];
  for (let v = 1; v < V; v++) {
    if (logits[offset + v] > m) {
      m = logits[offset + v];
      best = v;
    }
  }
  return best;
}
