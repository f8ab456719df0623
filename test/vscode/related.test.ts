import * as assert from 'node:assert/strict';
import { MAX_RELATED_DOC_CHARS, OpenDoc, RelatedDocs } from '../../src/vscode/logic/related';

function doc(name: string, text: string, languageId = 'typescript', version = 1): OpenDoc & { reads: number } {
  const d = { uri: `file:///w/${name}`, fileName: `/w/${name}`, languageId, version, length: text.length, reads: 0, text: () => (d.reads++, text) };
  return d;
}

describe('vscode/related: other open documents to copy from', () => {
  const current = { uri: 'file:///w/main.ts', languageId: 'typescript' };

  it('same language only, never the document itself, most recently focused first', () => {
    const r = new RelatedDocs();
    const open = [doc('main.ts', 'self'), doc('a.ts', 'A'), doc('b.ts', 'B'), doc('c.ts', 'C'), doc('x.py', 'PY', 'python')];
    assert.deepEqual(r.pick(current, open), ['A', 'B', 'C'], 'nothing focused yet: in the order given');
    r.touch(open[3].uri);
    r.touch(open[2].uri);
    assert.deepEqual(r.pick(current, open), ['B', 'C', 'A']);
    r.forget(open[2].uri);
    assert.deepEqual(r.pick(current, open), ['C', 'A', 'B'], 'forgotten: back to unranked');
  });

  it('stops at the character budget, and skips huge documents and secret files', () => {
    const r = new RelatedDocs();
    const open = [doc('a.ts', 'x'.repeat(600)), doc('b.ts', 'y'.repeat(600)), doc('c.ts', 'z')];
    assert.deepEqual(r.pick(current, open, 1000).map((t) => t[0]), ['x', 'y'], 'b.ts starts inside the budget; c.ts does not');
    const huge = { ...doc('huge.ts', ''), length: MAX_RELATED_DOC_CHARS + 1, text: () => assert.fail('a huge document is not read') };
    const secrets = [doc('.env.local', 'SECRET=1', 'typescript'), doc('credentials.ts', 'k', 'typescript'), doc('server.key', 'k', 'typescript')];
    assert.deepEqual(r.pick(current, [huge, ...secrets, doc('ok.ts', 'fine')]), ['fine']);
  });

  it('reads a document again only when its version changes', () => {
    const r = new RelatedDocs();
    const a = doc('a.ts', 'one');
    r.pick(current, [a]);
    r.pick(current, [a]);
    assert.equal(a.reads, 1);
    const a2 = { ...a, version: 2, text: () => 'two' };
    assert.deepEqual(r.pick(current, [a2]), ['two']);
  });
});
