/**
 * What the engine needs from a model: its vocabulary and a step function over [B, T]
 * tokens with an LSTM state. CharModel (src/runtime/onnxModel.ts) provides it; the
 * engine depends only on this shape so it stays free of onnxruntime.
 */
import type { LstmState, RunResult } from '../runtime/onnxModel';
import type { Vocab } from '../model/vocab';

export interface StepModel {
  readonly vocab: Vocab;
  readonly layers: number;
  readonly hidden: number;
  zeroState(batch: number): LstmState;
  run(tokens: ArrayLike<number>, batch: number, time: number, state: LstmState): Promise<RunResult>;
}
