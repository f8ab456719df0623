/**
 * "Retrain on Workspace" without VS Code: the real trainer (out/cli.js) in a child
 * process, tiny models, a small folder. Checks the comparison on the same held-out text,
 * the swap, the empty-workspace message, and cancellation.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { defaultCodeVocab } from '../../src/model/vocab';
import { memoryLogger } from '../../src/vscode/logic/log';
import { ModelService, StoredModel } from '../../src/vscode/logic/models';
import { retrain, RetrainRequest, RetrainUi } from '../../src/vscode/logic/retrainer';
import { heldOutTexts, trainArgs } from '../../src/vscode/logic/retrain';
import { runTraining } from '../../src/vscode/logic/trainProcess';
import { evaluate } from '../../src/engine/evaluate';
import { CharModel } from '../../src/runtime/onnxModel';
import { collectCorpus } from '../../training/corpus';
import { DEFAULT_CONFIG } from '../../training/config';
import { buildInferenceModel } from '../../training/graph/inference';
import { initParams } from '../../training/params';
import { ensureBuilt, ROOT } from '../helpers/cli';
import { tmpDir } from '../helpers/tmp';

const CLI = path.join(ROOT, 'out', 'cli.js');

function tinyModel(file: string, seed: number): string {
  const vocab = defaultCodeVocab();
  fs.writeFileSync(file, buildInferenceModel(initParams({ vocab: vocab.length, embed: 4, layers: 1, hidden: 8 }, seed), { vocab }));
  return file;
}

function workspace(): string {
  const ws = tmpDir('retrain-ws');
  fs.mkdirSync(path.join(ws, 'src'));
  for (let f = 0; f < 6; f++) {
    const lines = Array.from({ length: 50 }, (_, k) => `def f${k}(x):\n    return x * ${(k * 7 + f) % 10} + ${k}\n`);
    fs.writeFileSync(path.join(ws, 'src', `m${f}.py`), lines.join(''));
  }
  fs.writeFileSync(path.join(ws, '.env'), 'SECRET=1\n');
  return ws;
}

function harness(defaultPath: string | undefined, modelPath?: string) {
  const dir = tmpDir('retrain-st');
  const storage = path.join(dir, 'storage');
  let stored: StoredModel | undefined;
  const log = memoryLogger();
  const models = new ModelService({
    defaultPath: () => defaultPath,
    modelPath: () => modelPath,
    store: { dir: storage, get: () => stored, set: async (v) => void (stored = v) },
    log,
    warn: () => undefined,
    onSwap: () => undefined,
    releaseDelayMs: 0,
  });
  const events: string[] = [];
  const training: Array<number | undefined> = [];
  const ui: RetrainUi = {
    progress: (m) => events.push(m),
    training: (t) => training.push(t?.fraction),
    scanned: (s, short) => events.push(`scanned: ${s}`, `short: ${short}`),
  };
  const deps = { cliPath: CLI, storageDir: storage, defaultPath, models, log };
  return { models, deps, ui, events, training, storage, log, stored: () => stored };
}

function token() {
  const listeners: Array<() => void> = [];
  const t = {
    isCancellationRequested: false,
    onCancellationRequested(l: () => void) {
      listeners.push(l);
      return { dispose: () => undefined };
    },
    cancel() {
      t.isCancellationRequested = true;
      listeners.forEach((l) => l());
    },
  };
  return t;
}

const request = (folder: string, over: Partial<RetrainRequest> = {}): RetrainRequest => ({ folder, minutes: 1, from: 'current', exclude: [], threads: 1, steps: 3, ...over });

describe('vscode/retrainer: Retrain on Workspace with the real trainer', function () {
  this.timeout(120_000);
  before(() => ensureBuilt());
  const cleanup: ModelService[] = [];
  afterEach(() => cleanup.splice(0).forEach((m) => m.dispose()));

  it('fine-tunes the model in use, compares on the same held-out files, and swaps only when better', async () => {
    const dir = tmpDir('retrain-models');
    const h = harness(undefined, tinyModel(path.join(dir, 'mine.onnx'), 1));
    cleanup.push(h.models);
    await h.models.reload('test');
    const outcome = await retrain(request(workspace(), { steps: 20 }), h.deps, h.ui, token());
    assert.strictEqual(outcome.kind, 'done', JSON.stringify(outcome));
    if (outcome.kind !== 'done') return;
    assert.ok(Number.isFinite(outcome.newBpc) && Number.isFinite(outcome.currentBpc!), JSON.stringify(outcome));
    assert.match(h.events[1], /^scanned: Retraining on 6 files \(\d+(\.\d)? KB/);
    assert.match(h.events[2], /^short: 6 files, \d+(\.\d)? KB$/);
    assert.ok(h.events.some((e) => /chars\/s .* left$/.test(e)), h.events.join('\n'));
    assert.strictEqual(outcome.swapped, outcome.newBpc < outcome.currentBpc!);
    if (outcome.swapped) {
      assert.strictEqual(h.models.state.model?.kind, 'workspace');
      assert.strictEqual(h.models.state.model?.bpc, outcome.newBpc);
      assert.ok(fs.existsSync(path.join(h.storage, 'workspace.onnx')));
      assert.match(outcome.message, /down from/);
    }
    assert.strictEqual(h.training[h.training.length - 1], undefined, 'the status bar stops showing training');
    assert.deepStrictEqual(fs.readdirSync(h.storage).filter((f) => f.startsWith('retrain-')), [], 'temporary folder removed');
    assert.ok(h.log.lines.some((l) => /trainer: Using 6 files/.test(l)));
  });

  it('measures both models with eval when training from another starting point', async () => {
    const dir = tmpDir('retrain-models2');
    const h = harness(tinyModel(path.join(dir, 'default.onnx'), 2), tinyModel(path.join(dir, 'mine.onnx'), 3));
    cleanup.push(h.models);
    await h.models.reload('test');
    assert.strictEqual(h.models.state.model?.kind, 'custom');
    const outcome = await retrain(request(workspace(), { from: 'default' }), h.deps, h.ui, token());
    assert.strictEqual(outcome.kind, 'done', JSON.stringify(outcome));
    assert.ok(h.events.some((e) => /measuring the mine\.onnx model on the same 1 held-out file/.test(e)), h.events.join('\n'));
    if (outcome.kind === 'done') assert.ok(Number.isFinite(outcome.currentBpc!) && Number.isFinite(outcome.newBpc));
  });

  for (const files of [6, 1]) {
    it(`measures on exactly the trainer's held-out text (${files} file${files === 1 ? '' : 's'})`, async () => {
      const ws = workspace();
      for (let f = files; f < 6; f++) fs.rmSync(path.join(ws, 'src', `m${f}.py`));
      const start = tinyModel(path.join(tmpDir('held-out'), 'start.onnx'), 5);
      const out = path.join(tmpDir('held-out-out'), 'm.onnx');
      const r = await runTraining({ cliPath: CLI, args: trainArgs({ folder: ws, out, from: start, minutes: 1, exclude: [], threads: 1, steps: 1 }) }).done;
      assert.ok(r.ok, JSON.stringify(r));
      const corpus = await collectCorpus(ws, { valFraction: DEFAULT_CONFIG.valFraction });
      const texts = heldOutTexts(corpus.files, DEFAULT_CONFIG.valMaxChars);
      assert.ok(texts.length >= 1);
      const m = await CharModel.load(start);
      try {
        const mine = (await evaluate(m, texts)).bpc;
        if (r.ok) assert.ok(Math.abs(mine - r.result.val_bpc_before) < 1e-4, `${mine} vs the trainer's ${r.result.val_bpc_before}`);
      } finally {
        await m.release();
      }
    });
  }

  it('explains an empty workspace without starting the trainer', async () => {
    const h = harness(undefined);
    cleanup.push(h.models);
    const ws = tmpDir('retrain-empty');
    fs.writeFileSync(path.join(ws, 'id_rsa'), 'x');
    const outcome = await retrain(request(ws), h.deps, h.ui, token());
    assert.strictEqual(outcome.kind, 'empty');
    if (outcome.kind === 'empty') assert.match(outcome.message, /^No trainable files under .*: skipped 1: 1 possible secret \(e\.g\. id_rsa\)/);
    assert.ok(!h.log.lines.some((l) => /retrain: node /.test(l)), 'no child process');
  });

  it('the trainer itself reports an empty folder with exit code 2', async () => {
    const run = runTraining({ cliPath: (ensureBuilt(), CLI), args: ['train', tmpDir('retrain-empty2'), '--out', path.join(tmpDir('o'), 'm.onnx'), '--json', '--progress-jsonl'] });
    const r = await run.done;
    assert.strictEqual(r.ok, false);
    if (!r.ok) {
      assert.strictEqual(r.exitCode, 2);
      assert.match(r.message, /^No trainable files under .*the folder contains no files/);
    }
  });

  it('cancelling kills the trainer and keeps the model in use', async () => {
    const dir = tmpDir('retrain-models3');
    const mine = tinyModel(path.join(dir, 'mine.onnx'), 4);
    const h = harness(undefined, mine);
    cleanup.push(h.models);
    await h.models.reload('test');
    const t = token();
    const ui: RetrainUi = { ...h.ui, progress: (m, f) => {
      h.events.push(m);
      if (/chars\/s/.test(m)) t.cancel();
    } };
    const started = Date.now();
    const outcome = await retrain(request(workspace(), { steps: undefined, minutes: 5 }), h.deps, ui, t);
    assert.strictEqual(outcome.kind, 'cancelled');
    assert.ok(Date.now() - started < 30_000, 'stopped long before its 5 minutes');
    assert.strictEqual(h.models.state.model?.path, mine);
    assert.deepStrictEqual(fs.readdirSync(h.storage), [], 'nothing left in storage');
  });
});
