import * as assert from 'assert';
import {
  decideSwap, errorFromStderr, formatDuration, heldOutTexts, parseTrainLine, parseTrainResult, progressMessage, scanShort, scanSummary, trainArgs, trainThreads,
} from '../../src/vscode/logic/retrain';
import type { TrainProgress } from '../../training/train';

const progress = (p: Partial<TrainProgress>): TrainProgress => ({
  phase: 'train', step: 10, loss: 1.8, charsPerSec: 5123.4, elapsedSec: 30, remainingSec: 150, fraction: 0.2, ...p,
});

describe('vscode/retrain: the trainer command line and its output', () => {
  it('builds the train command', () => {
    assert.deepStrictEqual(trainArgs({ folder: '/ws', out: '/s/t/model.onnx', from: 'default', minutes: 5, exclude: ['**/.git', '/gen/**'], threads: 1 }), [
      'train', '/ws', '--out', '/s/t/model.onnx', '--from', 'default', '--minutes', '5', '--exclude', '**/.git,/gen/**', '--threads', '1', '--json', '--progress-jsonl',
    ]);
    assert.deepStrictEqual(trainArgs({ folder: 'w', out: 'o', from: '/m.onnx', minutes: 0.5, exclude: [], steps: 3 }), [
      'train', 'w', '--out', 'o', '--from', '/m.onnx', '--minutes', '0.5', '--steps', '3', '--json', '--progress-jsonl',
    ]);
  });

  it('leaves a core to the editor', () => {
    assert.strictEqual(trainThreads(1), 1);
    assert.strictEqual(trainThreads(2), 1);
    assert.strictEqual(trainThreads(8), 4);
  });

  it('reads progress, log and other lines', () => {
    const p = progress({});
    assert.deepStrictEqual(parseTrainLine(JSON.stringify({ progress: p })), { kind: 'progress', progress: p });
    assert.deepStrictEqual(parseTrainLine('{"log":"Using 3 files"}'), { kind: 'log', line: 'Using 3 files' });
    assert.deepStrictEqual(parseTrainLine('char-lstm: boom'), { kind: 'text', line: 'char-lstm: boom' });
    assert.deepStrictEqual(parseTrainLine('{not json'), { kind: 'text', line: '{not json' });
    assert.strictEqual(parseTrainLine('   '), undefined);
  });

  it('finds the result on the last JSON line of stdout', () => {
    const r = { chars_per_s: 1, steps: 2, train_chars: 3, val_chars: 4, val_bpc_before: 2, val_bpc_after: 1.5, seconds: 9, out: '/o' };
    assert.deepStrictEqual(parseTrainResult(`noise\n${JSON.stringify(r)}\n`), r);
    assert.strictEqual(parseTrainResult('nothing here'), undefined);
  });

  it('takes the CLI error line without its prefix', () => {
    assert.strictEqual(errorFromStderr(['{"log":"x"}', 'char-lstm: No trainable files under /w: the folder contains no files.'], 2), 'No trainable files under /w: the folder contains no files.');
    assert.strictEqual(errorFromStderr(['Segmentation fault'], 139), 'Segmentation fault');
    assert.strictEqual(errorFromStderr([], 1), 'the trainer exited with code 1');
  });

  it('shows chars/s, validation bpc and time left while training', () => {
    assert.strictEqual(progressMessage(progress({}), 1.9876), '5,123 chars/s · validation 1.988 bpc · training loss 1.800 bpc · 2:30 left');
    assert.strictEqual(progressMessage(progress({ valBpc: 1.5 })), '5,123 chars/s · validation 1.500 bpc · training loss 1.800 bpc · 2:30 left');
    assert.strictEqual(progressMessage(progress({ loss: NaN })), '5,123 chars/s · 2:30 left');
    assert.match(progressMessage(progress({ phase: 'eval-before' })), /measuring the current model/);
    assert.match(progressMessage(progress({ phase: 'export', valBpc: 1.23456 })), /1\.235 bits\/char/);
    assert.strictEqual(formatDuration(61.4), '1:01');
    assert.strictEqual(formatDuration(NaN), '?');
  });

  it('says what it will train on', () => {
    assert.strictEqual(scanSummary(42, 1_300_000, 1_250_000, 5), 'Retraining on 42 files (1.2 MB, 1.3M characters) for up to 5 min; typing stays responsive.');
    assert.match(scanSummary(1, 100, 100, 0.5), /^Retraining on 1 file \(100 bytes/);
    assert.strictEqual(scanShort(42, 1_300_000), '42 files, 1.2 MB');
  });
});

describe('vscode/retrain: swap only when the new model is better', () => {
  it('swaps when the held-out bpc went down, and gives both numbers', () => {
    const d = decideSwap({ newBpc: 1.2, currentBpc: 1.5, currentLabel: 'default', files: 12 });
    assert.strictEqual(d.swap, true);
    assert.strictEqual(d.message, 'Retrained on 12 files: 1.200 bits/char on held-out files, down from 1.500 with the default model (20.0% better). Now using the new model.');
  });

  it('keeps the current model when the new one is no better', () => {
    for (const newBpc of [1.5, 1.6]) {
      const d = decideSwap({ newBpc, currentBpc: 1.5, currentLabel: 'workspace', files: 1 });
      assert.strictEqual(d.swap, false);
      assert.match(d.message, /not better on held-out files: 1\.[56]00 bits\/char against 1\.500 with the workspace model\. Kept the workspace model\./);
    }
  });

  it('keeps the current model when either number is missing', () => {
    assert.strictEqual(decideSwap({ newBpc: NaN, currentBpc: 1.5, currentLabel: 'default', files: 2 }).swap, false);
    assert.strictEqual(decideSwap({ newBpc: 1.2, currentBpc: NaN, currentLabel: 'default', files: 2 }).swap, false);
  });

  it('uses the new model when there was none', () => {
    const d = decideSwap({ newBpc: 2.1, currentBpc: undefined, currentLabel: 'current', files: 3 });
    assert.strictEqual(d.swap, true);
    assert.match(d.message, /2\.100 bits\/char.*no model in use/);
  });
});

describe('vscode/retrain: the held-out text', () => {
  const file = (p: string, text: string, split: 'train' | 'val' = 'val') => ({ path: p, text, split });

  it('takes validation files up to the cap, never training files', () => {
    const files = [file('a', 'aaaaaa'), file('b', 'bbbbbb'), file('c', 'ccc'), file('t', 'tttt', 'train')];
    const all = heldOutTexts(files, 1000);
    assert.deepStrictEqual([...all].sort(), ['aaaaaa', 'bbbbbb', 'ccc']);
    const capped = heldOutTexts(files, 10);
    assert.ok(capped.join('').length <= 10, capped.join('|'));
    assert.strictEqual(capped[0], all[0], 'the first file in hash order comes first');
    assert.ok(capped.includes('ccc'), 'a later small file still fits');
  });

  it('keeps the first file even over the cap', () => {
    assert.deepStrictEqual(heldOutTexts([file('a', 'x'.repeat(50))], 10), ['x'.repeat(50)]);
  });

  it('holds out the last tenth of a lone file, from a line start', () => {
    const text = Array.from({ length: 20 }, (_, k) => `line ${k}`).join('\n');
    const [tail] = heldOutTexts([file('only', text, 'train')], 1000);
    assert.ok(text.endsWith(`\n${tail}`) && tail.length < text.length / 5, tail);
    assert.deepStrictEqual(heldOutTexts([file('a', 'x', 'train'), file('b', 'y', 'train')], 1000), []);
  });
});
