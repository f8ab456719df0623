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

  it('--jsonl takes "related" (other open files to copy from) and refuses one that is not an array of strings', () => {
    const ok = runCli(['complete', '--model', model, '--jsonl'], '{"prefix": "a", "related": ["xa bc"]}\n');
    assert.equal(ok.code, 0, ok.stderr);
    assert.equal(JSON.parse(ok.stdout.trim()).text, 'bc');
    const bad = runCli(['complete', '--model', model, '--jsonl'], '{"prefix": "a", "related": [1]}\n');
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /stdin line 1: "related" must be an array of strings/);
  });

  it('--temperature: the context seeds the sampler (repeatable); --seed picks another sequence', () => {
    const sample = (prefix: string, ...seed: string[]) => {
      const args = ['complete', '--model', soft, '--temperature', '1', '--candidates', '1', '--min-confidence', '0', '--min-joint-confidence', '0'];
      const r = runCli([...args, '--max-chars', '30', ...seed], prefix);
      assert.equal(r.code, 0, r.stderr);
      return r.stdout;
    };
    const first = sample('a');
    assert.equal(sample('a'), first, 'no --seed: the same text gives the same sample');
    assert.match(first, /^[abcz q]*\n$/);
    const seeded = sample('a', '--seed', '42');
    assert.equal(sample('a', '--seed', '42'), seeded);
    assert.ok(['1', '2', '3', '4'].map((s) => sample('a', '--seed', s)).some((s) => s !== seeded), 'other seeds give other samples');
  });

  it('the default gates: nothing when the model is unsure, and options to turn them off', () => {
    const r = runCli(['complete', '--model', soft], 'a');
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '\n', 'p = 0.39 per character is below the default gate');
    const off = runCli(['complete', '--model', soft, '--min-confidence', '0', '--min-joint-confidence', '0'], 'a');
    assert.equal(off.stdout, 'bc\n', 'greedy without gates');
    const bad = runCli(['complete', '--model', soft, '--top-p', '2'], 'a');
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--top-p must be at most 1/);
  });

  it('--jsonl: text after the cursor on its line blocks a suggestion; closers do not', () => {
    const requests = [
      { prefix: 'xa', suffix: 'foo' },
      { prefix: 'xa', suffix: ')];\nfoo' },
      { prefix: 'xa', suffix: '\nfoo' },
    ];
    const r = runCli(['complete', '--model', model, '--jsonl'], requests.map((q) => JSON.stringify(q)).join('\n'));
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(r.stdout.trim().split('\n').map((l) => JSON.parse(l).text), ['', 'bc', 'bc']);
  });
});
