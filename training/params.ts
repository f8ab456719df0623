/**
 * One flat parameter buffer with named views (llm.c style).
 *
 * Legend: V vocab, E embedding, H hidden, L layers, In = E for layer 0 and H above.
 * Gate order inside every 4H block is ours: i, f, g, o (input, forget, cell, output),
 * as in PyTorch. The ONNX LSTM operator wants i, o, f, c; the export reorders.
 *
 *   embed        [V, E]
 *   l{k}.wx      [4H, In]   input-to-gates
 *   l{k}.wh      [4H, H]    hidden-to-gates
 *   l{k}.b       [4H]       gate bias
 *   out.w        [V, H]     output projection
 *   out.b        [V]
 */
import { mulberry32 } from '../src/engine/random';

/** Re-exported: the PRNG lives in src/engine/random.ts so that the runtime can sample with it too. */
export { mulberry32 };

export interface Shape {
  vocab: number;
  embed: number;
  layers: number;
  hidden: number;
}

export interface ParamSpec {
  name: string;
  dims: number[];
  offset: number;
  size: number;
}

export function paramSpecs(s: Shape): ParamSpec[] {
  const list: Array<[string, number[]]> = [['embed', [s.vocab, s.embed]]];
  for (let l = 0; l < s.layers; l++) {
    const inDim = l === 0 ? s.embed : s.hidden;
    list.push([`l${l}.wx`, [4 * s.hidden, inDim]]);
    list.push([`l${l}.wh`, [4 * s.hidden, s.hidden]]);
    list.push([`l${l}.b`, [4 * s.hidden]]);
  }
  list.push(['out.w', [s.vocab, s.hidden]]);
  list.push(['out.b', [s.vocab]]);
  let offset = 0;
  return list.map(([name, dims]) => {
    const size = dims.reduce((a, b) => a * b, 1);
    const spec = { name, dims, offset, size };
    offset += size;
    return spec;
  });
}

export class Params {
  readonly specs: ParamSpec[];
  readonly flat: Float32Array;
  private readonly byName = new Map<string, ParamSpec>();

  constructor(readonly shape: Shape, flat?: Float32Array) {
    this.specs = paramSpecs(shape);
    const total = this.specs.reduce((a, s) => a + s.size, 0);
    if (flat && flat.length !== total) throw new Error(`expected ${total} parameters, got ${flat.length}`);
    this.flat = flat ?? new Float32Array(total);
    for (const s of this.specs) this.byName.set(s.name, s);
  }

  get count(): number {
    return this.flat.length;
  }

  spec(name: string): ParamSpec {
    const s = this.byName.get(name);
    if (!s) throw new Error(`no parameter named ${name}`);
    return s;
  }

  /** A view (not a copy) of one named tensor. */
  view(name: string): Float32Array {
    const s = this.spec(name);
    return this.flat.subarray(s.offset, s.offset + s.size);
  }

  clone(): Params {
    return new Params(this.shape, this.flat.slice());
  }
}

/**
 * Standard initialisation: uniform(-1/sqrt(H), 1/sqrt(H)) for the LSTM (as PyTorch),
 * N(0,1)-ish scaled embedding, forget-gate bias 1, small output projection.
 */
export function initParams(shape: Shape, seed: number): Params {
  const p = new Params(shape);
  const rnd = mulberry32(seed);
  const uni = (a: Float32Array, bound: number) => {
    for (let k = 0; k < a.length; k++) a[k] = (rnd() * 2 - 1) * bound;
  };
  uni(p.view('embed'), Math.sqrt(3) * 0.5);
  const k = 1 / Math.sqrt(shape.hidden);
  for (let l = 0; l < shape.layers; l++) {
    uni(p.view(`l${l}.wx`), k);
    uni(p.view(`l${l}.wh`), k);
    const b = p.view(`l${l}.b`);
    uni(b, k);
    b.fill(1, shape.hidden, 2 * shape.hidden); // forget gate
  }
  uni(p.view('out.w'), k);
  p.view('out.b').fill(0);
  return p;
}

/**
 * Widens every LSTM layer from `p.shape.hidden` to `hidden` units without changing what the
 * model computes: the old units keep their weights and get zero weights from the new units
 * (recurrent, from the layer below, and in the output head), so the logits are exactly
 * the old ones. The new units get the standard random incoming weights (forget-gate bias 1)
 * and learn through their output weights, which start at zero. Used by `train --from M
 * --hidden H` to grow a trained model instead of starting a larger one from scratch.
 */
export function widenParams(p: Params, hidden: number, seed: number): Params {
  const s = p.shape;
  const H = s.hidden;
  if (hidden < H) throw new Error(`cannot narrow ${H} hidden units to ${hidden}`);
  const shape: Shape = { ...s, hidden };
  const fresh = initParams(shape, seed); // random values for the new units' incoming weights
  const q = new Params(shape);
  q.view('embed').set(p.view('embed'));
  q.view('out.b').set(p.view('out.b'));
  // Output head [V, H']: old columns copied, new columns zero.
  const ow = p.view('out.w');
  const qw = q.view('out.w');
  for (let v = 0; v < s.vocab; v++) qw.set(ow.subarray(v * H, (v + 1) * H), v * hidden);
  for (let l = 0; l < s.layers; l++) {
    const inOld = l === 0 ? s.embed : H;
    const inNew = l === 0 ? s.embed : hidden;
    for (const [name, colsOld, colsNew] of [['wx', inOld, inNew], ['wh', H, hidden]] as const) {
      const src = p.view(`l${l}.${name}`);
      const rnd = fresh.view(`l${l}.${name}`);
      const dst = q.view(`l${l}.${name}`);
      for (let g = 0; g < 4; g++) {
        for (let j = 0; j < hidden; j++) {
          const row = (g * hidden + j) * colsNew;
          if (j < H) {
            // Old unit: its old inputs as before, nothing from the new units.
            dst.set(src.subarray((g * H + j) * colsOld, (g * H + j + 1) * colsOld), row);
          } else {
            dst.set(rnd.subarray(row, row + colsNew), row);
          }
        }
      }
    }
    const b = p.view(`l${l}.b`);
    const rb = fresh.view(`l${l}.b`);
    const qb = q.view(`l${l}.b`);
    for (let g = 0; g < 4; g++) {
      for (let j = 0; j < hidden; j++) qb[g * hidden + j] = j < H ? b[g * H + j] : rb[g * hidden + j];
    }
  }
  return q;
}
