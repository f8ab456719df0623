/**
 * The completion engine (types.ts CompletionEngine): plain requests in, ghost text out.
 *
 *   request -> etiquette check -> context window -> per-document state cache (feeds only
 *   new characters) -> [selected completion fed] -> decode (greedy or N sampled candidates)
 *   -> stop rules -> post-processing filters -> suggestion
 *
 * Requests run one at a time, in order: a request that arrives while another runs waits,
 * and if it is cancelled meanwhile it returns undefined without touching the model.
 */
import { contextWindow, lastLineIndent } from './contextWindow';
import { decode } from './decode';
import { applyFilters, onlyClosersFollow } from './filters';
import { contextRandom } from './sampling';
import { StateCache, StateCacheOptions } from './stateCache';
import type { StepModel } from './stepModel';
import type { CancellationLike, CompletionEngine, CompletionRequest, EngineSettings, Suggestion } from './types';

/**
 * Defaults chosen by simulated typing (DESIGN.md section 4) on held-out code: greedy
 * decoding with a confidence gate gives the best precision; see the engine notes in the
 * README for the measurements.
 */
export const DEFAULT_ENGINE_SETTINGS: Readonly<Required<EngineSettings>> = Object.freeze({
  temperature: 0,
  topK: 0,
  topP: 1,
  candidates: 4,
  maxChars: 40,
  multiline: false,
  minConfidence: 0.5,
  minJointConfidence: 0.6,
  maxContextChars: 2048,
  seed: 0,
});

/** Clamps every setting into its valid range; a missing or invalid value takes the default. */
export function normalizeSettings(s: Partial<EngineSettings>): Required<EngineSettings> {
  const d = DEFAULT_ENGINE_SETTINGS;
  const num = (v: unknown, fallback: number, min: number, max: number, integer = false) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) return fallback;
    const x = Math.min(max, Math.max(min, v));
    return integer ? Math.floor(x) : x;
  };
  return {
    temperature: num(s.temperature, d.temperature, 0, 100),
    topK: num(s.topK, d.topK, 0, 1_000_000, true),
    topP: num(s.topP, d.topP, 0, 1),
    candidates: num(s.candidates, d.candidates, 1, 64, true),
    maxChars: num(s.maxChars, d.maxChars, 1, 10_000, true),
    multiline: typeof s.multiline === 'boolean' ? s.multiline : d.multiline,
    minConfidence: num(s.minConfidence, d.minConfidence, 0, 1),
    minJointConfidence: num(s.minJointConfidence, d.minJointConfidence ?? 0, 0, 1),
    maxContextChars: num(s.maxContextChars, d.maxContextChars, 16, 1_000_000, true),
    seed: num(s.seed, 0, 0, 2 ** 32 - 1, true),
  };
}

export class LstmCompletionEngine implements CompletionEngine {
  private cache: StateCache | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    model?: StepModel,
    private readonly cacheOptions: StateCacheOptions = {},
  ) {
    if (model) this.setModel(model);
  }

  get model(): StepModel | undefined {
    return this.cache?.model;
  }

  /** Tokens fed for contexts since the model was set (tests and reports). */
  get contextTokensFed(): number {
    return this.cache?.tokensFed ?? 0;
  }

  setModel(model: StepModel): void {
    this.cache = new StateCache(model, this.cacheOptions);
  }

  forget(docId: string): void {
    this.cache?.forget(docId);
  }

  suggest(req: CompletionRequest, settings: EngineSettings, token?: CancellationLike): Promise<Suggestion | undefined> {
    const run = this.queue.then(() => this.suggestNow(req, settings, token));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async suggestNow(req: CompletionRequest, settings: EngineSettings, token?: CancellationLike): Promise<Suggestion | undefined> {
    const t0 = performance.now();
    const cache = this.cache;
    if (!cache || token?.isCancellationRequested || !onlyClosersFollow(req.lineSuffix)) return undefined;
    const model = cache.model;
    const s = normalizeSettings(settings);
    const window = contextWindow(req.prefix, s.maxContextChars);
    const encoded = model.vocab.encode(window.text);
    const tokens = new Int32Array(encoded.length + 1);
    tokens[0] = model.vocab.startToken;
    tokens.set(encoded, 1);
    const primed = await cache.prime(req.docId, tokens, token);
    if (!primed || token?.isCancellationRequested) return undefined;

    let ctx = { state: primed.state, logits: primed.logits };
    const forced = req.selectedCompletion ?? '';
    if (forced.length > 0) {
      const ft = model.vocab.encode(forced);
      const r = await model.run(ft, 1, ft.length, primed.state);
      const V = model.vocab.size;
      ctx = { state: r.state, logits: r.logits.slice((ft.length - 1) * V, ft.length * V) };
    }
    const maxChars = s.maxChars - [...forced].length;
    const stop = {
      maxChars,
      multiline: s.multiline,
      minConfidence: s.minConfidence,
      minJoint: process.env.CAL ? Math.min(0.98, s.minJointConfidence / Math.min(Number(process.env.CAL_MAXR ?? 1), Math.max(0.3, primed.calibration))) : s.minJointConfidence,
      indent: lastLineIndent(window.text + forced),
    };
    const random = contextRandom(window.text + forced, s.seed);
    const decoded = maxChars > 0 ? await decode(model, ctx, s, stop, random, token) : { text: '', meanLogProb: 0 };
    if (!decoded || token?.isCancellationRequested) return undefined;
    const text = applyFilters(forced + decoded.text, req);
    if (text === undefined) return undefined;
    return { text, meanLogProb: decoded.meanLogProb, ms: performance.now() - t0, contextTokensFed: primed.fed };
  }
}
