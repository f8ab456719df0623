/**
 * A small, readable ONNX graph builder.
 *
 *   const g = new GraphBuilder('lstm');
 *   const x = g.input('x', 'float', ['B', 4]);
 *   const y = g.op('Relu', [x]);
 *   g.output(y, 'y', 'float', ['B', 4]);
 *   const bytes = g.toModel({ opset: 17 });
 *
 * Nodes get unique output names automatically; `op` returns the first output and
 * `opN` returns several. Subgraphs (for Scan / Loop / If) are builders of their own
 * passed as attributes with `graphAttr`.
 */
import { onnx } from 'onnx-proto';

export type ElemType = 'float' | 'int64' | 'int32' | 'bool';
export type Dim = number | string;

const DATA_TYPE: Record<ElemType, number> = {
  float: onnx.TensorProto.DataType.FLOAT,
  int64: onnx.TensorProto.DataType.INT64,
  int32: onnx.TensorProto.DataType.INT32,
  bool: onnx.TensorProto.DataType.BOOL,
};

/** Attribute values. Plain numbers are INT when integral, FLOAT otherwise; use `floatAttr` to force FLOAT. */
export type AttrValue =
  | number
  | string
  | number[]
  | string[]
  | FloatAttr
  | FloatsAttr
  | GraphAttr;

export class FloatAttr { constructor(readonly value: number) {} }
export class FloatsAttr { constructor(readonly value: number[]) {} }
export class GraphAttr { constructor(readonly graph: GraphBuilder) {} }
export const floatAttr = (v: number) => new FloatAttr(v);
export const floatsAttr = (v: number[]) => new FloatsAttr(v);
export const graphAttr = (g: GraphBuilder) => new GraphAttr(g);

export interface ModelOptions {
  opset?: number;
  irVersion?: number;
  producer?: string;
  metadata?: Record<string, string>;
  docString?: string;
}

export const DEFAULT_OPSET = 17;

function valueInfo(name: string, elem: ElemType, shape: Dim[] | undefined): onnx.IValueInfoProto {
  const tensorType: onnx.TypeProto.ITensor = { elemType: DATA_TYPE[elem] };
  if (shape) {
    tensorType.shape = {
      dim: shape.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })),
    };
  }
  return { name, type: { tensorType } };
}

function attribute(name: string, v: AttrValue): onnx.IAttributeProto {
  const T = onnx.AttributeProto.AttributeType;
  if (v instanceof FloatAttr) return { name, type: T.FLOAT, f: v.value };
  if (v instanceof FloatsAttr) return { name, type: T.FLOATS, floats: v.value };
  if (v instanceof GraphAttr) return { name, type: T.GRAPH, g: v.graph.toGraph() };
  if (typeof v === 'string') return { name, type: T.STRING, s: Buffer.from(v, 'utf8') };
  if (typeof v === 'number') {
    return Number.isInteger(v) ? { name, type: T.INT, i: v } : { name, type: T.FLOAT, f: v };
  }
  if (v.length > 0 && typeof v[0] === 'string') {
    return { name, type: T.STRINGS, strings: (v as string[]).map((s) => Buffer.from(s, 'utf8')) };
  }
  return { name, type: T.INTS, ints: v as number[] };
}

export function tensorProto(
  name: string,
  data: Float32Array | BigInt64Array | Int32Array,
  dims: number[],
): onnx.ITensorProto {
  const count = dims.reduce((a, b) => a * b, 1);
  if (count !== data.length) {
    throw new Error(`tensor ${name}: dims [${dims}] hold ${count} values but data has ${data.length}`);
  }
  const elem: ElemType =
    data instanceof Float32Array ? 'float' : data instanceof BigInt64Array ? 'int64' : 'int32';
  // raw_data is little-endian; this machine (and every onnxruntime target) is little-endian.
  const raw = new Uint8Array(data.buffer, data.byteOffset, data.byteLength).slice();
  return { name, dims, dataType: DATA_TYPE[elem], rawData: raw };
}

export class GraphBuilder {
  private readonly nodes: onnx.INodeProto[] = [];
  private readonly inputs: onnx.IValueInfoProto[] = [];
  private readonly outputs: onnx.IValueInfoProto[] = [];
  private readonly initializers: onnx.ITensorProto[] = [];
  private counter = 0;

  constructor(readonly name: string, private readonly prefix = '') {}

  /** A fresh, unique value name. */
  fresh(hint: string): string {
    return `${this.prefix}${hint}_${this.counter++}`;
  }

  input(name: string, elem: ElemType, shape?: Dim[]): string {
    this.inputs.push(valueInfo(name, elem, shape));
    return name;
  }

  /** Marks `value` as a graph output named `name` (adds an Identity when the names differ). */
  output(value: string, name: string, elem: ElemType, shape?: Dim[]): string {
    if (value !== name) this.nodes.push({ opType: 'Identity', input: [value], output: [name], name: `out_${name}` });
    this.outputs.push(valueInfo(name, elem, shape));
    return name;
  }

  initializer(name: string, data: Float32Array | BigInt64Array | Int32Array, dims: number[]): string {
    this.initializers.push(tensorProto(name, data, dims));
    return name;
  }

  /** A float constant, stored as an initializer. */
  constF(values: number[] | Float32Array, dims: number[] = [values.length], hint = 'cf'): string {
    return this.initializer(this.fresh(hint), Float32Array.from(values), dims);
  }

  /** An int64 constant (shapes, axes, indices). */
  constI64(values: number[], dims: number[] = [values.length], hint = 'ci'): string {
    return this.initializer(this.fresh(hint), BigInt64Array.from(values.map((v) => BigInt(v))), dims);
  }

  /** Adds a node with one output and returns that output's name. */
  op(opType: string, inputs: string[], attrs: Record<string, AttrValue> = {}, outName?: string): string {
    return this.opN(opType, inputs, 1, attrs, outName ? [outName] : undefined)[0];
  }

  /** Adds a node with `nOut` outputs. An input of '' means "optional input left out". */
  opN(
    opType: string,
    inputs: string[],
    nOut: number,
    attrs: Record<string, AttrValue> = {},
    outNames?: string[],
  ): string[] {
    const id = this.counter++;
    const outs = outNames ?? Array.from({ length: nOut }, (_, k) => `${this.prefix}${opType}_${id}_${k}`);
    this.nodes.push({
      opType,
      name: `${this.prefix}${opType}_${id}`,
      input: inputs,
      output: outs,
      attribute: Object.entries(attrs).map(([k, v]) => attribute(k, v)),
    });
    return outs;
  }

  get nodeCount(): number {
    return this.nodes.length;
  }

  toGraph(): onnx.IGraphProto {
    return {
      name: this.name,
      node: this.nodes,
      input: this.inputs,
      output: this.outputs,
      initializer: this.initializers,
    };
  }

  toModel(opts: ModelOptions = {}): Uint8Array {
    const model = onnx.ModelProto.create({
      irVersion: opts.irVersion ?? 8,
      opsetImport: [{ domain: '', version: opts.opset ?? DEFAULT_OPSET }],
      producerName: opts.producer ?? 'char-lstm-complete',
      producerVersion: '1',
      docString: opts.docString ?? '',
      graph: this.toGraph(),
      metadataProps: Object.entries(opts.metadata ?? {}).map(([key, value]) => ({ key, value })),
    });
    return onnx.ModelProto.encode(model).finish();
  }
}
