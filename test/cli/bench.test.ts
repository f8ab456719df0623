/** `char-lstm bench` through the built command: the keys of its result, on a tiny model. */
import * as assert from 'node:assert/strict';
import { lastJson, runCli } from '../helpers/cli';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { bigramModel, writeTemp } from '../helpers/models';
import { exportModel } from '../../training/modelIO';
import { initParams } from '../../training/params';
import { defaultCodeVocab } from '../../src/model/vocab';
import { tmpDir } from '../helpers/tmp';

describe('cli: bench', function () {
  this.timeout(120_000);
  it('--json gives keystroke and cold latency percentiles and the suggestion length', () => {
    const vocab = ['', '\n', ' ', 'a', 'e', 't'];
    const model = writeTemp(bigramModel(vocab, { ' ': 't', t: 'e', e: 'a', a: ' ', '': ' ', '\n': ' ' }), 'bench.onnx', 'bench');
    const r = runCli(['bench', '--model', model, '--json', '--max-chars', '12']);
    assert.equal(r.code, 0, r.stderr);
    const got = lastJson(r.stdout);
    assert.deepEqual(Object.keys(got), ['ms_p50', 'ms_p95', 'ms_max', 'cold_ms_p50', 'cold_ms_p95', 'chars_per_suggestion']);
    assert.ok((got.ms_p50 as number) <= (got.ms_p95 as number) && (got.ms_p95 as number) <= (got.ms_max as number));
    const chars = got.chars_per_suggestion as number;
    assert.ok(chars > 9 && chars <= 12, `the cycle " tea" runs to --max-chars 12, cut back to a word boundary: ${chars}`);
    assert.match(r.stderr, /bench: round 5 of 5/);
  });

  it('--while-training measures again while a real retrain runs in a child process, then stops it', async () => {
    const model = path.join(tmpDir('bench-train'), 'tiny.onnx');
    await exportModel(initParams({ vocab: 98, embed: 8, layers: 1, hidden: 16 }, 3), defaultCodeVocab(), {}, model);
    const before = new Set(fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith('char-lstm-bench-')));
    const r = runCli(['bench', '--model', model, '--json', '--while-training']);
    assert.equal(r.code, 0, r.stderr);
    const got = lastJson(r.stdout);
    for (const k of ['training_ms_p50', 'training_ms_p95', 'training_ms_max', 'training_cold_ms_p95', 'training_chars_per_s', 'p95_ratio']) {
      assert.equal(typeof got[k], 'number', k);
    }
    assert.ok((got.training_chars_per_s as number) > 0, 'the trainer reported its speed, so it was running');
    assert.ok(Math.abs((got.p95_ratio as number) - (got.training_ms_p95 as number) / (got.ms_p95 as number)) < 0.02);
    assert.match(r.stderr, /bench \(training\): round 5 of 5/);
    const left = fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith('char-lstm-bench-') && !before.has(f));
    assert.deepEqual(left, [], 'the temporary workspace is removed');
  });
});
