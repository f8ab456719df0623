/**
 * onnxruntime-node wrapper: load a model file, validate it against the contract, run
 * [batch, time] chunks of tokens with an LSTM state, release.
 */
import * as fs from 'fs';
import * as ort from 'onnxruntime-node';
import { INPUT, OUTPUT } from '../model/contract';
import { Vocab } from '../model/vocab';
import type { GreedyDecodeOptions, GreedyDecodeResult } from '../engine/stepModel';
import { buildDecodeLoopModel, DECODE_IO, STOP_MARGIN } from './decodeLoop';
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

const SESSION_OPTIONS = (threads: number): ort.InferenceSession.SessionOptions => ({
  intraOpNumThreads: threads,
  interOpNumThreads: 1,
  graphOptimizationLevel: 'all',
  executionMode: 'sequential',
});

export class CharModel {
  readonly vocab: Vocab;
  /** The greedy decode-loop session (decodeLoop.ts), built on first use; undefined if it cannot be. */
  private decoder: Promise<ort.InferenceSession | undefined> | undefined;
  private released = false;

  private constructor(
    private readonly session: ort.InferenceSession,
    readonly info: ModelInfo,
    readonly path: string,
    readonly bytes: number,
    private modelBytes: Uint8Array | undefined,
    private readonly threads: number,
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
      session = await ort.InferenceSession.create(bytes, SESSION_OPTIONS(opts.threads ?? 1));
    } catch (e) {
      throw new ModelError(`${label}: onnxruntime cannot load it (${firstLine(e)})`);
    }
    const model = new CharModel(session, info, label, bytes.length, bytes, opts.threads ?? 1);
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

  /**
   * Greedy decoding of one row in a single run of an ONNX Loop around this model
   * (decodeLoop.ts). Undefined when the loop graph cannot be built or loaded for this model.
   */
  async decodeGreedy(logits: Float32Array, state: LstmState, opts: GreedyDecodeOptions): Promise<GreedyDecodeResult | undefined> {
    const V = this.vocab.size;
    if (logits.length !== V || state.batch !== 1) throw new Error('decodeGreedy takes one row of logits and a batch-1 state');
    const session = await this.decodeSession();
    if (!session) return undefined;
    const dims = [this.layers, 1, this.hidden];
    const out = await session.run({
      [DECODE_IO.logits0]: new ort.Tensor('float32', logits, [1, V]),
      [DECODE_IO.h0]: new ort.Tensor('float32', state.h, dims),
      [DECODE_IO.c0]: new ort.Tensor('float32', state.c, dims),
      [DECODE_IO.steps]: new ort.Tensor('int64', BigInt64Array.of(BigInt(Math.max(0, Math.floor(opts.maxSteps)))), []),
      [DECODE_IO.stopMargin]: new ort.Tensor('float32', this.stopMargin(opts.stopTokens), [V]),
      [DECODE_IO.minLogp]: new ort.Tensor('float32', Float32Array.of(opts.minLogProb), []),
      [DECODE_IO.minJoint]: new ort.Tensor('float32', Float32Array.of(opts.minJointLogProb ?? -Infinity), []),
    });
    const toks = out[DECODE_IO.tokens].data as BigInt64Array;
    return { tokens: Int32Array.from(toks, (t) => Number(t)), logProbs: Float32Array.from(out[DECODE_IO.logp].data as Float32Array) };
  }

  private stopMargins = new Map<string, Float32Array>();

  private stopMargin(stopTokens: readonly number[]): Float32Array {
    const key = stopTokens.join(',');
    let m = this.stopMargins.get(key);
    if (!m) {
      m = new Float32Array(this.vocab.size).fill(STOP_MARGIN.go);
      for (const t of stopTokens) if (t >= 0 && t < m.length) m[t] = STOP_MARGIN.stop;
      this.stopMargins.set(key, m);
    }
    return m;
  }

  /** Builds the decode-loop session now rather than at the first suggestion. */
  async prepareDecoder(): Promise<boolean> {
    return (await this.decodeSession()) !== undefined;
  }

  private decodeSession(): Promise<ort.InferenceSession | undefined> {
    if (!this.decoder) {
      this.decoder = (async () => {
        const bytes = this.modelBytes;
        this.modelBytes = undefined;
        if (this.released || !bytes) return undefined;
        try {
          return await ort.InferenceSession.create(buildDecodeLoopModel(bytes), SESSION_OPTIONS(this.threads));
        } catch {
          return undefined; // an unusual graph: decoding falls back to one run per character
        }
      })();
    }
    return this.decoder;
  }

  async release(): Promise<void> {
    this.released = true;
    const decoder = await this.decoder;
    await decoder?.release();
    await this.session.release();
  }
}

function firstLine(e: unknown): string {
  return String((e as Error)?.message ?? e).split('\n')[0].trim();
}
