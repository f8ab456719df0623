import * as assert from 'assert';
import { ActiveModelInfo, modelInfoText, statusJson, statusText, statusTooltip } from '../../src/vscode/logic/status';

const model: ActiveModelInfo = {
  kind: 'default', label: 'default', path: '/ext/models/default.onnx', bpc: 1.4237, layers: 2, hidden: 256, vocab: 98,
  bytes: 3_600_000, loadMs: 83.4, training: { files: 1200, characters: 25_000_000, minutes: 60, from: 'scratch', date: '2026-01-02T03:04:05Z' },
};

describe('vscode/status: status bar text, tooltip, JSON', () => {
  it('reads "Char LSTM ✓ <model> (<bpc> bpc)" when ready', () => {
    assert.strictEqual(statusText({ phase: 'ready', enabled: true, model }), 'Char LSTM ✓ default (1.42 bpc)');
    assert.strictEqual(statusText({ phase: 'ready', enabled: true, model: { ...model, kind: 'custom', label: 'mine.onnx', bpc: undefined } }), 'Char LSTM ✓ mine.onnx');
  });

  it('says loading, no model, and off', () => {
    assert.strictEqual(statusText({ phase: 'loading', enabled: true }), 'Char LSTM … loading model');
    assert.strictEqual(statusText({ phase: 'no-model', enabled: true, problem: 'x' }), 'Char LSTM ✗ no model');
    assert.strictEqual(statusText({ phase: 'ready', enabled: false, model }), 'Char LSTM ⊘ off');
  });

  it('adds training progress', () => {
    assert.strictEqual(statusText({ phase: 'ready', enabled: true, model, training: { fraction: 0.426, phase: 'train' } }), 'Char LSTM ✓ default (1.42 bpc) · training 43%');
    assert.strictEqual(statusText({ phase: 'ready', enabled: true, model, training: { fraction: 7, phase: 'train' } }), 'Char LSTM ✓ default (1.42 bpc) · training 100%');
  });

  it('explains the state in the tooltip', () => {
    assert.match(statusTooltip({ phase: 'ready', enabled: true, model }), /embedded default[\s\S]*2 x 256 LSTM, 98 characters, 1\.424 bits\/char/);
    assert.match(statusTooltip({ phase: 'no-model', enabled: true, problem: 'nothing installed' }), /No model: nothing installed/);
  });

  it('gives JSON state for tests', () => {
    assert.deepStrictEqual(statusJson({ phase: 'ready', enabled: true, model }), {
      ready: true, enabled: true, phase: 'ready', model: 'default', modelKind: 'default', modelPath: '/ext/models/default.onnx', bpc: 1.4237,
      training: null, problem: null, text: 'Char LSTM ✓ default (1.42 bpc)',
    });
    const none = statusJson({ phase: 'no-model', enabled: true, problem: 'p' });
    assert.strictEqual(none.ready, false);
    assert.strictEqual(none.bpc, null);
    assert.strictEqual(JSON.parse(JSON.stringify(none)).problem, 'p');
  });

  it('describes the model for Show Model Info', () => {
    const t = modelInfoText(model);
    assert.match(t, /Model: default \(the embedded default model\)/);
    assert.match(t, /3\.4 MB/);
    assert.match(t, /2 layers x 256 hidden units, 98 characters/);
    assert.match(t, /Validation: 1\.424 bits per character/);
    assert.match(t, /Trained: 1200 files, 25\.0M characters, 60 min, from scratch, on 2026-01-02/);
    assert.doesNotMatch(t, /Earlier stages|Command/);
  });

  it('shows the command and the earlier stages of a fine-tuned model', () => {
    const staged = { ...model, training: { ...model.training, command: 'char-lstm train src --out m.onnx --from default', total_minutes: 155, history: [{ minutes: 95 }] } };
    const t = modelInfoText(staged);
    assert.match(t, /Earlier stages: 1 \(155 min of training in all\)/);
    assert.match(t, /Command: char-lstm train src --out m\.onnx --from default/);
  });
});
