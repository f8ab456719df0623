/**
 * The inference graph of the model file contract (DESIGN.md section 2):
 *   tokens int64 [B, T], h0 / c0 float [L, B, H]  ->  logits [B, T, V], hn / cn [L, B, H]
 * built from a flat parameter set (training/params.ts) with ONNX `LSTM` operators.
 */
import { GraphBuilder, DEFAULT_OPSET } from './builder';
import { Params } from '../params';
import { FORMAT_VERSION, INPUT, META, OUTPUT, TrainingInfo } from '../../src/model/contract';

/** Our gate blocks are i, f, g, o; ONNX LSTM stores i, o, f, c. ONNX block k = our block ONNX_GATE[k]. */
export const ONNX_GATE = [0, 3, 1, 2];

/** Reorders the 4 gate blocks of a [4H, cols] matrix (or [4H] vector) into ONNX order. */
export function toOnnxGates(src: Float32Array, hidden: number): Float32Array {
  const block = src.length / 4;
  if (block !== hidden * (src.length / (4 * hidden))) throw new Error('gate matrix size mismatch');
  const dst = new Float32Array(src.length);
  for (let k = 0; k < 4; k++) {
    dst.set(src.subarray(ONNX_GATE[k] * block, (ONNX_GATE[k] + 1) * block), k * block);
  }
  return dst;
}

function transpose(src: Float32Array, rows: number, cols: number): Float32Array {
  const dst = new Float32Array(src.length);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) dst[c * rows + r] = src[r * cols + c];
  return dst;
}

export interface ExportMeta {
  vocab: readonly string[];
  training?: TrainingInfo;
}

export function buildInferenceModel(p: Params, meta: ExportMeta, opset = DEFAULT_OPSET): Uint8Array {
  const { vocab: V, embed: E, layers: L, hidden: H } = p.shape;
  if (meta.vocab.length !== V) throw new Error(`vocabulary has ${meta.vocab.length} entries but the model has ${V}`);
  const g = new GraphBuilder('char_lstm');
  const tokens = g.input(INPUT.tokens, 'int64', ['batch', 'time']);
  const h0 = g.input(INPUT.h0, 'float', [L, 'batch', H]);
  const c0 = g.input(INPUT.c0, 'float', [L, 'batch', H]);

  const embed = g.initializer('embed', p.view('embed').slice(), [V, E]);
  const x = g.op('Gather', [embed, tokens], { axis: 0 }); // [B, T, E]
  let seq = g.op('Transpose', [x], { perm: [1, 0, 2] }); // [T, B, E]
  const hs: string[] = [];
  const cs: string[] = [];
  const axis0 = g.constI64([0]);
  const axis1 = g.constI64([1]);
  for (let l = 0; l < L; l++) {
    const inDim = l === 0 ? E : H;
    const W = g.initializer(`l${l}.W`, toOnnxGates(p.view(`l${l}.wx`), H), [1, 4 * H, inDim]);
    const R = g.initializer(`l${l}.R`, toOnnxGates(p.view(`l${l}.wh`), H), [1, 4 * H, H]);
    const bias = new Float32Array(8 * H);
    bias.set(toOnnxGates(p.view(`l${l}.b`), H), 0); // Wb; Rb stays zero
    const B = g.initializer(`l${l}.B`, bias, [1, 8 * H]);
    const start = g.constI64([l]);
    const end = g.constI64([l + 1]);
    const hInit = g.op('Slice', [h0, start, end, axis0]); // [1, B, H]
    const cInit = g.op('Slice', [c0, start, end, axis0]);
    const [Y, Yh, Yc] = g.opN('LSTM', [seq, W, R, B, '', hInit, cInit], 3, { hidden_size: H });
    seq = g.op('Squeeze', [Y, axis1]); // [T, B, H]
    hs.push(Yh);
    cs.push(Yc);
  }
  const hBT = g.op('Transpose', [seq], { perm: [1, 0, 2] }); // [B, T, H]
  const outW = g.initializer('out.wT', transpose(p.view('out.w'), V, H), [H, V]);
  const outB = g.initializer('out.b', p.view('out.b').slice(), [V]);
  const logits = g.op('Add', [g.op('MatMul', [hBT, outW]), outB]);
  g.output(logits, OUTPUT.logits, 'float', ['batch', 'time', V]);
  g.output(L === 1 ? hs[0] : g.op('Concat', hs, { axis: 0 }), OUTPUT.hn, 'float', [L, 'batch', H]);
  g.output(L === 1 ? cs[0] : g.op('Concat', cs, { axis: 0 }), OUTPUT.cn, 'float', [L, 'batch', H]);

  const metadata: Record<string, string> = {
    [META.format]: FORMAT_VERSION,
    [META.vocab]: JSON.stringify(meta.vocab),
    [META.layers]: String(L),
    [META.hidden]: String(H),
  };
  if (meta.training) metadata[META.training] = JSON.stringify(meta.training);
  return g.toModel({ opset, metadata });
}
