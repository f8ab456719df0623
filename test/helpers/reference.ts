/**
 * A naive float64 reference forward pass of the char-LSTM, written only for tests.
 * Gate order i, f, g, o, as in training/params.ts.
 */
import { Params } from '../../training/params';

const sig = (x: number) => 1 / (1 + Math.exp(-x));

export interface RefState {
  h: number[][][]; // [L][B][H]
  c: number[][][];
}

export function zeroRefState(p: Params, batch: number): RefState {
  const z = () => Array.from({ length: p.shape.layers }, () => Array.from({ length: batch }, () => new Array(p.shape.hidden).fill(0)));
  return { h: z(), c: z() };
}

/** tokens[b][t] -> logits[b][t][v], and the state is updated in place. */
export function referenceForward(p: Params, tokens: number[][], state: RefState): number[][][] {
  const { embed: E, layers: L, hidden: H, vocab: V } = p.shape;
  const emb = p.view('embed');
  const outW = p.view('out.w');
  const outB = p.view('out.b');
  return tokens.map((seq, b) =>
    seq.map((tok) => {
      let x: number[] = Array.from(emb.subarray(tok * E, (tok + 1) * E));
      for (let l = 0; l < L; l++) {
        const wx = p.view(`l${l}.wx`);
        const wh = p.view(`l${l}.wh`);
        const bias = p.view(`l${l}.b`);
        const inDim = x.length;
        const hPrev = state.h[l][b];
        const cPrev = state.c[l][b];
        const z = new Array(4 * H).fill(0);
        for (let r = 0; r < 4 * H; r++) {
          let s = bias[r];
          for (let k = 0; k < inDim; k++) s += wx[r * inDim + k] * x[k];
          for (let k = 0; k < H; k++) s += wh[r * H + k] * hPrev[k];
          z[r] = s;
        }
        const h = new Array(H);
        const c = new Array(H);
        for (let j = 0; j < H; j++) {
          const i = sig(z[j]);
          const f = sig(z[H + j]);
          const g = Math.tanh(z[2 * H + j]);
          const o = sig(z[3 * H + j]);
          c[j] = f * cPrev[j] + i * g;
          h[j] = o * Math.tanh(c[j]);
        }
        state.h[l][b] = h;
        state.c[l][b] = c;
        x = h;
      }
      const logits = new Array(V);
      for (let v = 0; v < V; v++) {
        let s = outB[v];
        for (let k = 0; k < H; k++) s += outW[v * H + k] * x[k];
        logits[v] = s;
      }
      return logits;
    }),
  );
}

export function log2Softmax(logits: ArrayLike<number>, offset: number, V: number, target: number): number {
  let m = -Infinity;
  for (let v = 0; v < V; v++) m = Math.max(m, logits[offset + v]);
  let s = 0;
  for (let v = 0; v < V; v++) s += Math.exp(logits[offset + v] - m);
  return (logits[offset + target] - m - Math.log(s)) / Math.LN2;
}
