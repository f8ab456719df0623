import * as assert from 'node:assert/strict';
import { defaultCodeVocab, normalizeNewlines, UNKNOWN, Vocab, vocabProblem } from '../../src/model/vocab';

describe('model: Vocab', () => {
  const vocab = new Vocab(defaultCodeVocab());

  it('round-trips code made of its characters', () => {
    const text = 'function f(a, b) {\n\treturn a + b; // ~`@#$%^&*_|\\"\'<>?\n}\n';
    const toks = vocab.encode(text);
    assert.equal(toks.length, [...text].length);
    assert.ok(toks.every((k) => k > 0 && k < vocab.size));
    assert.equal(vocab.decode(toks), text);
  });

  it('maps characters outside it to token 0, one token per code point', () => {
    const toks = vocab.encode('aé😀\u0000b\r');
    assert.deepEqual(toks, [vocab.tokenOf('a'), UNKNOWN, UNKNOWN, UNKNOWN, vocab.tokenOf('b'), UNKNOWN]);
    assert.equal(vocab.decode(toks), 'ab');
  });

  it('reads \\r\\n as \\n, and only that pair', () => {
    assert.deepEqual(vocab.encode('a\r\nb'), vocab.encode('a\nb'));
    assert.equal(vocab.decode(vocab.encode('x\r\n\r\ny\n')), 'x\n\ny\n');
    assert.equal(normalizeNewlines('a\r\r\nb\n\r'), 'a\r\nb\n\r');
  });

  it('the start token is the newline; entry 0 never maps a character', () => {
    assert.equal(vocab.chars[vocab.startToken], '\n');
    const odd = new Vocab(['<unk>', 'x', '<', 'x']);
    assert.equal(odd.tokenOf('x'), 1, 'the first occurrence wins');
    assert.equal(odd.tokenOf('<unk>'), UNKNOWN);
    assert.equal(odd.startToken, UNKNOWN, 'no newline in the vocabulary: start from the unknown token');
  });

  it('vocabProblem names what is wrong with a vocabulary from a model file', () => {
    assert.equal(vocabProblem(['<unk>', 'a', '😀']), undefined);
    assert.match(vocabProblem({ a: 1 }) ?? '', /not a JSON array/);
    assert.match(vocabProblem(['']) ?? '', /1 entries/);
    assert.match(vocabProblem(['', 'ab']) ?? '', /entry 1 .* not a single character/);
    assert.match(vocabProblem(['', 'a', 3]) ?? '', /entry 2 is not a string/);
  });
});
