/** ModelService with real (tiny) model files: which model loads, one warning per bad model, adopt and reset. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { defaultCodeVocab } from '../../src/model/vocab';
import { CharModel } from '../../src/runtime/onnxModel';
import { memoryLogger } from '../../src/vscode/logic/log';
import { ModelService, StoredModel, WORKSPACE_MODEL_FILE } from '../../src/vscode/logic/models';
import { buildInferenceModel } from '../../training/graph/inference';
import { initParams } from '../../training/params';
import { tmpDir } from '../helpers/tmp';

function modelFile(dir: string, name: string, seed: number, valBpc?: number): string {
  const vocab = defaultCodeVocab();
  const p = initParams({ vocab: vocab.length, embed: 4, layers: 1, hidden: 8 }, seed);
  const file = path.join(dir, name);
  fs.writeFileSync(file, buildInferenceModel(p, { vocab, training: valBpc === undefined ? undefined : { val_bpc: valBpc } }));
  return file;
}

function setup(opts: { defaultPath?: string; modelPath?: string; stored?: StoredModel; storage?: string } = {}) {
  const dir = tmpDir('models');
  const storage = opts.storage ?? path.join(dir, 'storage');
  const log = memoryLogger();
  const warnings: string[] = [];
  const swaps: CharModel[] = [];
  let stored = opts.stored;
  const env = { modelPath: opts.modelPath, defaultPath: opts.defaultPath };
  const service = new ModelService({
    defaultPath: () => env.defaultPath,
    modelPath: () => env.modelPath,
    store: { dir: storage, get: () => stored, set: async (v) => void (stored = v) },
    log,
    warn: (m) => warnings.push(m),
    onSwap: (m) => swaps.push(m),
    releaseDelayMs: 0,
  });
  return { dir, storage, log, warnings, swaps, service, env, stored: () => stored };
}

describe('vscode/models: ModelService', () => {
  const services: ModelService[] = [];
  afterEach(() => services.splice(0).forEach((s) => s.dispose()));

  it('loads the default model and logs the readiness line', async () => {
    const dir = tmpDir('models-def');
    const t = setup({ defaultPath: modelFile(dir, 'default.onnx', 1, 1.75) });
    services.push(t.service);
    assert.strictEqual(t.service.state.phase, 'loading');
    await t.service.reload('startup');
    const s = t.service.state;
    assert.strictEqual(s.phase, 'ready');
    assert.strictEqual(s.model?.kind, 'default');
    assert.strictEqual(s.model?.label, 'default');
    assert.strictEqual(s.model?.bpc, 1.75);
    assert.strictEqual(s.model?.hidden, 8);
    assert.strictEqual(t.swaps.length, 1);
    assert.ok(t.log.lines.some((l) => /^info: ready: model default \(.*default\.onnx\) loaded in \d+ ms \(startup\)$/.test(l)), t.log.lines.join('\n'));
    await t.service.reload('again');
    assert.strictEqual(t.swaps.length, 1, 'the model in use is not loaded twice');
  });

  it('warns once about a broken charLstm.modelPath, with the reason, and falls back to the default', async () => {
    const dir = tmpDir('models-bad');
    const bad = path.join(dir, 'broken.onnx');
    fs.writeFileSync(bad, 'not a model');
    const t = setup({ defaultPath: modelFile(dir, 'default.onnx', 1), modelPath: bad });
    services.push(t.service);
    await t.service.reload('startup');
    assert.strictEqual(t.service.state.model?.kind, 'default');
    assert.strictEqual(t.warnings.length, 1);
    assert.match(t.warnings[0], /^Char LSTM: cannot use the model at charLstm\.modelPath \(.*not an ONNX model.*\)\. Using the embedded default model instead\.$/);
    await t.service.reload('settings changed');
    assert.strictEqual(t.warnings.length, 1, 'the same problem is not reported twice');
    t.env.modelPath = path.join(dir, 'missing.onnx');
    await t.service.reload('settings changed');
    assert.strictEqual(t.warnings.length, 2);
    assert.match(t.warnings[1], /no such file/);
  });

  it('switches to a good charLstm.modelPath without a reload', async () => {
    const dir = tmpDir('models-custom');
    const t = setup({ defaultPath: modelFile(dir, 'default.onnx', 1) });
    services.push(t.service);
    await t.service.reload('startup');
    t.env.modelPath = modelFile(dir, 'mine.onnx', 2);
    await t.service.reload('settings changed');
    assert.strictEqual(t.service.state.model?.kind, 'custom');
    assert.strictEqual(t.service.state.model?.label, 'mine.onnx');
    assert.strictEqual(t.swaps.length, 2);
  });

  it('says "no model" when the default model is not installed, without a pop-up', async () => {
    const t = setup({});
    services.push(t.service);
    await t.service.reload('startup');
    assert.strictEqual(t.service.state.phase, 'no-model');
    assert.match(t.service.state.problem ?? '', /models\/default\.onnx/);
    assert.deepStrictEqual(t.warnings, []);
    assert.strictEqual(t.swaps.length, 0);
  });

  it('adopts a retrained model into storage, prefers it, and forgets it on reset', async () => {
    const dir = tmpDir('models-adopt');
    const t = setup({ defaultPath: modelFile(dir, 'default.onnx', 1, 2.0) });
    services.push(t.service);
    await t.service.reload('startup');
    const fresh = modelFile(dir, 'new.onnx', 3);
    await t.service.adopt(fresh, await CharModel.load(fresh), { bpc: 1.5, files: 4 });
    const dest = path.join(t.storage, WORKSPACE_MODEL_FILE);
    assert.ok(fs.existsSync(dest) && !fs.existsSync(fresh), 'moved into storage');
    assert.strictEqual(t.stored()?.file, WORKSPACE_MODEL_FILE);
    assert.strictEqual(t.stored()?.bpc, 1.5);
    assert.strictEqual(t.service.state.model?.kind, 'workspace');
    assert.strictEqual(t.service.state.model?.bpc, 1.5);
    assert.strictEqual(t.service.workspaceModelPath(), dest);

    // A new window: the stored workspace model wins over the default.
    const again = setup({ defaultPath: t.env.defaultPath, stored: t.stored(), storage: t.storage });
    services.push(again.service);
    await again.service.reload('startup');
    assert.strictEqual(again.service.state.model?.kind, 'workspace');
    assert.strictEqual(again.service.state.model?.bpc, 1.5);

    await t.service.resetWorkspaceModel();
    assert.ok(!fs.existsSync(dest));
    assert.strictEqual(t.stored(), undefined);
    assert.strictEqual(t.service.state.model?.kind, 'default');
  });

  it('drops a broken workspace model with one warning', async () => {
    const dir = tmpDir('models-broken-ws');
    const t = setup({ defaultPath: modelFile(dir, 'default.onnx', 1), stored: { file: WORKSPACE_MODEL_FILE, date: '2026-01-01' } });
    services.push(t.service);
    fs.mkdirSync(t.storage, { recursive: true });
    fs.writeFileSync(path.join(t.storage, WORKSPACE_MODEL_FILE), new Uint8Array([1, 2, 3]));
    await t.service.reload('startup');
    assert.strictEqual(t.service.state.model?.kind, 'default');
    assert.strictEqual(t.stored(), undefined);
    assert.strictEqual(t.warnings.length, 1);
    assert.match(t.warnings[0], /cannot use the model trained on this workspace/);
  });

  it('runs concurrent reloads one after another, ending with the latest settings', async () => {
    const dir = tmpDir('models-serial');
    const t = setup({ defaultPath: modelFile(dir, 'default.onnx', 1) });
    services.push(t.service);
    const a = t.service.reload('one');
    t.env.modelPath = modelFile(dir, 'b.onnx', 2);
    const b = t.service.reload('two');
    await Promise.all([a, b]);
    assert.strictEqual(t.service.state.model?.label, 'b.onnx');
  });
});
