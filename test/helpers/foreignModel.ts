/**
 * "A contract-following model written by someone else": a model built differently from
 * ours in every way the contract allows, and an independent float64 reader for it.
 *
 * Differences from training/graph/inference.ts: its own 40-entry vocabulary in its own
 * order with entry 0 "<unk>"; embedding by OneHot + MatMul instead of Gather; weights
 * kept in ONNX gate order (i, o, f, c) with both Wb and Rb set; the state sliced with
 * Gather + Unsqueeze; LSTM activations spelled out; output layer by Reshape + Gemm
 * (transB) + Reshape; inputs and outputs declared in another order with other dim names;
 * opset 14, IR 7, another producer, and metadata the contract does not mention.
 */
import { GraphBuilder } from '../../training/graph/builder';
import { mulberry32 } from '../../src/engine/random';

const CHARS = ' \netaoinsrhldcu(){};=.,"_01:\tmfpgwybx\'#';

export interface ForeignModel {
  vocab: string[];
  layers: number;
  hidden: number;
  embed: number;
  /** [V, E] */
  emb: Float32Array;
  /** Per layer, ONNX gate order i, o, f, c: W [4H, In], R [4H, H], Wb [4H], Rb [4H]. */
  W: Float32Array[];
  R: Float32Array[];
  Wb: Float32Array[];
  Rb: Float32Array[];
  /** [V, H] and [V] */
  outW: Float32Array;
  outB: Float32Array;
  bytes: Uint8Array;
}

function shuffled(chars: string[], rnd: () => number): string[] {
  const a = [...chars];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

export function buildForeignModel(seed: number, layers = 2, hidden = 12, embed = 6): ForeignModel {
  const rnd = mulberry32(seed);
  const vocab = ['<unk>', ...shuffled([...CHARS], rnd)];
  if (vocab.length !== 40 || new Set(vocab).size !== 40) throw new Error('foreign vocabulary must have 40 distinct entries');
  const V = vocab.length;
  const H = hidden;
  const uni = (n: number, bound: number) => Float32Array.from({ length: n }, () => (rnd() * 2 - 1) * bound);
  const m: Omit<ForeignModel, 'bytes'> = {
    vocab, layers, hidden, embed,
    emb: uni(V * embed, 1.5),
    W: [], R: [], Wb: [], Rb: [],
    outW: uni(V * H, 1.2),
    outB: uni(V, 0.5),
  };
  for (let l = 0; l < layers; l++) {
    const inDim = l === 0 ? embed : H;
    m.W.push(uni(4 * H * inDim, 0.9));
    m.R.push(uni(4 * H * H, 0.9));
    m.Wb.push(uni(4 * H, 0.6));
    m.Rb.push(uni(4 * H, 0.6));
  }

  const g = new GraphBuilder('someone_elses_lstm');
  const c0 = g.input('c0', 'float', [layers, 'N', H]);
  const tokens = g.input('tokens', 'int64', ['N', 'S']);
  const h0 = g.input('h0', 'float', [layers, 'N', H]);
  const depth = g.initializer('depth', BigInt64Array.from([BigInt(V)]), []);
  const onOff = g.constF([0, 1]);
  const oneHot = g.op('OneHot', [tokens, depth, onOff], { axis: -1 }); // [N, S, V]
  const x = g.op('MatMul', [oneHot, g.initializer('embedding', m.emb, [V, embed])]); // [N, S, E]
  let seq = g.op('Transpose', [x], { perm: [1, 0, 2] }); // [S, N, E]
  const axes0 = g.constI64([0]);
  const hs: string[] = [];
  const cs: string[] = [];
  for (let l = 0; l < layers; l++) {
    const inDim = l === 0 ? embed : H;
    const idx = g.initializer(g.fresh('layer'), BigInt64Array.from([BigInt(l)]), []);
    const hInit = g.op('Unsqueeze', [g.op('Gather', [h0, idx], { axis: 0 }), axes0]); // [1, N, H]
    const cInit = g.op('Unsqueeze', [g.op('Gather', [c0, idx], { axis: 0 }), axes0]);
    const bias = new Float32Array(8 * H);
    bias.set(m.Wb[l], 0);
    bias.set(m.Rb[l], 4 * H);
    const [Y, Yh, Yc] = g.opN(
      'LSTM',
      [seq, g.initializer(`rnn${l}_W`, m.W[l], [1, 4 * H, inDim]), g.initializer(`rnn${l}_R`, m.R[l], [1, 4 * H, H]),
        g.initializer(`rnn${l}_B`, bias, [1, 8 * H]), '', hInit, cInit],
      3,
      { hidden_size: H, direction: 'forward', activations: ['Sigmoid', 'Tanh', 'Tanh'] },
    );
    seq = g.op('Squeeze', [Y, g.constI64([1])]); // [S, N, H]
    hs.push(Yh);
    cs.push(Yc);
  }
  const flat = g.op('Reshape', [g.op('Transpose', [seq], { perm: [1, 0, 2] }), g.constI64([-1, H])]); // [N*S, H]
  const proj = g.op('Gemm', [flat, g.initializer('head_w', m.outW, [V, H]), g.initializer('head_b', m.outB, [V])], { transB: 1 });
  const outShape = g.op('Concat', [g.op('Shape', [tokens]), g.constI64([V])], { axis: 0 });
  g.output(g.op('Concat', hs, { axis: 0 }), 'hn', 'float', [layers, 'N', H]);
  g.output(g.op('Concat', cs, { axis: 0 }), 'cn', 'float', [layers, 'N', H]);
  g.output(g.op('Reshape', [proj, outShape]), 'logits', 'float', ['N', 'S', V]);
  const bytes = g.toModel({
    opset: 14,
    irVersion: 7,
    producer: 'someone-elses-exporter',
    docString: 'A character LSTM exported by another tool.',
    metadata: {
      'char_lstm.vocab': JSON.stringify(vocab),
      author: 'someone else',
      'char_lstm.hidden': String(H),
      'char_lstm.layers': String(layers),
      'char_lstm.format': '1',
      'char_lstm.training': JSON.stringify({ framework: 'elsewhere', epochs: 3 }),
      'other.tool.setting': 'unused',
    },
  });
  return { ...m, bytes };
}

/** Float64 scores of one text, read straight from the contract: start token, then every character. */
export function foreignReference(m: ForeignModel, text: string): { bits: number; chars: number; correct: number } {
  const H = m.hidden;
  const V = m.vocab.length;
  const tokenOf = (ch: string) => Math.max(0, m.vocab.indexOf(ch, 1));
  const toks = [tokenOf('\n'), ...[...text.split('\r\n').join('\n')].map(tokenOf)];
  const sig = (z: number) => 1 / (1 + Math.exp(-z));
  const h = Array.from({ length: m.layers }, () => new Float64Array(H));
  const c = Array.from({ length: m.layers }, () => new Float64Array(H));
  let bits = 0;
  let correct = 0;
  for (let t = 0; t + 1 < toks.length; t++) {
    let x: ArrayLike<number> = m.emb.subarray(toks[t] * m.embed, (toks[t] + 1) * m.embed);
    for (let l = 0; l < m.layers; l++) {
      const inDim = x.length;
      const z = new Float64Array(4 * H);
      for (let r = 0; r < 4 * H; r++) {
        let s = m.Wb[l][r] + m.Rb[l][r];
        for (let k = 0; k < inDim; k++) s += m.W[l][r * inDim + k] * x[k];
        for (let k = 0; k < H; k++) s += m.R[l][r * H + k] * h[l][k];
        z[r] = s;
      }
      for (let j = 0; j < H; j++) {
        const i = sig(z[j]);
        const o = sig(z[H + j]);
        const f = sig(z[2 * H + j]);
        const cand = Math.tanh(z[3 * H + j]);
        c[l][j] = f * c[l][j] + i * cand;
        h[l][j] = o * Math.tanh(c[l][j]);
      }
      x = h[l];
    }
    const logits = new Float64Array(V);
    for (let v = 0; v < V; v++) {
      let s = m.outB[v];
      for (let k = 0; k < H; k++) s += m.outW[v * H + k] * x[k];
      logits[v] = s;
    }
    const max = Math.max(...logits);
    const lse = max + Math.log(logits.reduce((a, b) => a + Math.exp(b - max), 0));
    const target = toks[t + 1];
    bits += (lse - logits[target]) / Math.LN2;
    if (logits.indexOf(max) === target) correct++;
  }
  return { bits, chars: toks.length - 1, correct };
}
