/**
 * Reads a model file's header with the ONNX protobuf schema and checks it against the
 * model file contract (DESIGN.md section 2). Every failure is a ModelError whose message
 * names what is wrong; callers show it as one line.
 */
import { onnx } from 'onnx-proto';
import { FORMAT_VERSION, INPUT, META, MIN_OPSET, OUTPUT, TrainingInfo } from '../model/contract';
import { vocabProblem } from '../model/vocab';

export class ModelError extends Error {
  override name = 'ModelError';
}

export interface ModelInfo {
  vocab: string[];
  layers: number;
  hidden: number;
  opset: number;
  training?: TrainingInfo;
  producer: string;
}

const T = onnx.TensorProto.DataType;
const TYPE_NAME: Record<number, string> = { [T.FLOAT]: 'float32', [T.INT64]: 'int64', [T.INT32]: 'int32', [T.DOUBLE]: 'float64' };

function num(x: unknown): number {
  if (typeof x === 'number') return x;
  if (x && typeof (x as { toNumber?: () => number }).toNumber === 'function') return (x as { toNumber(): number }).toNumber();
  return Number(x);
}

function dimsOf(v: onnx.IValueInfoProto): Array<number | string | undefined> | undefined {
  const dims = v.type?.tensorType?.shape?.dim;
  if (!dims) return undefined;
  return dims.map((d) => (d.dimValue !== undefined && d.dimValue !== null && num(d.dimValue) > 0 ? num(d.dimValue) : d.dimParam ?? undefined));
}

function checkValue(
  where: 'input' | 'output',
  list: onnx.IValueInfoProto[],
  name: string,
  elem: number,
  rank: number,
  fixed: Record<number, number>,
): void {
  const v = list.find((x) => x.name === name);
  if (!v) {
    const have = list.map((x) => x.name).join(', ') || 'none';
    throw new ModelError(`the model has no ${where} named '${name}' (it has: ${have})`);
  }
  const et = v.type?.tensorType?.elemType;
  if (et !== undefined && et !== null && et !== elem) {
    throw new ModelError(`${where} '${name}' is ${TYPE_NAME[et] ?? `type ${et}`}, the contract needs ${TYPE_NAME[elem]}`);
  }
  const dims = dimsOf(v);
  if (dims) {
    if (dims.length !== rank) throw new ModelError(`${where} '${name}' has rank ${dims.length}, the contract needs ${rank}`);
    for (const [axis, want] of Object.entries(fixed)) {
      const got = dims[Number(axis)];
      if (typeof got === 'number' && got !== want) {
        throw new ModelError(`${where} '${name}' has size ${got} on axis ${axis}, but the metadata says ${want}`);
      }
    }
  }
}

function positiveInt(meta: Map<string, string>, key: string): number {
  const s = meta.get(key);
  if (s === undefined) throw new ModelError(`metadata '${key}' is missing`);
  if (!/^\d+$/.test(s.trim()) || Number(s) <= 0) throw new ModelError(`metadata '${key}' is '${s}', not a positive whole number`);
  return Number(s);
}

/** Parses and checks a model file's bytes. Throws ModelError. */
export function inspectModel(bytes: Uint8Array): ModelInfo {
  let model: onnx.ModelProto;
  try {
    model = onnx.ModelProto.decode(bytes);
  } catch (e) {
    throw new ModelError(`not an ONNX model (${(e as Error).message.split('\n')[0]})`);
  }
  const graph = model.graph;
  if (!graph || (graph.node ?? []).length === 0) throw new ModelError('not an ONNX model (no graph inside)');
  const opsets = (model.opsetImport ?? []).filter((o) => !o.domain || o.domain === 'ai.onnx');
  const opset = opsets.length ? Math.max(...opsets.map((o) => num(o.version))) : 0;
  if (opset < MIN_OPSET) throw new ModelError(`opset ${opset} is too old; the contract needs opset ${MIN_OPSET} or newer`);

  const meta = new Map((model.metadataProps ?? []).map((p) => [p.key ?? '', p.value ?? '']));
  const format = meta.get(META.format);
  if (format === undefined) throw new ModelError(`metadata '${META.format}' is missing: this is not a Char LSTM model`);
  if (format !== FORMAT_VERSION) throw new ModelError(`model format '${format}' is not supported (this version reads format ${FORMAT_VERSION})`);
  const vocabText = meta.get(META.vocab);
  if (vocabText === undefined) throw new ModelError(`metadata '${META.vocab}' is missing`);
  let vocab: unknown;
  try {
    vocab = JSON.parse(vocabText);
  } catch {
    throw new ModelError(`metadata '${META.vocab}' is not valid JSON`);
  }
  const vp = vocabProblem(vocab);
  if (vp) throw new ModelError(`metadata '${META.vocab}' ${vp}`);
  const layers = positiveInt(meta, META.layers);
  const hidden = positiveInt(meta, META.hidden);
  let training: TrainingInfo | undefined;
  const tr = meta.get(META.training);
  if (tr !== undefined) {
    try {
      const parsed = JSON.parse(tr);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) training = parsed as TrainingInfo;
    } catch {
      /* optional and informative only: ignore a malformed value */
    }
  }
  const V = (vocab as string[]).length;
  const inits = new Set((graph.initializer ?? []).map((t) => t.name));
  const inputs = (graph.input ?? []).filter((i) => !inits.has(i.name));
  checkValue('input', inputs, INPUT.tokens, T.INT64, 2, {});
  checkValue('input', inputs, INPUT.h0, T.FLOAT, 3, { 0: layers, 2: hidden });
  checkValue('input', inputs, INPUT.c0, T.FLOAT, 3, { 0: layers, 2: hidden });
  const outputs = graph.output ?? [];
  checkValue('output', outputs, OUTPUT.logits, T.FLOAT, 3, { 2: V });
  checkValue('output', outputs, OUTPUT.hn, T.FLOAT, 3, { 0: layers, 2: hidden });
  checkValue('output', outputs, OUTPUT.cn, T.FLOAT, 3, { 0: layers, 2: hidden });
  return { vocab: vocab as string[], layers, hidden, opset, training, producer: model.producerName ?? '' };
}
