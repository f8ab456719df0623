/**
 * What the engine needs from a model: its vocabulary and a step function over [B, T]
 * tokens with an LSTM state. CharModel (src/runtime/onnxModel.ts) provides it; the
 * engine depends only on this shape so it stays free of onnxruntime.
 */
import type { LstmState, RunResult } from '../runtime/onnxModel';
import type { Vocab } from '../model/vocab';

export interface GreedyDecodeOptions {
  /** Most characters to pick. */
  maxSteps: number;
  /** Tokens that end decoding; the pick that ends it is still returned. */
  stopTokens: readonly number[];
  /** Decoding also ends after a pick whose natural-log probability is below this (-Infinity: never). */
  minLogProb: number;
  /** Decoding also ends after the pick that brings the sum of log-probabilities below this (default -Infinity). */
  minJointLogProb?: number;
}

export interface GreedyDecodeResult {
  /** The argmax picks, in order; the last one may be the pick that ended decoding. */
  tokens: Int32Array;
  /** Natural-log probability of each pick under softmax(logits). */
  logProbs: Float32Array;
}

export interface StepModel {
  readonly vocab: Vocab;
  readonly layers: number;
  readonly hidden: number;
  zeroState(batch: number): LstmState;
  run(tokens: ArrayLike<number>, batch: number, time: number, state: LstmState): Promise<RunResult>;
  /**
   * Optional fast path: greedy decoding of one row (batch 1) in a single call, starting
   * from `logits` [V] (which predict the first pick) and `state`. Must give the same picks
   * as calling `run` once per character. Resolves to undefined when unavailable.
   */
  decodeGreedy?(logits: Float32Array, state: LstmState, opts: GreedyDecodeOptions): Promise<GreedyDecodeResult | undefined>;
  /** Optional: gets the fast path ready ahead of the first suggestion. */
  prepareDecoder?(): Promise<boolean>;
}
