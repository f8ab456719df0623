/**
 * Activation wiring, with a minimal stand-in for the `vscode` module (stub/vscode.ts) and
 * real models: the provider is registered before the model loads and answers nothing
 * until then, the readiness signal (status text and log line), charLstm.status, Toggle,
 * and a bad charLstm.modelPath. The real editor is tested end to end (issue 6).
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { defaultCodeVocab } from '../../src/model/vocab';
import { bigramModel } from '../helpers/models';
import { tmpDir } from '../helpers/tmp';

const Module = require('module') as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
const STUB = require.resolve('./stub/vscode');

type Stub = typeof import('./stub/vscode');

function fakeDocument(stub: Stub, text: string) {
  const lines = text.split('\n');
  const offsetAt = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((a, l) => a + l.length + 1, 0) + p.character;
  return {
    uri: { toString: () => 'untitled:Untitled-1', scheme: 'untitled' },
    languageId: 'python',
    version: 1,
    lineCount: lines.length,
    lineAt: (l: number) => ({ text: lines[l] }),
    getText: (r: { start: { line: number; character: number }; end: { line: number; character: number } }) => text.slice(offsetAt(r.start), offsetAt(r.end)),
    offsetAt,
    positionAt: (o: number) => {
      let l = 0;
      while (l + 1 < lines.length && offsetAt({ line: l + 1, character: 0 }) <= o) l++;
      return new stub.Position(l, o - offsetAt({ line: l, character: 0 }));
    },
  };
}

async function until(cond: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('extension activation (with a vscode stand-in)', () => {
  const original = Module._resolveFilename;
  let stub: Stub;
  let ext: typeof import('../../src/extension');
  const subscriptions: Array<{ dispose(): unknown }> = [];

  before(() => {
    Module._resolveFilename = function (request: string, ...rest: unknown[]) {
      return request === 'vscode' ? STUB : original.call(this, request, ...rest);
    };
    stub = require('./stub/vscode');
    ext = require('../../src/extension');
  });
  after(() => {
    Module._resolveFilename = original;
  });
  afterEach(() => {
    subscriptions.splice(0).forEach((d) => d.dispose());
    stub.recorded.reset();
  });

  function activate(config: Record<string, unknown>) {
    stub.recorded.reset();
    Object.assign(stub.recorded.config, config);
    const storage = tmpDir('activation');
    const state = new Map<string, unknown>();
    const context = {
      subscriptions,
      storageUri: { scheme: 'file', fsPath: storage },
      workspaceState: { get: (k: string) => state.get(k), update: async (k: string, v: unknown) => void state.set(k, v) },
      asAbsolutePath: (p: string) => path.join(__dirname, '..', '..', p),
    };
    ext.activate(context as never);
    const status = () => stub.recorded.statusItems[0].text as string;
    return { status, provider: stub.recorded.providers[0]?.provider };
  }

  it('registers the provider and every command at once, then signals readiness', async () => {
    const model = path.join(tmpDir('act-model'), 'bigram.onnx');
    fs.writeFileSync(model, bigramModel(defaultCodeVocab(), { ' ': 'x', x: ' ' }, 20));
    const { status, provider } = activate({ 'charLstm.modelPath': model, 'charLstm.minConfidence': 0 });
    assert.ok(provider, 'provider registered during activate');
    assert.deepStrictEqual(stub.recorded.providers[0].selector, [{ scheme: 'file' }, { scheme: 'untitled' }, { pattern: '**' }]);
    for (const id of ['charLstm.retrain', 'charLstm.toggle', 'charLstm.resetModel', 'charLstm.showModelInfo', 'charLstm.previewTemperature', 'charLstm.status', 'charLstm.showCommands', 'charLstm.showLog']) {
      assert.ok(stub.recorded.commands.has(id), id);
    }
    assert.strictEqual(status(), 'Char LSTM … loading model');
    const doc = fakeDocument(stub, 'def f(x):\n    return ');
    const token = { isCancellationRequested: false, onCancellationRequested: () => new stub.Disposable() };
    const pos = new stub.Position(1, 11);
    assert.strictEqual(await provider.provideInlineCompletionItems(doc, pos, {}, token), undefined, 'nothing before the model is ready');

    await until(() => status().startsWith('Char LSTM ✓'));
    assert.strictEqual(status(), 'Char LSTM ✓ bigram.onnx');
    assert.ok(stub.recorded.logs.some((l) => /^info: ready: model bigram\.onnx \(.*\) loaded in \d+ ms \(startup\)$/.test(l)), stub.recorded.logs.join('\n'));
    const items = await provider.provideInlineCompletionItems(doc, pos, {}, token);
    assert.strictEqual(items.length, 1);
    assert.match(items[0].insertText, /^x x x/);
    assert.deepStrictEqual([items[0].range.start, items[0].range.end], [pos, pos]);
    assert.strictEqual(await provider.provideInlineCompletionItems(doc, pos, {}, { ...token, isCancellationRequested: true }), undefined, 'cancelled');

    const json = await stub.commands.executeCommand('charLstm.status');
    assert.deepStrictEqual({ ready: json.ready, enabled: json.enabled, model: json.model, modelPath: json.modelPath }, { ready: true, enabled: true, model: 'bigram.onnx', modelPath: model });

    assert.strictEqual(await stub.commands.executeCommand('charLstm.toggle'), false);
    assert.strictEqual(status(), 'Char LSTM ⊘ off');
    assert.strictEqual(await provider.provideInlineCompletionItems(doc, pos, {}, token), undefined, 'off means off');
    await stub.commands.executeCommand('charLstm.toggle');
    stub.recorded.set('charLstm.disabledLanguages', ['python']);
    assert.strictEqual(await provider.provideInlineCompletionItems(doc, pos, {}, token), undefined, 'disabled language');
    assert.deepStrictEqual(stub.recorded.messages, [], 'no pop-ups');
  });

  it('without any model: "no model", a harmless provider, and one warning for a bad modelPath', async () => {
    const bad = path.join(tmpDir('act-bad'), 'bad.onnx');
    fs.writeFileSync(bad, 'junk');
    const { status, provider } = activate({ 'charLstm.modelPath': bad });
    await until(() => !status().includes('loading'));
    // No default model in this checkout (models/default.onnx) or a broken one: either way
    // the warning names the reason.
    assert.strictEqual(stub.recorded.messages.length, 1, stub.recorded.messages.join('\n'));
    assert.match(stub.recorded.messages[0], /^warning: Char LSTM: cannot use the model at charLstm\.modelPath \(.*not an ONNX model/);
    if (!fs.existsSync(path.join(__dirname, '..', '..', 'models', 'default.onnx'))) {
      assert.strictEqual(status(), 'Char LSTM ✗ no model');
      const doc = fakeDocument(stub, 'x = ');
      assert.strictEqual(await provider.provideInlineCompletionItems(doc, new stub.Position(0, 4), {}, { isCancellationRequested: false }), undefined);
    } else {
      assert.match(status(), /^Char LSTM ✓ default/);
    }
  });
});
