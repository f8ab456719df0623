/**
 * `npm run package` (scripts/package.mjs): the linux-x64 VSIX holds the bundles, the
 * default model when the checkout has it, and onnxruntime with linux-x64 binaries only,
 * within 30 MB. The zip's central directory is read here directly.
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import { ensureBuilt, ROOT } from '../helpers/cli';
import { tmpDir } from '../helpers/tmp';

interface Entry {
  name: string;
  size: number;
  offset: number;
  method: number;
  compressed: number;
}

function zipEntries(buf: Buffer): Entry[] {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  assert.ok(eocd >= 0, 'not a zip file');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out: Entry[] = [];
  for (let k = 0; k < count; k++) {
    assert.strictEqual(buf.readUInt32LE(p), 0x02014b50);
    const method = buf.readUInt16LE(p + 10);
    const compressed = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const offset = buf.readUInt32LE(p + 42);
    out.push({ name: buf.toString('utf8', p + 46, p + 46 + nameLen), size, offset, method, compressed });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

function readEntry(buf: Buffer, e: Entry): string {
  const nameLen = buf.readUInt16LE(e.offset + 26);
  const extraLen = buf.readUInt16LE(e.offset + 28);
  const data = buf.subarray(e.offset + 30 + nameLen + extraLen, e.offset + 30 + nameLen + extraLen + e.compressed);
  return (e.method === 8 ? zlib.inflateRawSync(data) : data).toString('utf8');
}

describe('packaging: npm run package', function () {
  this.timeout(180_000);

  it('makes a linux-x64 VSIX of at most 30 MB with one platform of onnxruntime', () => {
    ensureBuilt();
    const dir = tmpDir('vsix');
    const out = path.join(dir, 'test.vsix');
    const args = ['--target', 'linux-x64', '--no-build', '--out', out, '--stage', path.join(dir, 'stage')];
    const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'package.mjs'), ...args], { cwd: ROOT, encoding: 'utf8' });
    assert.strictEqual(r.status, 0, `${r.stdout}\n${r.stderr}`);
    assert.match(r.stdout, /package: .*test\.vsix: \d+\.\d MB \(\d+ bytes\), target linux-x64/);
    const buf = fs.readFileSync(out);
    assert.ok(buf.length <= 30 * 1024 * 1024, `${buf.length} bytes`);
    const entries = zipEntries(buf);
    const names = entries.map((e) => e.name);
    for (const must of [
      'extension/package.json', 'extension/readme.md', 'extension/LICENSE.txt', 'extension/out/extension.js', 'extension/out/cli.js',
      'extension/node_modules/onnxruntime-node/dist/index.js', 'extension/node_modules/onnxruntime-common/dist/cjs/index.js',
      'extension/node_modules/onnxruntime-node/bin/napi-v6/linux/x64/onnxruntime_binding.node',
      'extension/node_modules/onnxruntime-node/bin/napi-v6/linux/x64/libonnxruntime.so.1',
    ]) assert.ok(names.includes(must), `missing ${must}`);
    assert.strictEqual(names.includes('extension/models/default.onnx'), fs.existsSync(path.join(ROOT, 'models', 'default.onnx')));
    const stray = names.filter((n) => /\/(darwin|win32|arm64)\/|\.ts$|\.map$|^extension\/(src|training|test|scripts)\//.test(n));
    assert.deepStrictEqual(stray, []);
    const manifest = JSON.parse(readEntry(buf, entries.find((e) => e.name === 'extension/package.json')!));
    assert.strictEqual(manifest.scripts, undefined, 'no install scripts');
    assert.strictEqual(manifest.devDependencies, undefined);
    assert.strictEqual(manifest.main, './out/extension.js');
    assert.match(manifest.engines.vscode, /^\^1\.90\./);
    assert.ok(manifest.contributes.configuration.properties['charLstm.temperature']);
    const vsixManifest = readEntry(buf, entries.find((e) => e.name === 'extension.vsixmanifest')!);
    assert.match(vsixManifest, /TargetPlatform="linux-x64"/);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
