/** `char-lstm bench` through the built command: the keys of its result, on a tiny model. */
import * as assert from 'node:assert/strict';
import { lastJson, runCli } from '../helpers/cli';
import { bigramModel, writeTemp } from '../helpers/models';

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
});
