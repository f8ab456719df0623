/**
 * onnxruntime-node wrapper: load a model file, validate it against the contract, run
 * [batch, time] chunks of tokens with an LSTM state, release.
 */
import * as fs from 'fs';
import * as ort from 'onnxruntime-node';
import { INPUT, OUTPUT } from '../model/contract';
import { Vocab } from '../model/vocab';
import { inspectModel, ModelError, ModelInfo } from './validate';

export { ModelError } from './validate';
export type { ModelInfo } from './validate';

/** LSTM state for a batch: h and c, each [L, B, H]. */
export interface LstmState {
  batch: number;
  h: Float32Array;
  c: Float32Array;
}

export interface RunResult {
  /** [B, T, V] */
  logits: Float32Array;
  state: LstmState;
}

export interface LoadOptions {
  /** onnxruntime intra-op threads. 1 is usually fastest for single-prompt inference. */
  threads?: number;
}

export class CharModel {
  readonly vocab: Vocab;

  private constructor(
    private readonly session: ort.InferenceSession,
    readonly info: ModelInfo,
    readonly path: string,
    readonly bytes: number,
  ) {
    this.vocab = new Vocab(info.vocab);
  }

  get layers(): number {
    return this.info.layers;
  }
  get hidden(): number {
    return this.info.hidden;
  }

  /** Loads and validates a model file. Throws ModelError with a one-line reason. */
  static async load(file: string, opts: LoadOptions = {}): Promise<CharModel> {
    let bytes: Uint8Array;
    try {
      bytes = await fs.promises.readFile(file);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (e as Error).message;
      throw new ModelError(`cannot read model file ${file}: ${why}`);
    }
    return CharModel.fromBytes(bytes, file, opts);
  }

  static async fromBytes(bytes: Uint8Array, label: string, opts: LoadOptions = {}): Promise<CharModel> {
    let info: ModelInfo;
    try {
      info = inspectModel(bytes);
    } catch (e) {
      if (e instanceof ModelError) throw new ModelError(`${label}: ${e.message}`);
      throw e;
    }
    let session: ort.InferenceSession;
    try {
      session = await ort.InferenceSession.create(bytes, {
        intraOpNumThreads: opts.threads ?? 1,
        interOpNumThreads: 1,
        graphOptimizationLevel: 'all',
        executionMode: 'sequential',
      });
    } catch (e) {
      throw new ModelError(`${label}: onnxruntime cannot load it (${firstLine(e)})`);
    }
    const model = new CharModel(session, info, label, bytes.length);
    await model.selfTest();
    return model;
  }

  /** One tiny run, checking that the outputs have the shapes the metadata promises. */
  private async selfTest(): Promise<void> {
    let r: RunResult;
    try {
      r = await this.run([this.vocab.startToken], 1, 1, this.zeroState(1));
    } catch (e) {
      await this.release();
      throw new ModelError(`${this.path}: the model failed a test run (${firstLine(e)})`);
    }
    const V = this.vocab.size;
    if (r.logits.length !== V) {
      await this.release();
      throw new ModelError(`${this.path}: logits have ${r.logits.length} entries per character but the vocabulary has ${V}`);
    }
  }

  zeroState(batch: number): LstmState {
    const n = this.layers * batch * this.hidden;
    return { batch, h: new Float32Array(n), c: new Float32Array(n) };
  }

  /** Runs tokens laid out [B, T] (row-major) from `state`; returns logits [B, T, V] and the new state. */
  async run(tokens: ArrayLike<number>, batch: number, time: number, state: LstmState): Promise<RunResult> {
    if (tokens.length !== batch * time) throw new Error(`expected ${batch * time} tokens, got ${tokens.length}`);
    if (state.batch !== batch) throw new Error(`state is for batch ${state.batch}, not ${batch}`);
    const tok = new BigInt64Array(tokens.length);
    for (let k = 0; k < tokens.length; k++) tok[k] = BigInt(tokens[k]);
    const dims = [this.layers, batch, this.hidden];
    const out = await this.session.run({
      [INPUT.tokens]: new ort.Tensor('int64', tok, [batch, time]),
      [INPUT.h0]: new ort.Tensor('float32', state.h, dims),
      [INPUT.c0]: new ort.Tensor('float32', state.c, dims),
    });
    const logits = out[OUTPUT.logits];
    const hn = out[OUTPUT.hn];
    const cn = out[OUTPUT.cn];
    if (!logits || !hn || !cn) throw new ModelError(`${this.path}: the model did not return logits, hn and cn`);
    const want = this.layers * batch * this.hidden;
    if (hn.data.length !== want || cn.data.length !== want) {
      throw new ModelError(`${this.path}: hn/cn have ${hn.data.length} values, expected [${dims}]`);
    }
    return {
      logits: logits.data as Float32Array,
      state: { batch, h: hn.data as Float32Array, c: cn.data as Float32Array },
    };
  }

  async release(): Promise<void> {
    await this.session.release();
  }
}

function firstLine(e: unknown): string {
  return String((e as Error)?.message ?? e).split('\n')[0].trim();
}
