/**
 * `npm run test:integration`: the mocha suite of test/suite/ inside a real editor, through
 * @vscode/test-electron's runTests. Here that editor is code-server + Chromium, through the
 * stand-in scripts/e2e/code-server-vscode.sh (DESIGN §5); where desktop VS Code can be
 * downloaded, E2E_VSCODE=desktop lets runTests download and use it, and E2E_VSCODE=PATH
 * uses a VS Code executable at hand. The extension runs from this checkout
 * (extensionDevelopmentPath), on a copy of test/e2e/fixtures/workspace.
 * Model: models/default.onnx, or E2E_MODEL=FILE through charLstm.modelPath.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runTests } from '@vscode/test-electron';
import { BASE_SETTINGS, makeProfile, ROOT } from './harness/codeServer';

function build(): void {
  for (const script of ['scripts/build.mjs', 'scripts/e2e/build-suite.mjs']) {
    const r = spawnSync(process.execPath, [path.join(ROOT, script)], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error(`${script} failed`);
  }
}

function modelSettings(tmp: string): Record<string, unknown> {
  if (process.env.E2E_MODEL) {
    const copy = path.join(tmp, path.basename(process.env.E2E_MODEL));
    fs.copyFileSync(process.env.E2E_MODEL, copy);
    return { 'charLstm.modelPath': copy };
  }
  if (!fs.existsSync(path.join(ROOT, 'models', 'default.onnx'))) {
    throw new Error('models/default.onnx is missing: train it first, or set E2E_MODEL=FILE to run the suite with another model');
  }
  return {};
}

async function main(): Promise<number> {
  const t0 = Date.now();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'char-lstm-integration-'));
  try {
    build();
    const profile = makeProfile(tmp);
    const workspace = path.join(tmp, 'shop');
    fs.cpSync(path.join(ROOT, 'test', 'e2e', 'fixtures', 'workspace'), workspace, { recursive: true });
    // Machine-scoped settings (charLstm.modelPath) go to the user settings for desktop VS Code
    // and to Machine/settings.json for a remote window such as code-server's: write both.
    const settings = { ...BASE_SETTINGS, ...modelSettings(tmp) };
    for (const f of [path.join(profile.userDataDir, 'User', 'settings.json'), path.join(profile.userDataDir, 'Machine', 'settings.json')]) {
      fs.mkdirSync(path.dirname(f), { recursive: true });
      fs.writeFileSync(f, `${JSON.stringify(settings, null, 2)}\n`);
    }
    const which = process.env.E2E_VSCODE;
    const vscodeExecutablePath = which === 'desktop' ? undefined : which ? path.resolve(which) : path.join(ROOT, 'scripts', 'e2e', 'code-server-vscode.sh');
    console.log(`integration: editor ${vscodeExecutablePath ?? 'desktop VS Code (downloaded by @vscode/test-electron)'}`);
    const code = await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: path.join(ROOT, 'out', 'test', 'suite', 'index.js'),
      launchArgs: [workspace, `--user-data-dir=${profile.userDataDir}`, `--extensions-dir=${profile.extensionsDir}`, '--disable-extensions'],
    });
    return code;
  } catch (e) {
    console.error(`integration: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  } finally {
    console.log(`integration: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    if (process.env.E2E_KEEP) console.log(`integration: kept ${tmp}`);
    else fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().then((code) => process.exit(code));
