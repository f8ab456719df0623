import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { checkDisjoint, recipeFingerprint } from '../../training/defaultCorpus/build';
import { packageJsonLicense } from '../../training/defaultCorpus/fetch';
import { isIncluded, scanSource } from '../../training/defaultCorpus/scan';
import {
  type Candidate, MAX_DATA_BYTES, MAX_DTS_BYTES, applyCaps, contentHash, corpusRelPath, dedup,
  isPermissiveLicense, languageOf, languageStats, languageTable, nameDrop, sizeDrop, sourcesTable,
} from '../../training/defaultCorpus/select';
import {
  HELDOUT_SOURCES, LANGUAGES, type Language, SOURCE_CAP, type Source, TRAINING_LANGUAGE_CAPS, TRAINING_SOURCES, sourceId,
} from '../../training/defaultCorpus/sources';

function cand(p: string, chars: number, hash = p, language: Language = 'go'): Candidate {
  return { source: p.split('/')[0], path: p, language, chars, bytes: chars, hash };
}

/** Deterministic shuffle (LCG) so the test itself is reproducible. */
function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const out = [...xs];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const noCaps = Object.fromEntries(LANGUAGES.map((l) => [l, Infinity])) as Record<Language, number>;

describe('training/defaultCorpus', () => {
  describe('licence allow-list', () => {
    it('accepts permissive licences and expressions', () => {
      for (const ok of ['MIT', 'ISC', 'Apache-2.0', 'BSD-3-Clause', '(MIT OR Apache-2.0)', 'MIT AND BSD-3-Clause',
        'BSD-3-Clause OR GPL-2.0-only', 'Apache-2.0 WITH LLVM-exception', 'PSF-2.0', 'CC0-1.0', 'blessing', 'mit']) {
        assert.equal(isPermissiveLicense(ok), true, ok);
      }
    });
    it('rejects GPL, LGPL, AGPL, MPL, unknown and malformed', () => {
      for (const bad of ['GPL-2.0-only', 'GPL-3.0-or-later', 'LGPL-2.1', 'AGPL-3.0', 'MPL-2.0', 'EPL-2.0',
        'MIT AND GPL-2.0-only', '(GPL-2.0 OR LGPL-3.0)', 'UNLICENSED', 'SEE LICENSE IN LICENSE', '', undefined,
        'MIT OR', '(MIT', 'AND MIT']) {
        assert.equal(isPermissiveLicense(bad), false, String(bad));
      }
    });
    it('reads package.json licences in their old forms too', () => {
      assert.equal(packageJsonLicense({ license: 'MIT' }), 'MIT');
      assert.equal(packageJsonLicense({ license: { type: 'BSD-3-Clause' } }), 'BSD-3-Clause');
      assert.equal(packageJsonLicense({ licenses: [{ type: 'MIT' }, { type: 'Apache-2.0' }] }), 'MIT OR Apache-2.0');
      assert.equal(packageJsonLicense({}), '');
    });
  });

  describe('pinned sources', () => {
    const all: Source[] = [...TRAINING_SOURCES, ...HELDOUT_SOURCES];
    it('are all permissive, npm ones pinned to exact versions, ids unique', () => {
      for (const s of all) {
        assert.ok(isPermissiveLicense(s.license), `${sourceId(s)}: ${s.license}`);
        if (s.kind === 'npm') assert.match(s.version, /^\d+\.\d+\.\d+$/, s.name);
      }
      const ids = all.map(sourceId);
      assert.equal(new Set(ids).size, ids.length);
    });
    it('held-out shares no project with training, and a clash is detected', () => {
      checkDisjoint(TRAINING_SOURCES, HELDOUT_SOURCES);
      assert.throws(() => checkDisjoint(TRAINING_SOURCES, [TRAINING_SOURCES[0]]), /also in the training corpus/);
    });
    it('a held-out build is stale once the training corpus it was checked against changes', () => {
      const limits = { sourceCap: SOURCE_CAP };
      const held = (trainFingerprint?: string): string => recipeFingerprint({ heldout: true, sources: HELDOUT_SOURCES, limits, trainFingerprint });
      assert.equal(held('aaa'), held('aaa'));
      assert.notEqual(held('aaa'), held('bbb'));
      assert.notEqual(held('aaa'), held(undefined));
      const train = (trainFingerprint?: string): string => recipeFingerprint({ heldout: false, sources: TRAINING_SOURCES, limits, trainFingerprint });
      assert.equal(train('aaa'), train('bbb'), 'the training corpus does not depend on another corpus');
      assert.notEqual(train(), recipeFingerprint({ heldout: false, sources: TRAINING_SOURCES.slice(1), limits }));
    });
  });

  describe('dedup', () => {
    it('treats CRLF and trailing blanks as the same text', () => {
      assert.equal(contentHash('a  \r\nb\t\n\n'), contentHash('a\nb'));
      assert.notEqual(contentHash('a\nb'), contentHash('a\nc'));
    });
    it('keeps the first copy in sorted path order, whatever the input order', () => {
      const files = [cand('b/x.go', 10, 'H'), cand('a/y.go', 10, 'H'), cand('c/z.go', 5, 'K'), cand('a/a.go', 3, 'H')];
      for (const seed of [1, 2, 3]) {
        const r = dedup(shuffled(files, seed));
        assert.deepEqual(r.kept.map((c) => c.path), ['a/a.go', 'c/z.go']);
        assert.deepEqual(r.removed.map((c) => c.path), ['a/y.go', 'b/x.go']);
      }
    });
    it('removes hashes that are excluded (held-out vs training)', () => {
      const r = dedup([cand('a/1.go', 1, 'T'), cand('a/2.go', 1, 'U')], new Set(['T']));
      assert.deepEqual(r.kept.map((c) => c.path), ['a/2.go']);
      assert.equal(r.removed.length, 1);
    });
  });

  describe('caps', () => {
    const files: Candidate[] = [];
    for (let i = 0; i < 200; i++) files.push(cand(`big/f${i}.go`, 100 + (i % 7)));
    for (let i = 0; i < 50; i++) files.push(cand(`small/f${i}.rs`, 50, `s${i}`, 'rust'));

    it('per-source cap: same selection for any input order, within the cap, sampled across the tree', () => {
      const a = applyCaps(files, 5000, noCaps);
      for (const seed of [7, 8, 9]) assert.deepEqual(applyCaps(shuffled(files, seed), 5000, noCaps), a);
      const big = a.selected.filter((c) => c.source === 'big');
      const total = big.reduce((n, c) => n + c.chars, 0);
      assert.ok(total <= 5000 && total > 4800, `${total}`);
      // hash order, not path order: not simply the first files of the sorted tree
      assert.ok(big.some((c) => Number(c.path.slice(5, -3)) >= 100));
      assert.equal(a.selected.filter((c) => c.source === 'small').length, 50);
      assert.ok(a.cappedBySource > 0);
      const sorted = [...a.selected].sort((x, y) => (x.path < y.path ? -1 : 1));
      assert.deepEqual(a.selected, sorted);
    });
    it('per-language cap applies across sources', () => {
      const caps = { ...noCaps, rust: 1000 };
      const r = applyCaps(files, Infinity, caps);
      const rust = r.selected.filter((c) => c.language === 'rust');
      assert.equal(rust.reduce((n, c) => n + c.chars, 0), 1000);
      assert.equal(r.cappedByLanguage, 30);
      assert.equal(r.selected.filter((c) => c.language === 'go').length, 200);
    });
    it('training caps add up to about 80-100 M characters, and no one source can fill a language', () => {
      const sum = Object.values(TRAINING_LANGUAGE_CAPS).reduce((n, c) => n + c, 0);
      assert.ok(sum >= 80e6 && sum <= 100e6, `${sum}`);
      for (const l of ['typescript', 'javascript', 'python', 'go', 'rust', 'c-cpp'] as const) {
        assert.ok(SOURCE_CAP <= TRAINING_LANGUAGE_CAPS[l] / 2, l);
      }
    });
  });

  describe('file rules', () => {
    it('detects languages by extension and sh/bash shebangs', () => {
      assert.equal(languageOf('a/b.d.ts'), 'typescript');
      assert.equal(languageOf('x.MJS'), 'javascript');
      assert.equal(languageOf('x.hpp'), 'c-cpp');
      assert.equal(languageOf('x.yml'), 'yaml');
      assert.equal(languageOf('bin/tool', '#!/usr/bin/env bash'), 'shell');
      assert.equal(languageOf('bin/tool', '#! /bin/sh'), 'shell');
      assert.equal(languageOf('bin/tool', '#!/usr/bin/env python3'), undefined);
      assert.equal(languageOf('Makefile', 'all:'), undefined);
      assert.equal(languageOf('x.rb'), undefined);
    });
    it('drops by name, size and kind', () => {
      assert.equal(nameDrop('x.rb'), 'not-code');
      assert.equal(nameDrop('package-lock.json'), 'lockfile');
      assert.equal(nameDrop('.env'), 'secret');
      assert.equal(nameDrop('a.min.js'), 'minified');
      assert.equal(nameDrop('src/a.ts'), undefined);
      assert.equal(sizeDrop('go/testdata/big.go', MAX_DATA_BYTES + 1, 'go'), 'large-test-data');
      assert.equal(sizeDrop('src/big.go', MAX_DATA_BYTES + 1, 'go'), undefined);
      assert.equal(sizeDrop('schema.json', MAX_DATA_BYTES + 1, 'json'), 'large-data');
      assert.equal(sizeDrop('lib/lib.dom.d.ts', MAX_DTS_BYTES + 1, 'typescript'), 'large-dts');
      assert.equal(sizeDrop('a.c', 2 * 1024 * 1024, 'c-cpp'), 'too-large');
    });
    it('renames folders the trainer would skip', () => {
      assert.equal(corpusRelPath('dist/vue.cjs.js'), '_dist/vue.cjs.js');
      assert.equal(corpusRelPath('go/build/build.go'), 'go/_build/build.go');
      assert.equal(corpusRelPath('src/build.go'), 'src/build.go');
    });
    it('include prefixes select folders and exact files', () => {
      assert.equal(isIncluded('src', true, ['src/']), true);
      assert.equal(isIncluded('lib', true, ['src/']), false);
      assert.equal(isIncluded('ReactAndroid', true, ['ReactAndroid/src/main/java/']), true);
      assert.equal(isIncluded('README.md', false, ['readme.md']), true);
      assert.equal(isIncluded('x.js', false, undefined), true);
    });
  });

  describe('scan (offline, temp folder)', () => {
    let root: string;
    before(() => {
      root = fs.mkdtempSync(path.join(os.tmpdir(), 'default-corpus-'));
      const put = (rel: string, body: string | Buffer): void => {
        fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
        fs.writeFileSync(path.join(root, rel), body);
      };
      put('src/a.ts', 'export const a = 1;\r\n');
      put('src/skip.ts', 'export const b = 2;\n');
      put('dist/b.js', 'module.exports = 2;\n');
      put('bin/run', '#!/bin/bash\necho hi\n');
      put('docs/api.md.gz', gzipSync('# API\n\ntext\n'));
      put('img.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0]));
      put('bad.c', Buffer.from([0x69, 0x6e, 0x74, 0, 0x3b]));
      put('node_modules/x/index.js', 'x\n');
      put('key.js', '-----BEGIN RSA PRIVATE KEY-----\nabc\n');
    });
    after(() => fs.rmSync(root, { recursive: true, force: true }));

    it('applies include/exclude, filters, gunzip and path renames', () => {
      const source: Source = { kind: 'debian', name: 'demo', packages: ['demo'], roots: [root], license: 'MIT',
        exclude: ['skip.ts'], gunzip: true };
      const staged = { id: 'demo', kind: 'debian' as const, label: 'demo', version: '1', license: 'MIT',
        licenseFound: 'MIT', roots: [{ abs: root, prefix: '' }] };
      const r = scanSource(source, staged);
      assert.deepEqual(r.files.map((f) => [f.path, f.language]), [
        ['demo/bin/run', 'shell'], ['demo/_dist/b.js', 'javascript'], ['demo/docs/api.md', 'markdown'],
        ['demo/src/a.ts', 'typescript'],
      ]);
      assert.equal(r.files.find((f) => f.path.endsWith('a.ts'))!.hash, contentHash('export const a = 1;'));
      assert.equal(r.files.find((f) => f.path.endsWith('api.md'))!.gzip, true);
      assert.deepEqual(r.dropped, { binary: 2, secret: 1 });
    });
  });

  it('tables are deterministic Markdown', () => {
    const files = [cand('a/x.go', 1_500_000), cand('b/y.rs', 500_000, 'y', 'rust')];
    assert.equal(languageTable(languageStats(files)),
      '| language | files | M chars |\n|---|---:|---:|\n| go | 1 | 1.50 |\n| rust | 1 | 0.50 |\n| **total** | 2 | 2.00 |');
    assert.equal(sourcesTable([{ label: 'npm a@1.0.0', license: 'MIT', languages: { rust: 5e5, go: 1.5e6 }, files: 2, chars: 2e6 }]).split('\n')[2],
      '| npm a@1.0.0 | MIT | go 1.50, rust 0.50 | 2 | 2.00 |');
  });
});
