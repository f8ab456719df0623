import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  Corpus, collectCorpus, containsPrivateKey, describeCorpus, emptyCorpusMessage, isMinified,
  isSecretName, splitOf,
} from '../../training/corpus';

let tmp: string;

/** Writes files (relative path -> content) under a fresh folder of the temp dir. */
function tree(files: Record<string, string | Buffer>): string {
  const root = fs.mkdtempSync(path.join(tmp, 'tree-'));
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(root, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, content);
  }
  return root;
}

const paths = (c: Corpus): string[] => c.files.map((f) => f.path);
const CODE = 'export function add(a: number, b: number): number {\n  return a + b;\n}\n';

describe('training/corpus', () => {
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-test-'));
  });
  after(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('honours root and nested .gitignore files, negation and .git/info/exclude', async () => {
    const root = tree({
      '.gitignore': '*.log\n/gen.ts\nignored_dir/\n*.txt\n',
      '.git/info/exclude': 'local_only.ts\n',
      '.git/config': CODE,
      'a.ts': CODE,
      'x.log': CODE,
      'gen.ts': CODE,
      'local_only.ts': CODE,
      'lib/gen.ts': CODE, // `/gen.ts` is anchored to the root
      'ignored_dir/y.ts': CODE,
      'ignored_dir/z.ts': CODE,
      'sub/.gitignore': '*.ts\n!keep.ts\n!notes.txt\n',
      'sub/drop.ts': CODE,
      'sub/keep.ts': CODE,
      'sub/notes.txt': CODE, // a deeper .gitignore overrides the root's `*.txt`
      'sub/deep/also.ts': CODE, // nested rules apply to sub/ and below
      'other/drop.ts': CODE, // ...but not beside sub/
    });
    const c = await collectCorpus(root);
    assert.deepEqual(paths(c), ['.gitignore', 'a.ts', 'lib/gen.ts', 'other/drop.ts', 'sub/.gitignore', 'sub/keep.ts', 'sub/notes.txt']);
    // x.log, gen.ts, local_only.ts, ignored_dir (one folder), sub/drop.ts, sub/deep/also.ts
    assert.equal(c.skipped.gitignored, 6);
    assert.deepEqual(c.skippedExamples.gitignored, ['gen.ts', 'ignored_dir', 'local_only.ts']);
  });

  it('skips .git, node_modules and build folders (counted once per folder), keeps vendor/', async () => {
    const root = tree({
      '.git/HEAD': 'ref: refs/heads/main\n',
      'node_modules/pkg/index.js': CODE,
      'node_modules/pkg/lib/more.js': CODE,
      'web/dist/bundle.js': CODE,
      '__pycache__/m.py': CODE,
      'vendor/v.ts': CODE,
      'src/main.ts': CODE,
    });
    const c = await collectCorpus(root);
    assert.deepEqual(paths(c), ['src/main.ts', 'vendor/v.ts']);
    assert.equal(c.skipped['build-output'], 3);
    assert.deepEqual(c.skippedExamples['build-output'], ['__pycache__', 'node_modules', 'web/dist']);
  });

  it('rejects secrets by name without reading them', async () => {
    const secret = 'TOPSECRET-7f3a9c';
    const names = ['.env', '.env.local', 'certs/server.pem', 'tls.key', 'id_rsa', 'id_ed25519.pub',
      'aws_credentials.json', '.npmrc', '.netrc', 'store.jks', 'vault.kdbx', 'cert.p12'];
    const files: Record<string, string> = { 'main.ts': CODE };
    for (const n of names) files[n] = `${secret}\n`;
    const root = tree(files);
    for (const n of names) fs.chmodSync(path.join(root, n), 0o000);
    const opened: string[] = [];
    // The module object itself (an `import * as` binding would be a read-only copy).
    const fsp = require('node:fs/promises') as typeof import('node:fs/promises');
    const realOpen = fsp.open;
    const realReadFile = fsp.readFile;
    const spy = fsp as unknown as Record<string, unknown>;
    spy.open = (p: fs.PathLike, ...rest: unknown[]) => {
      opened.push(String(p));
      return (realOpen as (...a: unknown[]) => unknown)(p, ...rest);
    };
    spy.readFile = (p: fs.PathLike, ...rest: unknown[]) => {
      opened.push(String(p));
      return (realReadFile as (...a: unknown[]) => unknown)(p, ...rest);
    };
    let c: Corpus;
    try {
      c = await collectCorpus(root);
    } finally {
      spy.open = realOpen;
      spy.readFile = realReadFile;
    }
    assert.deepEqual(paths(c), ['main.ts']);
    assert.equal(c.skipped.secret, names.length);
    assert.equal(c.skipped.unreadable, 0);
    assert.ok(c.files.every((f) => !f.text.includes(secret)));
    assert.ok(opened.some((p) => p.endsWith('main.ts')), 'the spy sees reads');
    const readSecrets = opened.filter((p) => names.some((n) => p.endsWith(path.join(root, n))));
    assert.deepEqual(readSecrets, []);
  });

  it('rejects files containing a private key block', async () => {
    const root = tree({
      'notes.md': `# keys\n-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----\n`,
      'deploy.sh': `cat <<EOF\n-----BEGIN OPENSSH PRIVATE KEY-----\nb3Blbg\nEOF\n`,
      'pub.md': `-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----\n`,
    });
    const c = await collectCorpus(root);
    assert.deepEqual(paths(c), ['pub.md']);
    assert.equal(c.skipped.secret, 2);
  });

  it('skips binary files: NUL bytes, invalid UTF-8, binary extensions', async () => {
    const root = tree({
      'nul.ts': Buffer.from('const a = 1;\n\0\n'),
      'latin1.txt': Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]), // "café" in Latin-1
      'logo.png': CODE, // rejected by extension, whatever the content
      'utf8.txt': 'café ☕ 𝄞\n',
    });
    const c = await collectCorpus(root);
    assert.deepEqual(paths(c), ['utf8.txt']);
    assert.equal(c.skipped.binary, 3);
    assert.equal(c.trainChars + c.valChars, 9); // code points: 𝄞 is 2 UTF-16 units
  });

  it('skips minified and generated files by content and by name', async () => {
    const root = tree({
      'long-line.js': `var a=1;\n${'x'.repeat(1001)}\n`,
      'wide.js': `${'y'.repeat(250)}\n`.repeat(5),
      'app.min.js': CODE,
      'style.min.css': CODE,
      'app.js.map': CODE,
      'vendor.bundle.js': CODE,
      'ok.js': `${'z'.repeat(1000)}\n${'w = 1;\n'.repeat(10)}`,
    });
    const c = await collectCorpus(root);
    assert.deepEqual(paths(c), ['ok.js']);
    assert.equal(c.skipped.minified, 6);
  });

  it('skips files over maxFileBytes (default 1 MB), empty files and lockfiles', async () => {
    const line = 'let value = compute(input, options);\n';
    const root = tree({
      'big.ts': line.repeat(Math.ceil((1024 * 1024 + 1) / line.length)),
      'medium.ts': line.repeat(10),
      'empty.ts': '',
      'blank.ts': '\n  \r\n',
      'package-lock.json': '{"lockfileVersion": 3}\n',
      'yarn.lock': CODE, 'Cargo.lock': CODE, 'go.sum': CODE, 'custom.lock': CODE, 'pnpm-lock.yaml': CODE,
    });
    const c = await collectCorpus(root);
    assert.deepEqual(paths(c), ['medium.ts']);
    assert.equal(c.skipped['too-large'], 1);
    assert.equal(c.skipped.empty, 2);
    assert.equal(c.skipped.lockfile, 6);
    const small = await collectCorpus(root, { maxFileBytes: 100 });
    assert.deepEqual(paths(small), []);
    assert.equal(small.skipped['too-large'], 2);
  });

  it('normalises CRLF to LF and counts characters', async () => {
    const root = tree({ 'win.ts': 'a\r\nb\r\n\r\nc' });
    const c = await collectCorpus(root);
    assert.equal(c.files[0].text, 'a\nb\n\nc');
    assert.equal(c.trainChars + c.valChars, 6);
  });

  it('skips symlinks without following them', async () => {
    const outside = tree({ 'target.ts': 'LINKED_CONTENT\n', 'dir/x.ts': 'LINKED_DIR\n' });
    const root = tree({ 'real.ts': CODE });
    fs.symlinkSync(path.join(outside, 'target.ts'), path.join(root, 'link.ts'));
    fs.symlinkSync(path.join(outside, 'dir'), path.join(root, 'linkdir'));
    const c = await collectCorpus(root);
    assert.deepEqual(paths(c), ['real.ts']);
    assert.equal(c.skipped.symlink, 2);
  });

  it('applies extra exclude patterns (gitignore syntax) to files and folders', async () => {
    const root = tree({ 'a.ts': CODE, 'b.gen.ts': CODE, 'generated/c.ts': CODE, 'src/generated/d.ts': CODE });
    const c = await collectCorpus(root, { exclude: ['*.gen.ts', 'generated/'] });
    assert.deepEqual(paths(c), ['a.ts']);
    assert.equal(c.skipped.excluded, 3);
    const all = await collectCorpus(root);
    assert.equal(all.files.length, 4);
  });

  it('returns files in sorted path order and splits deterministically with both sides non-empty', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 40; i++) files[`src/m${i}/f${i}.ts`] = `${CODE}// ${i}\n`;
    files['a.ts'] = CODE;
    files['a/b.ts'] = CODE;
    const root = tree(files);
    const c1 = await collectCorpus(root);
    const c2 = await collectCorpus(root);
    const sorted = [...paths(c1)].sort((x, y) => (x < y ? -1 : 1));
    assert.deepEqual(paths(c1), sorted);
    assert.deepEqual(c1.files.map((f) => f.split), c2.files.map((f) => f.split));
    for (const f of c1.files) assert.equal(f.split, splitOf(f.path, 0.1));
    assert.ok(c1.files.some((f) => f.split === 'val') && c1.files.some((f) => f.split === 'train'));

    const two = tree({ 'x.ts': CODE, 'y.ts': CODE });
    for (const valFraction of [0, 1]) {
      const c = await collectCorpus(two, { valFraction });
      assert.deepEqual(c.files.map((f) => f.split).sort(), ['train', 'val'], `valFraction ${valFraction}`);
      assert.ok(c.trainChars > 0 && c.valChars > 0);
    }
    const one = await collectCorpus(tree({ 'only.ts': CODE }), { valFraction: 1 });
    assert.deepEqual(one.files.map((f) => f.split), ['train']);
    assert.equal(one.trainChars, CODE.length);
    assert.equal(one.valChars, 0);
  });

  it('splitOf is a pure function of the path with roughly the requested fraction', () => {
    assert.equal(splitOf('src/a.ts', 0.3), splitOf('src/a.ts', 0.3));
    assert.equal(splitOf('src/a.ts', 0), 'train');
    assert.equal(splitOf('src/a.ts', 1), 'val');
    let val = 0;
    for (let i = 0; i < 2000; i++) if (splitOf(`dir/file${i}.ts`, 0.1) === 'val') val++;
    assert.ok(val > 140 && val < 260, `val count ${val}`);
  });

  it('describes the corpus and explains an empty one with reasons', async () => {
    const root = tree({ '.env': 'X=1\n', 'img.png': 'x', 'data.bin': 'x', 'node_modules/a.js': CODE });
    const c = await collectCorpus(root);
    assert.equal(c.files.length, 0);
    const msg = emptyCorpusMessage(c);
    assert.match(msg, /No trainable files under /);
    assert.match(msg, /2 binary/);
    assert.match(msg, /1 possible secret \(e\.g\. \.env\)/);
    assert.match(msg, /1 build\/dependency folder/);
    assert.match(msg, /1 MB/);
    const nothing = await collectCorpus(tree({}));
    assert.match(emptyCorpusMessage(nothing), /contains no files/);

    const used = await collectCorpus(tree({ 'a.ts': CODE, 'b.ts': CODE, '.env': 'X=1\n' }));
    const d = describeCorpus(used);
    assert.match(d, /^Using 2 files under .*\(\d+ characters\); skipped 1 path: 1 possible secret\.$/);
  });

  it('reports progress and stops on abort', async () => {
    const root = tree({ 'a.ts': CODE, 'b.ts': CODE, '.env': 'X=1\n' });
    const seen: number[] = [];
    await collectCorpus(root, { onProgress: (n) => seen.push(n) });
    assert.equal(seen[seen.length - 1], 3);
    const ac = new AbortController();
    ac.abort(new Error('stop'));
    await assert.rejects(collectCorpus(root, { signal: ac.signal }), /stop/);
    await assert.rejects(collectCorpus(path.join(root, 'missing')), /Cannot read folder/);
  });

  it('pure filters: isSecretName, containsPrivateKey, isMinified', () => {
    for (const n of ['.env', 'a/.env.production', 'k.PEM', 'id_ecdsa', 'x/id_dsa.pub', 'my-credentials.yaml', '.pypirc', 'a.pfx', 'b.keystore']) {
      assert.ok(isSecretName(n), n);
    }
    for (const n of ['env.ts', 'src/keys.ts', 'environment.ts', 'monkey.ts', 'id.ts', 'README.md']) {
      assert.ok(!isSecretName(n), n);
    }
    assert.ok(containsPrivateKey('x\n-----BEGIN EC PRIVATE KEY-----\n'));
    assert.ok(containsPrivateKey('-----BEGIN PRIVATE KEY-----'));
    assert.ok(!containsPrivateKey('-----BEGIN CERTIFICATE-----'));
    assert.ok(isMinified('a\n'.repeat(3), 'x.min.js'));
    assert.ok(isMinified('q'.repeat(1001), 'x.js'));
    assert.ok(!isMinified(`${'q'.repeat(1000)}\n${'ab\n'.repeat(9)}`, 'x.js'));
    assert.ok(isMinified(`${'q'.repeat(201)}\n`, 'x.js'));
    assert.ok(!isMinified(`${'q'.repeat(200)}\n`, 'x.js'));
    assert.ok(!isMinified(`${'q'.repeat(200)}\n${'q'.repeat(200)}`, 'x.js'));
    assert.ok(isMinified(`${'q'.repeat(300)}\n${'q'.repeat(150)}\n`, 'x.js'));
    assert.ok(!isMinified(`${'q'.repeat(300)}\n\n`, 'x.js'));
    assert.ok(!isMinified('', 'x.js'));
  });
});
