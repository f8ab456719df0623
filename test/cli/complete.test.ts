/** `char-lstm complete` through the built command, on a bigram model whose answers are known. */
import * as assert from 'node:assert/strict';
import { lastJson, runCli } from '../helpers/cli';
import { bigramModel, writeTemp } from '../helpers/models';

// After 'a' comes 'b', then 'c', then a newline; 'z' repeats forever; ' ' gives 'q', then the unknown token.
const vocab = ['', '\n', 'a', 'b', 'c', 'z', ' ', 'q'];
const next = { '\n': 'a', a: 'b', b: 'c', c: '\n', z: 'z', ' ': 'q', q: '', '': 'z' };

describe('cli: complete', function () {
  this.timeout(120_000);
  let model: string;
  let soft: string;
  before(() => {
    model = writeTemp(bigramModel(vocab, next), 'bigram.onnx', 'complete');
    soft = writeTemp(bigramModel(vocab, next, 1.5), 'soft.onnx', 'complete');
  });
  const complete = (prefix: string, ...args: string[]) => {
    const r = runCli(['complete', '--model', model, ...args], prefix);
    assert.equal(r.code, 0, r.stderr);
    return r.stdout;
  };

  it('greedy: prints the suggestion, stops before the newline, and is deterministic', () => {
    assert.equal(complete('xa'), 'bc\n');
    assert.equal(complete('xa'), 'bc\n');
    assert.equal(complete('zz\nc\r\n'), 'abc\n');
  });

  it('respects --max-chars (default 40)', () => {
    assert.equal(complete('z', '--max-chars', '3'), 'zzz\n');
    assert.equal(complete('z', '--max-chars=1'), 'z\n');
    assert.equal(complete('z'), `${'z'.repeat(40)}\n`);
  });

  it('--json gives text and engine time', () => {
    const out = lastJson(complete('b a ', '--json'));
    assert.equal(out.text, 'q');
    assert.equal(typeof out.ms, 'number');
    assert.ok((out.ms as number) >= 0 && (out.ms as number) < 10_000);
  });

  it('--jsonl: one JSON answer line per request line', () => {
    const requests = [
      { prefix: 'a', suffix: '', language: 'python' },
      { prefix: 'zz', suffix: ')\n', language: 'typescript' },
      { prefix: 'c' },
      { prefix: '\r\n' },
    ];
    const input = requests.map((r) => JSON.stringify(r)).join('\n') + '\n\n';
    const r = runCli(['complete', '--model', model, '--jsonl', '--max-chars', '5'], input);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { text: string; ms: number });
    assert.deepEqual(lines.map((l) => l.text), ['bc', 'zzzzz', '', 'abc']);
    for (const l of lines) {
      assert.deepEqual(Object.keys(l), ['text', 'ms']);
      assert.ok(l.ms >= 0);
    }
  });

  it('--jsonl refuses a line that is not a request: exit 2', () => {
    const r = runCli(['complete', '--model', model, '--jsonl'], '{"prefix": "a"}\n{"text": 1}\n');
    assert.equal(r.code, 2);
    assert.equal(JSON.parse(r.stdout.trim()).text, 'bc', 'earlier answers are already out');
    assert.match(r.stderr, /^char-lstm: stdin line 2 needs an object with a string "prefix"$/m);
  });

  it('--temperature with --seed is repeatable', () => {
    const sample = (seed: string) => {
      const r = runCli(['complete', '--model', soft, '--temperature', '1', '--seed', seed, '--max-chars', '30'], 'a');
      assert.equal(r.code, 0, r.stderr);
      return r.stdout;
    };
    const first = sample('42');
    assert.equal(sample('42'), first);
    assert.match(first, /^[abcz q]*\n$/);
    assert.ok(['1', '2', '3', '4'].map(sample).some((s) => s !== first), 'other seeds give other samples');
  });
});
