/**
 * Greedy decoding inside one ONNX `Loop`, so that a whole suggestion costs one
 * `session.run` instead of one per character (DESIGN.md section 8: the per-run overhead
 * dominates a 2 x 256 LSTM at batch 1).
 *
 * The decode model wraps ANY contract-§2 model, ours or someone else's: its graph becomes
 * the Loop body unchanged, with `tokens`, `h0` and `c0` fed by Identity nodes. Every name
 * this file adds starts with `__dec_`, so nothing clashes with the model's own names.
 *
 * Batch 1 only (greedy decoding has one row):
 *
 *   inputs   __dec_logits0 [1, V]         logits that predict the first character
 *            __dec_h0, __dec_c0 [L, 1, H]
 *            __dec_steps int64 []         most characters to pick
 *            __dec_stop_margin float [V]  -1 for tokens that end decoding, 1e30 for the others
 *            __dec_min_logp float []      decoding ends after a pick with a lower log-probability,
 *            __dec_min_joint float []     or once the picks' summed log-probability is lower
 *   outputs  __dec_tokens int64 [N, 1, 1], __dec_logp float [N]
 *
 * Each iteration picks argmax, records it and its log-probability, then runs the model on
 * it. The pick that ended the loop (a stop token, or below a threshold) is recorded too,
 * so the caller sees why decoding ended. The per-iteration bookkeeping is kept to a few
 * small nodes: each costs a kernel launch on every character.
 */
import { onnx } from 'onnx-proto';
import { INPUT, OUTPUT } from '../model/contract';

const T = onnx.TensorProto.DataType;
const P = '__dec_';

export const DECODE_IO = {
  logits0: `${P}logits0`,
  h0: `${P}h0`,
  c0: `${P}c0`,
  steps: `${P}steps`,
  stopMargin: `${P}stop_margin`,
  minLogp: `${P}min_logp`,
  minJoint: `${P}min_joint`,
  tokens: `${P}tokens`,
  logp: `${P}logp`,
} as const;

/** The value of __dec_stop_margin for a token that ends decoding, and for any other. */
export const STOP_MARGIN = { stop: -1, go: 1e30 } as const;

function value(name: string, elem: number, dims?: Array<number | string>): onnx.IValueInfoProto {
  const tensorType: onnx.TypeProto.ITensor = { elemType: elem };
  if (dims) tensorType.shape = { dim: dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) };
  return { name, type: { tensorType } };
}

function node(opType: string, input: string[], output: string[], attribute: onnx.IAttributeProto[] = []): onnx.INodeProto {
  return { opType, input, output, attribute, name: `${output[0]}_node` };
}

const intAttr = (name: string, i: number): onnx.IAttributeProto => ({ name, type: onnx.AttributeProto.AttributeType.INT, i });

function num(x: unknown): number {
  if (typeof x === 'number') return x;
  return Number(x as bigint);
}

/** Builds the decode model from the bytes of a contract-§2 model. */
export function buildDecodeLoopModel(modelBytes: Uint8Array): Uint8Array {
  const model = onnx.ModelProto.decode(modelBytes);
  const graph = model.graph;
  if (!graph) throw new Error('the model has no graph');
  const f = T.FLOAT;
  const v = (name: string) => `${P}${name}`;
  const keep0 = [intAttr('keepdims', 0)];

  // Batch 1: every reduction is over all axes, which reads the same in every opset.
  const body: onnx.INodeProto[] = [
    node('ArgMax', [v('logits')], [v('pick')], [intAttr('axis', 1), intAttr('keepdims', 1)]), // [1, 1]
    node('ReduceMax', [v('logits')], [v('max')], keep0), // []
    node('ReduceLogSumExp', [v('logits')], [v('lse')], keep0), // []
    node('Sub', [v('max'), v('lse')], [v('pick_logp')]), // [] log-probability of the pick
    node('Add', [v('sum'), v('pick_logp')], [v('sum_out')]),
    node('Sub', [v('pick_logp'), DECODE_IO.minLogp], [v('margin_char')]),
    node('Sub', [v('sum_out'), DECODE_IO.minJoint], [v('margin_joint')]),
    node('Gather', [DECODE_IO.stopMargin, v('pick')], [v('margin_stop')], [intAttr('axis', 0)]), // [1, 1]
    node('Min', [v('margin_char'), v('margin_joint'), v('margin_stop')], [v('margin')]),
    node('ReduceMin', [v('margin')], [v('margin_min')], keep0),
    node('Greater', [v('margin_min'), v('zero')], [v('cond_out')]),
    node('Identity', [v('pick')], [INPUT.tokens]),
    node('Identity', [v('h')], [INPUT.h0]),
    node('Identity', [v('c')], [INPUT.c0]),
    ...(graph.node ?? []),
    node('Squeeze', [OUTPUT.logits, v('axis1')], [v('logits_out')]), // [1, V]
  ];
  const bodyGraph: onnx.IGraphProto = {
    name: v('body'),
    node: body,
    initializer: [
      ...(graph.initializer ?? []),
      { name: v('zero'), dims: [], dataType: f, floatData: [0] },
      { name: v('axis1'), dims: [1], dataType: T.INT64, int64Data: [1] },
    ],
    input: [value(v('iter'), T.INT64, []), value(v('cond'), T.BOOL, []), value(v('logits'), f), value(v('h'), f), value(v('c'), f), value(v('sum'), f, [])],
    output: [
      value(v('cond_out'), T.BOOL, []),
      value(v('logits_out'), f),
      value(OUTPUT.hn, f),
      value(OUTPUT.cn, f),
      value(v('sum_out'), f, []),
      value(v('pick'), T.INT64),
      value(v('pick_logp'), f, []),
    ],
    valueInfo: graph.valueInfo ?? [],
  };

  const loop = node(
    'Loop',
    [DECODE_IO.steps, v('true'), DECODE_IO.logits0, DECODE_IO.h0, DECODE_IO.c0, v('sum0')],
    [v('logits_last'), v('h_last'), v('c_last'), v('sum_last'), DECODE_IO.tokens, DECODE_IO.logp],
    [{ name: 'body', type: onnx.AttributeProto.AttributeType.GRAPH, g: bodyGraph }],
  );
  const outer: onnx.IGraphProto = {
    name: v('greedy_loop'),
    node: [loop],
    initializer: [
      { name: v('true'), dims: [], dataType: T.BOOL, int32Data: [1] },
      { name: v('sum0'), dims: [], dataType: f, floatData: [0] },
    ],
    input: [
      value(DECODE_IO.logits0, f, [1, 'vocab']),
      value(DECODE_IO.h0, f, ['layers', 1, 'hidden']),
      value(DECODE_IO.c0, f, ['layers', 1, 'hidden']),
      value(DECODE_IO.steps, T.INT64, []),
      value(DECODE_IO.stopMargin, f, ['vocab']),
      value(DECODE_IO.minLogp, f, []),
      value(DECODE_IO.minJoint, f, []),
    ],
    output: [value(DECODE_IO.tokens, T.INT64, ['n', 1, 1]), value(DECODE_IO.logp, f, ['n'])],
  };
  const opset = Math.max(14, ...(model.opsetImport ?? []).filter((o) => !o.domain || o.domain === 'ai.onnx').map((o) => num(o.version)));
  return onnx.ModelProto.encode(
    onnx.ModelProto.create({
      irVersion: model.irVersion ?? 8,
      opsetImport: [...(model.opsetImport ?? []).filter((o) => o.domain && o.domain !== 'ai.onnx'), { domain: '', version: opset }],
      producerName: 'char-lstm-complete decode loop',
      graph: outer,
    }),
  ).finish();
}
