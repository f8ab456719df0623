import * as assert from 'node:assert/strict';
import { DEFAULT_ENGINE_SETTINGS, LstmCompletionEngine } from '../../src/engine/engine';
import { RejectionMemory } from '../../src/engine/rejections';
import { CharModel } from '../../src/runtime/onnxModel';
import { request, tableModel } from './engineHelpers';

/** Shows `text` at `prefix`, then types each of `typed` in turn (one request per prefix). */
function session(m: RejectionMemory, doc: string, prefix: string, text: string, ...typed: string[]): void {
  m.observe(doc, prefix);
  m.check(doc, prefix, text);
  for (const t of typed) {
    m.observe(doc, t);
    m.check(doc, t, undefined);
  }
}

describe('engine: rejection memory', () => {
  it('a suggestion typed past is held back next time, in the same word, in that document only', () => {
    const m = new RejectionMemory();
    session(m, 'd', 'a;\n\texpo', 'rts', 'a;\n\texpor', 'a;\n\texport');
    assert.equal(m.check('d', 'b;\n\texpo', 'rts'), 'rts', 'typing through the ghost text is no rejection');
    const m2 = new RejectionMemory();
    session(m2, 'd', 'a;\n\texpo', 'rts', 'a;\n\texpor', 'a;\n\texport', 'a;\n\texport ');
    assert.equal(m2.check('d', 'b;\n\texpo', 'rts'), undefined);
    assert.equal(m2.check('d', 'c = expor', 'ts'), undefined, 'the same completed word');
    assert.equal(m2.check('d', 'b;\n\texpo', 'rt'), 'rt');
    assert.equal(m2.check('other', 'b;\n\texpo', 'rts'), 'rts');
    m2.forget('d');
    assert.equal(m2.check('d', 'b;\n\texpo', 'rts'), 'rts');
  });

  it('a held-back suggestion that the user then types is no longer rejected', () => {
    const m = new RejectionMemory();
    session(m, 'd', 'expo', 'rts', 'expor', 'export', 'export ');
    m.observe('d', 'export x = 1;\nexpo');
    assert.equal(m.check('d', 'export x = 1;\nexpo', 'rts'), undefined, 'held back');
    for (const t of ['r', 'rt', 'rts']) {
      m.observe('d', `export x = 1;\nexpo${t}`);
      m.check('d', `export x = 1;\nexpo${t}`, undefined);
    }
    assert.equal(m.check('d', 'y = expo', 'rts'), 'rts', 'it was right after all');
  });

  it('accepting, deleting or moving away is no rejection; outside a word the key is the last character', () => {
    const m = new RejectionMemory();
    session(m, 'd', 'x = /', '**', 'x = /**', 'x = /** a');
    assert.equal(m.check('d', 'y /', '**'), '**', 'accepted');
    session(m, 'd', 'x = /', '**', 'x = ', 'x = /x');
    assert.equal(m.check('d', 'y /', '**'), '**', 'deleted first: no verdict');
    session(m, 'd', 'x = /', '**', 'x = //');
    assert.equal(m.check('d', 'y /', '**'), undefined);
    assert.equal(m.check('d', 'y +', '**'), '**');
    session(m, 'd', 'abc', 'def', 'xyzabcq');
    assert.equal(m.check('d', 'abc', 'def'), 'def', 'a prefix that does not extend the old one: no verdict');
  });

  it('keeps a bounded number of rejections per document', () => {
    const m = new RejectionMemory();
    for (let k = 0; k < 300; k++) session(m, 'd', `w${k}`, 'zz', `w${k}q`);
    assert.equal(m.check('d', 'w299', 'zz'), undefined);
    assert.equal(m.check('d', 'w0', 'zz'), 'zz', 'the oldest went');
  });

  it('engine: the same wrong suggestion is not shown again in the document', async () => {
    const vocab = ['', '\n', 'x', '(', ')', '.', 'k'];
    const model = await CharModel.fromBytes(tableModel(vocab, { x: { '(': 0.95 }, '(': { ')': 0.95 }, ')': { '.': 0.95 } }), 'table.onnx');
    const engine = new LstmCompletionEngine(model);
    const s = DEFAULT_ENGINE_SETTINGS;
    assert.equal((await engine.suggest(request('x'), s))?.text, '().');
    assert.equal((await engine.suggest(request('x('), s))?.text, ').', 'typing through it');
    await engine.suggest(request('x(k'), s); // typed past: rejected
    assert.equal(await engine.suggest(request('x(k\nx'), s), undefined);
    assert.equal((await engine.suggest(request('x(k\nx', { docId: 'other' }), s))?.text, '().');
    const forgetful = new LstmCompletionEngine(model, { rememberRejections: false });
    await forgetful.suggest(request('x'), s);
    await forgetful.suggest(request('x(k'), s);
    assert.equal((await forgetful.suggest(request('x(k\nx'), s))?.text, '().', 'rememberRejections: false');
    await model.release();
  });
});
