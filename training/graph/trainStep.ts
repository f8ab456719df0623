/**
 * The train-step graph: forward, cross-entropy loss, and a hand-derived backward pass
 * through time, for every parameter. One `session.run` per optimisation step.
 *
 * Legend: B batch, T time, V vocab, E embedding, H hidden, In layer input width, N = T*B.
 * Everything inside runs time-major ([T, B, ...]).
 *
 * Structure (chosen by measurement, see training/README.md):
 * - The forward recurrence runs in ONNX's fused `LSTM` operator, which yields every h_t.
 * - The gates are then recomputed for all steps at once with one large MatMul over
 *   [x_t, h_{t-1}], and the cell states c_t with a tiny `Scan` (c = f*c + i*g).
 * - The backward recurrence is a reverse `Scan` whose body holds one [B,4H]x[4H,H]
 *   MatMul and a few elementwise ops; everything that does not depend on the running
 *   gradient is computed outside it, as whole-sequence tensors.
 * - Weight gradients are large MatMuls over all N positions after the scan.
 *
 * Inputs:  tokens, targets int64 [B, T]; weights float [B, T] (per-position loss weight,
 *          summing to 1 over the positions that count); h0, c0 [L, B, H]; every
 *          parameter by its name in training/params.ts.
 * Outputs: loss [] (weighted mean of -ln p), hn, cn [L, B, H], `grad.<name>` per
 *          parameter, and optionally logits [N, V] (time-major rows: t*B + b).
 */
import { GraphBuilder, graphAttr } from './builder';
import { paramSpecs, Shape } from '../params';
import { ONNX_GATE } from './inference';

export const TRAIN_INPUT = { tokens: 'tokens', targets: 'targets', weights: 'weights', h0: 'h0', c0: 'c0' } as const;
export const gradName = (param: string) => `grad.${param}`;

export interface TrainGraphOptions {
  /** Also output logits [T, B, V] (for parity tests). */
  withLogits?: boolean;
}

interface LstmCache {
  XH: string; // [T, B, In+H]  inputs and previous hidden states, side by side
  f: string; // [T, B, H]
  A: string; // [T, B, H]  dc/dh = o * (1 - tanh(c)^2)
  K: string; // [T, B, 4H] dZ = K * [dc, dc, dc, dh]
}

class TrainGraph {
  readonly g = new GraphBuilder('char_lstm_train');
  readonly axis0: string;
  readonly axis1: string;
  readonly one: string;

  constructor(readonly s: Shape) {
    const g = this.g;
    this.axis0 = g.constI64([0]);
    this.axis1 = g.constI64([1]);
    this.one = g.constF([1], []);
  }

  /** [T,B,H] of a previous-step sequence: [first, seq[0..T-2]]. */
  shiftIn(first: string, seq: string): string {
    const g = this.g;
    const head = g.op('Unsqueeze', [first, this.axis0]); // [1,B,H]
    const body = g.op('Slice', [seq, g.constI64([0]), g.constI64([-1]), this.axis0]); // [T-1,B,H]
    return g.op('Concat', [head, body], { axis: 0 });
  }

  /** Reorders the 4 gate blocks along axis 0 from ours (i,f,g,o) to ONNX's (i,o,f,c). */
  onnxGates(w: string): string {
    const parts = this.g.opN('Split', [w], 4, { axis: 0, num_outputs: 4 });
    return this.g.op('Concat', ONNX_GATE.map((k) => parts[k]), { axis: 0 });
  }

  /** X [T,B,In] -> Y [T,B,H]; also hn, cn [B,H] and what the backward pass needs. */
  lstmForward(l: number, X: string, h0: string, c0: string): { Y: string; hn: string; cn: string; cache: LstmCache } {
    const g = this.g;
    const H = this.s.hidden;
    const wx = `l${l}.wx`;
    const wh = `l${l}.wh`;
    const b = `l${l}.b`;
    const W = g.op('Unsqueeze', [this.onnxGates(wx), this.axis0]); // [1,4H,In]
    const R = g.op('Unsqueeze', [this.onnxGates(wh), this.axis0]); // [1,4H,H]
    const zeros4H = g.constF(new Float32Array(4 * H), [4 * H]);
    const Bv = g.op('Unsqueeze', [g.op('Concat', [this.onnxGates(b), zeros4H], { axis: 0 }), this.axis0]); // [1,8H]
    const [Y4, hn1, cn1] = g.opN('LSTM', [X, W, R, Bv, '', g.op('Unsqueeze', [h0, this.axis0]), g.op('Unsqueeze', [c0, this.axis0])], 3, {
      hidden_size: H,
    });
    const Y = g.op('Squeeze', [Y4, this.axis1]); // [T,B,H]
    const hn = g.op('Squeeze', [hn1, this.axis0]);
    const cn = g.op('Squeeze', [cn1, this.axis0]);

    // Recompute the gates of every step at once: Z = [x_t, h_{t-1}] . [wx, wh]^T + b
    const Hprev = this.shiftIn(h0, Y);
    const XH = g.op('Concat', [X, Hprev], { axis: 2 }); // [T,B,In+H]
    const Wcat = g.op('Concat', [wx, wh], { axis: 1 }); // [4H,In+H]
    const Z = g.op('Add', [g.op('MatMul', [XH, g.op('Transpose', [Wcat], { perm: [1, 0] })]), b]); // [T,B,4H]
    const [zi, zf, zg, zo] = g.opN('Split', [Z], 4, { axis: 2, num_outputs: 4 });
    const i = g.op('Sigmoid', [zi]);
    const f = g.op('Sigmoid', [zf]);
    const gg = g.op('Tanh', [zg]);
    const o = g.op('Sigmoid', [zo]);
    const u = g.op('Mul', [i, gg]);

    // Cell states: c_t = f_t * c_{t-1} + u_t, a tiny Scan over time.
    const body = new GraphBuilder(`cell_scan_${l}`, `cs${l}_`);
    const cIn = body.input(`cs${l}_c`, 'float', ['B', H]);
    const fT = body.input(`cs${l}_f`, 'float', ['B', H]);
    const uT = body.input(`cs${l}_u`, 'float', ['B', H]);
    const cOut = body.op('Add', [body.op('Mul', [fT, cIn]), uT]);
    body.output(cOut, `cs${l}_cn`, 'float', ['B', H]);
    body.output(cOut, `cs${l}_cseq`, 'float', ['B', H]);
    const [, C] = g.opN('Scan', [c0, f, u], 2, { body: graphAttr(body), num_scan_inputs: 2 });
    const Cprev = this.shiftIn(c0, C);
    const tc = g.op('Tanh', [C]);

    // Coefficients of the backward recurrence that do not depend on the running gradient.
    const oneMinus = (x: string) => g.op('Sub', [this.one, x]);
    const A = g.op('Mul', [o, oneMinus(g.op('Mul', [tc, tc]))]);
    const Ki = g.op('Mul', [gg, g.op('Mul', [i, oneMinus(i)])]);
    const Kf = g.op('Mul', [Cprev, g.op('Mul', [f, oneMinus(f)])]);
    const Kg = g.op('Mul', [i, oneMinus(g.op('Mul', [gg, gg]))]);
    const Ko = g.op('Mul', [tc, g.op('Mul', [o, oneMinus(o)])]);
    const K = g.op('Concat', [Ki, Kf, Kg, Ko], { axis: 2 });
    return { Y, hn, cn, cache: { XH, f, A, K } };
  }

  /** dY [T,B,H] -> dX [T,B,In]; writes grad.l{l}.wx, .wh, .b. Truncated: no gradient flows past the chunk. */
  lstmBackward(l: number, dY: string, cache: LstmCache, inDim: number): string {
    const g = this.g;
    const H = this.s.hidden;
    const wh = `l${l}.wh`;
    const wx = `l${l}.wx`;
    const p = `bs${l}_`;
    const body = new GraphBuilder(`backward_scan_${l}`, p);
    const dhRec = body.input(`${p}dhrec`, 'float', ['B', H]);
    const dcNext = body.input(`${p}dcnext`, 'float', ['B', H]);
    const dYt = body.input(`${p}dy`, 'float', ['B', H]);
    const At = body.input(`${p}a`, 'float', ['B', H]);
    const ft = body.input(`${p}f`, 'float', ['B', H]);
    const Kt = body.input(`${p}k`, 'float', ['B', 4 * H]);
    const dh = body.op('Add', [dYt, dhRec]);
    const dc = body.op('Add', [body.op('Mul', [dh, At]), dcNext]);
    const dcOut = body.op('Mul', [dc, ft]);
    const dZt = body.op('Mul', [body.op('Concat', [dc, dc, dc, dh], { axis: 1 }), Kt]); // [B,4H]
    const dhOut = body.op('MatMul', [dZt, wh]); // [B,H]
    body.output(dhOut, `${p}dhrec_out`, 'float', ['B', H]);
    body.output(dcOut, `${p}dcnext_out`, 'float', ['B', H]);
    body.output(dZt, `${p}dz`, 'float', ['B', 4 * H]);

    // Zero initial gradients with the batch size of dY: dY[0] * 0.
    const dy0 = g.op('Gather', [dY, g.constI64([0], [])], { axis: 0 }); // [B,H]
    const zero = g.op('Mul', [dy0, g.constF([0], [])]);
    const [, , dZ] = g.opN('Scan', [zero, zero, dY, cache.A, cache.f, cache.K], 3, {
      body: graphAttr(body),
      num_scan_inputs: 4,
      scan_input_directions: [1, 1, 1, 1],
      scan_output_directions: [1],
    }); // dZ [T,B,4H] in forward time order

    const shape2 = (cols: number) => g.constI64([-1, cols]);
    const dZ2 = g.op('Reshape', [dZ, shape2(4 * H)]); // [N,4H]
    const XH2 = g.op('Reshape', [cache.XH, shape2(inDim + H)]); // [N,In+H]
    const dW = g.op('Gemm', [dZ2, XH2], { transA: 1 }); // [4H,In+H]
    const [dwx, dwh] = g.opN('Split', [dW, g.constI64([inDim, H])], 2, { axis: 1 });
    g.output(dwx, gradName(wx), 'float', [4 * H, inDim]);
    g.output(dwh, gradName(wh), 'float', [4 * H, H]);
    g.output(g.op('ReduceSum', [dZ2, this.axis0], { keepdims: 0 }), gradName(`l${l}.b`), 'float', [4 * H]);
    return g.op('MatMul', [dZ, wx]); // [T,B,In]
  }
}

export function buildTrainStepModel(s: Shape, opts: TrainGraphOptions = {}): Uint8Array {
  const tg = new TrainGraph(s);
  const g = tg.g;
  const { vocab: V, embed: E, layers: L, hidden: H } = s;
  const tokens = g.input(TRAIN_INPUT.tokens, 'int64', ['B', 'T']);
  const targets = g.input(TRAIN_INPUT.targets, 'int64', ['B', 'T']);
  const weights = g.input(TRAIN_INPUT.weights, 'float', ['B', 'T']);
  const h0 = g.input(TRAIN_INPUT.h0, 'float', [L, 'B', H]);
  const c0 = g.input(TRAIN_INPUT.c0, 'float', [L, 'B', H]);
  for (const p of paramSpecs(s)) g.input(p.name, 'float', p.dims);

  // Embedding forward: [T,B] -> [T,B,E]
  const tokTB = g.op('Transpose', [tokens], { perm: [1, 0] });
  let X = g.op('Gather', ['embed', tokTB], { axis: 0 });

  const caches: LstmCache[] = [];
  const hns: string[] = [];
  const cns: string[] = [];
  for (let l = 0; l < L; l++) {
    const idx = g.constI64([l], []);
    const hl = g.op('Gather', [h0, idx], { axis: 0 }); // [B,H]
    const cl = g.op('Gather', [c0, idx], { axis: 0 });
    const r = tg.lstmForward(l, X, hl, cl);
    caches.push(r.cache);
    hns.push(g.op('Unsqueeze', [r.hn, tg.axis0]));
    cns.push(g.op('Unsqueeze', [r.cn, tg.axis0]));
    X = r.Y;
  }
  g.output(L === 1 ? hns[0] : g.op('Concat', hns, { axis: 0 }), 'hn', 'float', [L, 'B', H]);
  g.output(L === 1 ? cns[0] : g.op('Concat', cns, { axis: 0 }), 'cn', 'float', [L, 'B', H]);

  // Output projection and weighted cross-entropy over N = T*B positions.
  const Hn = g.op('Reshape', [X, g.constI64([-1, H])]); // [N,H]
  const logits = g.op('Gemm', [Hn, 'out.w', 'out.b'], { transB: 1 }); // [N,V]
  if (opts.withLogits) g.output(logits, 'logits', 'float', ['N', V]); // time-major: row t*B + b
  const logp = g.op('LogSoftmax', [logits], { axis: 1 });
  const tgtN = g.op('Reshape', [g.op('Transpose', [targets], { perm: [1, 0] }), g.constI64([-1, 1])]); // [N,1]
  const wN = g.op('Reshape', [g.op('Transpose', [weights], { perm: [1, 0] }), g.constI64([-1, 1])]); // [N,1]
  const picked = g.op('GatherElements', [logp, tgtN], { axis: 1 }); // [N,1]
  const loss = g.op('Neg', [g.op('ReduceSum', [g.op('Mul', [picked, wN])], { keepdims: 0 })]);
  g.output(loss, 'loss', 'float', []);

  // Backward: dlogits = w * (softmax - onehot)
  const depthOneHot = (idx: string) => g.op('OneHot', [idx, g.constI64([V], []), g.constF([0, 1], [2])], { axis: -1 });
  const onehotT = g.op('Reshape', [depthOneHot(tgtN), g.constI64([-1, V])]); // [N,V]
  const dlogits = g.op('Mul', [g.op('Sub', [g.op('Exp', [logp]), onehotT]), wN]);
  g.output(g.op('Gemm', [dlogits, Hn], { transA: 1 }), gradName('out.w'), 'float', [V, H]);
  g.output(g.op('ReduceSum', [dlogits, tg.axis0], { keepdims: 0 }), gradName('out.b'), 'float', [V]);
  let dY = g.op('Reshape', [g.op('MatMul', [dlogits, 'out.w']), g.op('Shape', [X])]); // [T,B,H]

  for (let l = L - 1; l >= 0; l--) {
    dY = tg.lstmBackward(l, dY, caches[l], l === 0 ? E : H);
  }
  // Embedding backward: scatter-add rows of dX into the token rows, as onehot^T . dX
  const tokN = g.op('Reshape', [tokTB, g.constI64([-1])]);
  const dXN = g.op('Reshape', [dY, g.constI64([-1, E])]);
  g.output(g.op('Gemm', [depthOneHot(tokN), dXN], { transA: 1 }), gradName('embed'), 'float', [V, E]);
  return g.toModel({ opset: 18 });
}
