/**
 * The completion engine (types.ts CompletionEngine): plain requests in, ghost text out.
 *
 *   request -> etiquette check -> context window -> per-document state cache (feeds only
 *   new characters) -> [selected completion fed] -> decode (greedy or N sampled candidates,
 *   mixed with copying from the document and related ones, copyModel.ts) -> stop rules
 *   -> post-processing filters -> not typed past before (rejections.ts) -> suggestion
 *
 * Requests run one at a time, in order: a request that arrives while another runs waits,
 * and if it is cancelled meanwhile it returns undefined without touching the model.
 */
import { contextWindow, lastLineIndent } from './contextWindow';
import { DEFAULT_COPY_OPTIONS } from './copyModel';
import { CopyContext, decode } from './decode';
import { applyFilters, onlyClosersFollow } from './filters';
import { RejectionMemory } from './rejections';
import { contextRandom } from './sampling';
import { StateCache, StateCacheOptions } from './stateCache';
import type { StepModel } from './stepModel';
import type { CancellationLike, CompletionEngine, CompletionRequest, EngineSettings, Suggestion } from './types';

/**
 * Defaults chosen by simulated typing (DESIGN.md section 4) on held-out projects: greedy
 * decoding, a per-character gate at 0.5, a joint gate at 0.75 and copying from the
 * document on. The joint gate steers precision almost directly (for a calibrated model the
 * joint probability is the chance that the suggestion is right).
 *
 * First tuning (2 x 256 trained 5 minutes, 20k characters, 8 languages): without the
 * rejection memory, joint 0.5 / 0.6 / 0.7 gave precision 0.57 / 0.65 / 0.74 at keystroke
 * savings 4.9% / 4.1% / 3.2%; with it, joint 0.5 / 0.6 gave 0.69 / 0.75 at 4.7% / 3.9%.
 *
 * With copying (2 x 384 default model, 3,000 characters in each of 8 languages, mean over
 * languages): joint 0.6 / 0.65 / 0.7 gave ksr 0.231 / 0.218 / 0.199 at precision
 * 0.680 / 0.737 / 0.786, against 0.175 at 0.772 for the model alone at 0.6 (the old
 * default). With the stage-4 model (4,000 characters per language): joint 0.7 / 0.75 gave
 * ksr 0.217 / 0.202 at precision 0.752 / 0.814 (JavaScript 0.595 / 0.690), against 0.183
 * at 0.769 for the model alone at 0.6. 0.75 keeps every language above 0.6 and beats the
 * old default on both counts. The per-character gate only matters above the joint one.
 * Candidates apply only when the temperature is above 0.
 */
export const DEFAULT_ENGINE_SETTINGS: Readonly<Required<EngineSettings>> = Object.freeze({
  temperature: 0,
  topK: 0,
  topP: 1,
  candidates: 4,
  maxChars: 40,
  multiline: false,
  minConfidence: 0.5,
  minJointConfidence: 0.75,
  maxContextChars: 2048,
  copyFromFiles: true,
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
    copyFromFiles: typeof s.copyFromFiles === 'boolean' ? s.copyFromFiles : d.copyFromFiles,
    seed: num(s.seed, 0, 0, 2 ** 32 - 1, true),
  };
}

/** Characters of related documents that the copy prediction searches, in all. */
export const RELATED_COPY_CHARS = 32768;

/** Characters after the cursor that the copy prediction searches. */
export const AFTER_COPY_CHARS = 16384;

/**
 * What the copy prediction searches, as the model reads it (\r\n as \n): the related
 * documents (up to RELATED_COPY_CHARS in all, the most recent first), then the text after
 * the cursor (up to AFTER_COPY_CHARS), then the last 64k characters of the document before
 * the cursor. Under the search's candidate cap the latest occurrences win, so this order
 * prefers the text before the cursor, then the text after it, then the latest related one.
 */
function copyContext(prefix: string, forced: string, related: readonly string[] = [], after = ''): CopyContext {
  let context = prefix.slice(-DEFAULT_COPY_OPTIONS.maxSourceChars) + forced;
  const parts: string[] = [];
  let budget = RELATED_COPY_CHARS;
  for (const r of related) {
    if (budget <= 0) break;
    const part = r.length + 1 > budget ? r.slice(0, budget - 1) : r;
    parts.unshift(`${part}\n`);
    budget -= part.length + 1;
  }
  if (after.length > 0) parts.push(`${after.slice(0, AFTER_COPY_CHARS)}\n`);
  let source = parts.join('') + context;
  if (source.includes('\r')) {
    source = source.replace(/\r\n/g, '\n');
    context = context.replace(/\r\n/g, '\n');
  }
  return { source, context, options: { ...DEFAULT_COPY_OPTIONS, maxSourceChars: source.length } };
}

/** The context window of a prefix and its tokens, the start token first. */
function contextTokens(model: StepModel, prefix: string, maxContextChars: number) {
  const window = contextWindow(prefix, maxContextChars);
  const encoded = model.vocab.encode(window.text);
  const tokens = new Int32Array(encoded.length + 1);
  tokens[0] = model.vocab.startToken;
  tokens.set(encoded, 1);
  return { window, tokens };
}

export interface EngineOptions extends StateCacheOptions {
  /** Do not show again a suggestion the user typed past in the same document (default true). */
  rememberRejections?: boolean;
}

export class LstmCompletionEngine implements CompletionEngine {
  private cache: StateCache | undefined;
  private rejections = new RejectionMemory();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    model?: StepModel,
    private readonly options: EngineOptions = {},
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
    this.cache = new StateCache(model, this.options);
    this.rejections = new RejectionMemory(this.options.maxDocs);
    model.prepareDecoder?.().catch(() => undefined); // in the background; decoding falls back if it fails
  }

  forget(docId: string): void {
    this.cache?.forget(docId);
    this.rejections.forget(docId);
  }

  suggest(req: CompletionRequest, settings: EngineSettings, token?: CancellationLike): Promise<Suggestion | undefined> {
    const run = this.queue.then(() => this.suggestNow(req, settings, token));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Feeds a document's context into the state cache ahead of its first suggestion (when it
   * is opened or focused), so that suggestion only feeds what was typed since. Queued like
   * a suggestion; resolves to the tokens fed, 0 when there was nothing to do. Never rejects.
   */
  warm(req: Pick<CompletionRequest, 'docId' | 'prefix'>, settings: EngineSettings, token?: CancellationLike): Promise<number> {
    const run = this.queue.then(async () => {
      const cache = this.cache;
      if (!cache || token?.isCancellationRequested) return 0;
      const primed = await cache.prime(req.docId, contextTokens(cache.model, req.prefix, normalizeSettings(settings).maxContextChars).tokens, token);
      return primed?.fed ?? 0;
    });
    this.queue = run.catch(() => undefined);
    return run.catch(() => 0);
  }

  private async suggestNow(req: CompletionRequest, settings: EngineSettings, token?: CancellationLike): Promise<Suggestion | undefined> {
    const t0 = performance.now();
    const cache = this.cache;
    this.rejections.observe(req.docId, req.prefix);
    if (!cache || token?.isCancellationRequested || !onlyClosersFollow(req.lineSuffix)) return undefined;
    const model = cache.model;
    const s = normalizeSettings(settings);
    const { window, tokens } = contextTokens(model, req.prefix, s.maxContextChars);
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
      minJoint: s.minJointConfidence,
      indent: lastLineIndent(window.text + forced),
    };
    const random = contextRandom(window.text + forced, s.seed);
    const copy = s.copyFromFiles ? copyContext(req.prefix, forced, req.related, req.textAfter) : undefined;
    const decoded = maxChars > 0 ? await decode(model, ctx, s, stop, random, token, copy) : { text: '', meanLogProb: 0 };
    if (!decoded || token?.isCancellationRequested) return undefined;
    let text = applyFilters(forced + decoded.text, req);
    if (this.options.rememberRejections !== false) text = this.rejections.check(req.docId, req.prefix, text);
    if (text === undefined) return undefined;
    return { text, meanLogProb: decoded.meanLogProb, ms: performance.now() - t0, contextTokensFed: primed.fed };
  }
}
