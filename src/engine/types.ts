/**
 * The contract between the completion engine (pure TypeScript, src/engine/) and its
 * callers: the VS Code adapter (src/vscode/) and the CLI (src/cli/). Neither side imports
 * the other's types beyond this file.
 */
import type { StepModel } from './stepModel';

/** What the adapter knows at a keystroke, as plain data. */
export interface CompletionRequest {
  /** Stable identity of the document (its URI as a string). */
  docId: string;
  /** The whole text before the cursor (the engine applies its own context cap). */
  prefix: string;
  /** Text after the cursor on the same line. */
  lineSuffix: string;
  languageId: string;
  /**
   * When the suggest widget shows an item, the text it would insert at the cursor. A
   * suggestion must then start with it (VS Code's selectedCompletionInfo).
   */
  selectedCompletion?: string;
  /**
   * Text of other open documents in the same language, most recently used first.
   * Suggestions may copy from them as from the document (copyFromFiles).
   */
  related?: readonly string[];
  /**
   * Text after the cursor (the rest of the line first), at most AFTER_COPY_CHARS of it:
   * when editing inside a file, suggestions may copy from it as from the text before the
   * cursor (copyFromFiles).
   */
  textAfter?: string;
}

/** Decoding knobs; every field has a default in DEFAULT_ENGINE_SETTINGS. */
export interface EngineSettings {
  /** 0 = greedy; above 0, sampling from softmax(logits / temperature). */
  temperature: number;
  /** Keep only the k most likely characters when sampling (0 = no limit). */
  topK: number;
  /** Keep the smallest set of characters whose probability reaches p (1 = no limit). */
  topP: number;
  /** Candidates sampled as one batch and ranked by mean log-probability. */
  candidates: number;
  /** Longest suggestion, in characters. */
  maxChars: number;
  /** Allow suggestions that span several lines. */
  multiline: boolean;
  /** Confidence gate: stop where a character's probability drops below this. */
  minConfidence: number;
  /**
   * Joint confidence gate: stop where the probability of the whole suggestion so far (the
   * product of its characters' probabilities) drops below this. It bounds the chance that
   * a shown suggestion is wrong, so it steers precision directly. Optional; the default
   * applies when absent, 0 turns it off.
   */
  minJointConfidence?: number;
  /**
   * Mix in what followed the longest earlier match of the text before the cursor in the
   * document and in the request's related documents (copyModel.ts). Optional; on when absent.
   */
  copyFromFiles?: boolean;
  /** The model sees at most this many characters before the cursor. */
  maxContextChars: number;
  /**
   * Mixed into the per-context sampling seed (temperature > 0 only), so a CLI run can pick
   * another fixed sequence. Optional; 0 when absent.
   */
  seed?: number;
}

export interface Suggestion {
  text: string;
  /** Mean natural-log probability per character of `text`. */
  meanLogProb: number;
  /** Engine wall time for this suggestion. */
  ms: number;
  /** Tokens fed to the model for the context (the state cache makes this small). */
  contextTokensFed: number;
}

/** Mirrors vscode.CancellationToken without importing vscode. */
export interface CancellationLike {
  readonly isCancellationRequested: boolean;
}

export interface CompletionEngine {
  /** Undefined when there is nothing worth showing (or the request was cancelled). */
  suggest(req: CompletionRequest, settings: EngineSettings, token?: CancellationLike): Promise<Suggestion | undefined>;
  /** Optional: feeds a document's context ahead of its first suggestion; resolves to the tokens fed. */
  warm?(req: Pick<CompletionRequest, 'docId' | 'prefix'>, settings: EngineSettings, token?: CancellationLike): Promise<number>;
  /** Swaps the model without a reload; drops every cached state. */
  setModel(model: StepModel): void;
  /** Drops the cached states of one document (closed, or edited beyond repair). */
  forget(docId: string): void;
}
