/**
 * Writing and reading model files for the trainer.
 * - exportModel: contract-§2 file, written atomically (temp file, validated by the
 *   runtime, then renamed), so a failed or cancelled export never leaves a broken file
 *   at the destination and never replaces a good one.
 * - importParams: reads the weights back from a file this trainer wrote, to fine-tune.
 */
import * as fs from 'fs';
import * as path from 'path';
import { onnx } from 'onnx-proto';
import { CharModel } from '../src/runtime/onnxModel';
import { inspectModel, ModelError } from '../src/runtime/validate';
import type { TrainingInfo } from '../src/model/contract';
import { buildInferenceModel, ONNX_GATE } from './graph/inference';
import { Params, Shape } from './params';

export async function exportModel(p: Params, vocab: readonly string[], training: TrainingInfo, out: string): Promise<void> {
  const bytes = buildInferenceModel(p, { vocab, training });
  const tmp = path.join(path.dirname(out), `.${path.basename(out)}.${process.pid}.tmp`);
  try {
    await fs.promises.writeFile(tmp, bytes);
    const m = await CharModel.load(tmp); // validates the contract and runs it once
    await m.release();
    await fs.promises.rename(tmp, out);
  } catch (e) {
    await fs.promises.rm(tmp, { force: true });
    throw e;
  }
}

/** Fails early, before any training, when `out` cannot be written. */
export async function checkWritable(out: string): Promise<void> {
  const dir = path.dirname(path.resolve(out));
  const probe = path.join(dir, `.${path.basename(out)}.${process.pid}.probe`);
  try {
    if (fs.existsSync(out) && fs.statSync(out).isDirectory()) throw new Error('it is a folder');
    await fs.promises.writeFile(probe, '');
    await fs.promises.rm(probe, { force: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? `folder ${dir} does not exist` : code === 'EACCES' || code === 'EROFS' ? 'permission denied' : (e as Error).message;
    throw new ModelError(`cannot write --out ${out}: ${why}`);
  }
}

function floats(t: onnx.ITensorProto): Float32Array {
  if (t.rawData && t.rawData.length) {
    const raw = t.rawData;
    const copy = new Uint8Array(raw.length);
    copy.set(raw);
    return new Float32Array(copy.buffer);
  }
  return Float32Array.from(t.floatData ?? []);
}

export interface Imported {
  params: Params;
  vocab: string[];
  training?: TrainingInfo;
}

/** Reads the weights of a model this trainer exported (names and layout of buildInferenceModel). */
export function importParams(bytes: Uint8Array, label: string): Imported {
  const info = inspectModel(bytes);
  const model = onnx.ModelProto.decode(bytes);
  const inits = new Map((model.graph?.initializer ?? []).map((t) => [t.name ?? '', t]));
  const get = (name: string, size: number): Float32Array => {
    const t = inits.get(name);
    const a = t ? floats(t) : undefined;
    if (!a || a.length !== size) {
      throw new ModelError(`${label}: cannot fine-tune it: its weights are not laid out as this trainer writes them (${name})`);
    }
    return a;
  };
  const V = info.vocab.length;
  const H = info.hidden;
  const L = info.layers;
  const embT = inits.get('embed');
  const E = embT?.dims?.length === 2 ? Number(embT.dims[1]) : 0;
  if (!E) throw new ModelError(`${label}: cannot fine-tune it: no embedding named 'embed'`);
  const shape: Shape = { vocab: V, embed: E, layers: L, hidden: H };
  const p = new Params(shape);
  p.view('embed').set(get('embed', V * E));
  const fromOnnx = (src: Float32Array, dst: Float32Array) => {
    const block = dst.length / 4;
    for (let k = 0; k < 4; k++) dst.set(src.subarray(k * block, (k + 1) * block), ONNX_GATE[k] * block);
  };
  for (let l = 0; l < L; l++) {
    const inDim = l === 0 ? E : H;
    fromOnnx(get(`l${l}.W`, 4 * H * inDim), p.view(`l${l}.wx`));
    fromOnnx(get(`l${l}.R`, 4 * H * H), p.view(`l${l}.wh`));
    const B = get(`l${l}.B`, 8 * H);
    const sum = new Float32Array(4 * H);
    for (let k = 0; k < 4 * H; k++) sum[k] = B[k] + B[4 * H + k];
    fromOnnx(sum, p.view(`l${l}.b`));
  }
  const wT = get('out.wT', H * V);
  const w = p.view('out.w');
  for (let h = 0; h < H; h++) for (let v = 0; v < V; v++) w[v * H + h] = wT[h * V + v];
  p.view('out.b').set(get('out.b', V));
  return { params: p, vocab: info.vocab, training: info.training };
}
