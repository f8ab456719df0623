import * as assert from 'assert';
import ignore from 'ignore';
import { enabledGlobs, excludePatterns, expandBraces, globToGitignore } from '../../src/vscode/logic/excludes';

describe('vscode/excludes: VS Code exclude settings -> trainer --exclude patterns', () => {
  it('expands brace alternatives, nested and several', () => {
    assert.deepStrictEqual(expandBraces('**/*.{js,ts}'), ['**/*.js', '**/*.ts']);
    assert.deepStrictEqual(expandBraces('{a,b}/{c,d}'), ['a/c', 'a/d', 'b/c', 'b/d']);
    assert.deepStrictEqual(expandBraces('x.{a,{b,c}}'), ['x.a', 'x.b', 'x.c']);
    assert.deepStrictEqual(expandBraces('plain/*.md'), ['plain/*.md']);
    assert.deepStrictEqual(expandBraces('odd{'), ['odd{']);
  });

  it('anchors patterns to the folder like VS Code does, except those starting with **', () => {
    assert.strictEqual(globToGitignore('**/node_modules'), '**/node_modules');
    assert.strictEqual(globToGitignore('*.log'), '/*.log');
    assert.strictEqual(globToGitignore('build/**'), '/build/**');
    assert.strictEqual(globToGitignore('./dist'), '/dist');
    assert.strictEqual(globToGitignore('!important'), '/!important');
    assert.strictEqual(globToGitignore('#notacomment'), '/#notacomment');
    assert.strictEqual(globToGitignore('  '), undefined);
  });

  it('keeps globs switched on, and reports the ones that depend on a sibling', () => {
    const notes: string[] = [];
    assert.deepStrictEqual(enabledGlobs({ '**/.git': true, '**/off': false, '**/*.js': { when: '$(basename).ts' } }, 'files.exclude', notes), ['**/.git']);
    assert.strictEqual(notes.length, 1);
    assert.match(notes[0], /files\.exclude: '\*\*\/\*\.js' depends on a sibling/);
    assert.deepStrictEqual(enabledGlobs(['x'], 'search.exclude', notes), []);
    assert.strictEqual(notes.length, 2);
    assert.deepStrictEqual(enabledGlobs(undefined, 'search.exclude', notes), []);
  });

  it('combines the three sources without duplicates and drops patterns with commas', () => {
    const r = excludePatterns({
      trainingExclude: ['generated/**', '**/*.{snap,golden}'],
      filesExclude: { '**/.git': true, '**/.DS_Store': true, '**/*.snap': true },
      searchExclude: { '**/node_modules': true, '**/bower_components': true, '**/*.code-search': true, 'a,b.txt': true },
    });
    assert.deepStrictEqual(r.patterns, [
      '/generated/**', '**/*.snap', '**/*.golden', '**/.git', '**/.DS_Store', '**/node_modules', '**/bower_components', '**/*.code-search',
    ]);
    assert.strictEqual(r.notes.length, 1);
    assert.match(r.notes[0], /comma/);
  });

  it('the patterns exclude what VS Code would, under gitignore rules', () => {
    const { patterns } = excludePatterns({ trainingExclude: ['*.log', 'docs/**', '**/fixtures'], filesExclude: { '**/*.{tmp,bak}': true } });
    const ig = ignore().add(patterns);
    const excluded = (p: string) => ig.ignores(p);
    assert.ok(excluded('top.log'));
    assert.ok(!excluded('src/nested.log'), 'a glob without ** matches at the top only');
    assert.ok(excluded('docs/a/b.md'));
    assert.ok(excluded('src/test/fixtures/x.py'));
    assert.ok(excluded('a/b/c.tmp') && excluded('c.bak'));
    assert.ok(!excluded('src/main.py'));
  });
});
