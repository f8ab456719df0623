/**
 * Small pure parts of the adapter, and the rules that keep it testable: only src/vscode/
 * and src/extension.ts import `vscode`, never src/vscode/logic/; package.json declares the
 * commands the code registers.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { CMD, MENU } from '../../src/vscode/commands/ids';
import { LatestOnly } from '../../src/vscode/logic/latest';
import { fallbackWarning, modelCandidates } from '../../src/vscode/logic/modelChoice';
import { contextTail, previewItem, previewTemperatures, visible } from '../../src/vscode/logic/preview';

const root = path.join(__dirname, '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

function tsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...tsFiles(p));
    else if (e.name.endsWith('.ts')) out.push(p);
  }
  return out;
}
const importsVscode = (file: string) => /(from\s+|require\(\s*|import\s+)['"]vscode['"]/.test(fs.readFileSync(file, 'utf8'));

describe('vscode adapter: structure', () => {
  it("only src/vscode/ and src/extension.ts import 'vscode'", () => {
    const offenders = [...tsFiles(path.join(root, 'src')), ...tsFiles(path.join(root, 'training'))]
      .filter(importsVscode)
      .map((f) => path.relative(root, f).split(path.sep).join('/'))
      .filter((f) => !f.startsWith('src/vscode/') && f !== 'src/extension.ts');
    assert.deepStrictEqual(offenders, []);
  });

  it("src/vscode/logic/ and the command ids never import 'vscode' (so these tests run without it)", () => {
    const files = [...tsFiles(path.join(root, 'src', 'vscode', 'logic')), path.join(root, 'src', 'vscode', 'commands', 'ids.ts')];
    assert.deepStrictEqual(files.filter(importsVscode), []);
  });

  it('package.json declares every command, hides the internal ones from the palette, activates on startup', () => {
    const declared: string[] = pkg.contributes.commands.map((c: { command: string }) => c.command).sort();
    assert.deepStrictEqual(declared, Object.values(CMD).sort());
    for (const c of pkg.contributes.commands) assert.strictEqual(c.category, 'Char LSTM');
    const hidden = pkg.contributes.menus.commandPalette.filter((m: { when: string }) => m.when === 'false').map((m: { command: string }) => m.command).sort();
    assert.deepStrictEqual(hidden, [CMD.showCommands, CMD.status].sort());
    const declaredIds = new Set<string>(declared);
    for (const m of MENU) assert.ok(declaredIds.has(m.id), m.id);
    assert.deepStrictEqual(pkg.activationEvents, ['onStartupFinished']);
    assert.strictEqual(pkg.main, './out/extension.js');
    assert.match(pkg.engines.vscode, /^\^1\.90\./);
  });

  it('registers each command in its own file under src/vscode/commands/', () => {
    const dir = path.join(root, 'src', 'vscode', 'commands');
    const registered = new Map<string, string[]>();
    for (const f of fs.readdirSync(dir)) {
      for (const m of fs.readFileSync(path.join(dir, f), 'utf8').matchAll(/registerCommand\(CMD\.(\w+)/g)) {
        registered.set(m[1], [...(registered.get(m[1]) ?? []), f]);
      }
    }
    assert.deepStrictEqual([...registered.keys()].sort(), Object.keys(CMD).sort());
    for (const [id, files] of registered) assert.strictEqual(files.length, 1, `${id} is registered in ${files.join(', ')}`);
  });
});

describe('vscode adapter: stale requests', () => {
  it('only the newest request of a document may answer', () => {
    const l = new LatestOnly();
    const a1 = l.begin('a');
    const b1 = l.begin('b');
    const a2 = l.begin('a');
    assert.ok(!l.isLatest('a', a1));
    assert.ok(l.isLatest('a', a2));
    assert.ok(l.isLatest('b', b1), 'other documents are independent');
    l.forget('a');
    assert.ok(!l.isLatest('a', a2));
  });
});

describe('vscode adapter: which model', () => {
  const basename = (p: string) => path.basename(p);
  it('tries the workspace model, then charLstm.modelPath, then the default', () => {
    assert.deepStrictEqual(modelCandidates({ workspaceModel: '/s/workspace.onnx', modelPath: '/m/mine.onnx', defaultPath: '/e/default.onnx', basename }), [
      { kind: 'workspace', path: '/s/workspace.onnx', label: 'workspace' },
      { kind: 'custom', path: '/m/mine.onnx', label: 'mine.onnx' },
      { kind: 'default', path: '/e/default.onnx', label: 'default' },
    ]);
    assert.deepStrictEqual(modelCandidates({ basename }), []);
  });

  it('names the reason and the fallback in one warning', () => {
    const [custom, def] = modelCandidates({ modelPath: '/m/x.onnx', defaultPath: '/d.onnx', basename });
    assert.strictEqual(fallbackWarning(custom, "metadata 'char_lstm.format' is missing", def),
      "Char LSTM: cannot use the model at charLstm.modelPath (metadata 'char_lstm.format' is missing). Using the embedded default model instead.");
    assert.match(fallbackWarning(custom, 'no such file', undefined), /completions are off/);
    assert.match(fallbackWarning(custom, 'no such file', undefined, 'old.onnx'), /Still using the previous model \(old\.onnx\)\.$/);
  });
});

describe('vscode adapter: temperature preview', () => {
  it('samples the usual temperatures plus the one in use', () => {
    assert.deepStrictEqual(previewTemperatures(0), [0, 0.2, 0.4, 0.7, 1, 1.5]);
    assert.deepStrictEqual(previewTemperatures(0.55), [0, 0.2, 0.4, 0.55, 0.7, 1, 1.5]);
  });

  it('shows each sample on one line and marks the temperature in use', () => {
    assert.strictEqual(visible('a\n\tb'), 'a⏎→b');
    const cur = previewItem({ temperature: 0, text: 'return x', meanLogProb: Math.log(0.8) }, 0);
    assert.deepStrictEqual(cur, { label: '● temperature 0 (greedy)', description: 'return x', detail: 'in use now · mean probability per character 0.80', temperature: 0 });
    const none = previewItem({ temperature: 1.5, text: undefined }, 0);
    assert.strictEqual(none.label, 'temperature 1.5');
    assert.match(none.description, /nothing shown/);
    assert.strictEqual(contextTail('x\n    def very_long_function_name_here(argument_one, argument_two', 20), '…t_one, argument_two');
  });
});
