/**
 * Runs the train-step graph with onnxruntime-node: one `session.run` per step returns the
 * loss, the gradients of every parameter (gathered into one flat buffer laid out like
 * Params.flat) and the LSTM state to carry into the next chunk.
 */
import * as ort from 'onnxruntime-node';
import { Params, Shape } from './params';
import { buildTrainStepModel, gradName, TRAIN_INPUT } from './graph/trainStep';

export interface Batch {
  batch: number; // B
  time: number; // T
  tokens: BigInt64Array; // [B,T]
  targets: BigInt64Array; // [B,T]
  weights: Float32Array; // [B,T], summing to 1 over counted positions
}

export interface StepResult {
  loss: number;
  grads: Float32Array; // like Params.flat
  h: Float32Array; // [L,B,H]
  c: Float32Array;
  logits?: Float32Array; // [T*B, V] time-major, only with withLogits
}

export interface TrainSessionOptions {
  threads?: number;
  withLogits?: boolean;
}

export class TrainSession {
  private constructor(
    private readonly session: ort.InferenceSession,
    readonly shape: Shape,
  ) {}

  static async create(shape: Shape, opts: TrainSessionOptions = {}): Promise<TrainSession> {
    const bytes = buildTrainStepModel(shape, { withLogits: opts.withLogits });
    const session = await ort.InferenceSession.create(bytes, {
      intraOpNumThreads: opts.threads ?? 2,
      interOpNumThreads: 1,
      graphOptimizationLevel: 'all',
      executionMode: 'sequential',
    });
    return new TrainSession(session, shape);
  }

  async step(p: Params, b: Batch, h: Float32Array, c: Float32Array, grads?: Float32Array): Promise<StepResult> {
    const { layers: L, hidden: H } = this.shape;
    const feeds: Record<string, ort.Tensor> = {
      [TRAIN_INPUT.tokens]: new ort.Tensor('int64', b.tokens, [b.batch, b.time]),
      [TRAIN_INPUT.targets]: new ort.Tensor('int64', b.targets, [b.batch, b.time]),
      [TRAIN_INPUT.weights]: new ort.Tensor('float32', b.weights, [b.batch, b.time]),
      [TRAIN_INPUT.h0]: new ort.Tensor('float32', h, [L, b.batch, H]),
      [TRAIN_INPUT.c0]: new ort.Tensor('float32', c, [L, b.batch, H]),
    };
    for (const s of p.specs) feeds[s.name] = new ort.Tensor('float32', p.view(s.name), s.dims);
    const out = await this.session.run(feeds);
    const g = grads ?? new Float32Array(p.count);
    for (const s of p.specs) {
      const t = out[gradName(s.name)];
      if (!t || t.data.length !== s.size) throw new Error(`train graph: gradient of ${s.name} missing or mis-sized`);
      g.set(t.data as Float32Array, s.offset);
    }
    return {
      loss: (out.loss.data as Float32Array)[0],
      grads: g,
      h: out.hn.data as Float32Array,
      c: out.cn.data as Float32Array,
      logits: out.logits ? (out.logits.data as Float32Array) : undefined,
    };
  }

  async release(): Promise<void> {
    await this.session.release();
  }
}
