/**
 * `npm run test:e2e`: the extension in a real VS Code (code-server) driven through
 * Chromium, offline (DESIGN §5). Sets up code-server with the packaged VSIX on a copy of
 * test/e2e/fixtures/workspace, runs the steps of ./steps.ts, and tears everything down,
 * pass or fail: the server's process group is killed and checked to be gone.
 *
 * Model: the embedded default (models/default.onnx, packaged in the VSIX). E2E_MODEL=FILE
 * uses another model file through charLstm.modelPath (for developing the harness).
 * Other knobs: E2E_VSIX=FILE (skip packaging), E2E_KEEP=1 (keep the temporary folder),
 * E2E_ARTIFACTS=DIR (screenshots, logs and timings; default artifacts/e2e), E2E_SETTINGS='{...}'
 * (more user settings, e.g. a lower charLstm.minConfidence for a weak development model).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Browser } from 'playwright-core';
import {
  BASE_SETTINGS, charLstmLog, CodeServer, extensionHostLogs, installExtension, installTools, killAllNow,
  makeProfile, packageVsix, ROOT, startCodeServer, writeUserSettings,
} from './harness/codeServer';
import { runSteps, StepResult, summary } from './harness/runner';
import { launchChromium, Workbench } from './harness/workbench';
import { E2EContext, steps } from './steps';

const ARTIFACTS = path.resolve(process.env.E2E_ARTIFACTS ?? path.join(ROOT, 'artifacts', 'e2e'));
const timings: Record<string, number> = {};
const time = async <T>(key: string, f: () => T | Promise<T>): Promise<T> => {
  const t0 = Date.now();
  try {
    return await f();
  } finally {
    timings[key] = Date.now() - t0;
    console.log(`  · ${key}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
};

/** The model under test: { label shown in the status bar, file to set as charLstm.modelPath (none for the default) }. */
function chooseModel(tmp: string): { label: string; modelPath?: string } {
  const override = process.env.E2E_MODEL;
  if (override) {
    if (!fs.existsSync(override)) throw new Error(`E2E_MODEL=${override}: no such file`);
    const copy = path.join(tmp, 'models', path.basename(override));
    fs.mkdirSync(path.dirname(copy), { recursive: true });
    fs.copyFileSync(override, copy);
    return { label: path.basename(copy), modelPath: copy };
  }
  if (!fs.existsSync(path.join(ROOT, 'models', 'default.onnx'))) {
    throw new Error(
      'models/default.onnx is missing: the end-to-end test checks ghost text from the embedded default model. ' +
        'Train it first (see models/README.md), or set E2E_MODEL=FILE to test with another model.',
    );
  }
  return { label: 'default' };
}

let server: CodeServer | undefined;
let browser: Browser | undefined;
let tmp: string | undefined;
let cleaning: Promise<void> | undefined;
let aborted = false;

function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    await browser?.close().catch(() => undefined);
    await server?.stop();
  })();
  return cleaning;
}

for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(sig, () => {
    aborted = true;
    console.error(`e2e: ${sig}: stopping code-server and Chromium`);
    void cleanup().finally(() => {
      if (tmp && !process.env.E2E_KEEP) fs.rmSync(tmp, { recursive: true, force: true });
      console.log('e2e: interrupted');
      process.exit(130);
    });
  });
}
process.on('exit', killAllNow);

async function main(): Promise<number> {
  const t0 = Date.now();
  fs.rmSync(ARTIFACTS, { recursive: true, force: true });
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'char-lstm-e2e-'));
  let results: StepResult[] = [];
  try {
    const model = chooseModel(tmp);
    const dir = tmp;
    console.log(`e2e: model ${model.modelPath ?? 'default (embedded)'}; temporary folder ${tmp}`);
    const tools = await time('install code-server', () => installTools());
    const vsix = await time('package VSIX', () => packageVsix());
    const profile = makeProfile(path.join(dir, 'profile'));
    const workspace = path.join(dir, 'shop');
    fs.cpSync(path.join(__dirname, 'fixtures', 'workspace'), workspace, { recursive: true });
    await time('install VSIX', () => installExtension(tools, profile, vsix));
    const settings: Record<string, unknown> = {
      ...BASE_SETTINGS,
      'charLstm.training.minutes': 0.2,
      ...(model.modelPath ? { 'charLstm.modelPath': model.modelPath } : {}),
      ...(process.env.E2E_SETTINGS ? (JSON.parse(process.env.E2E_SETTINGS) as Record<string, unknown>) : {}),
    };
    writeUserSettings(profile, settings);

    server = await time('start code-server', () => startCodeServer(tools, profile, { workspace }));
    browser = await time('start Chromium', () => launchChromium(path.join(dir, 'chromium-xdg')));
    const page = await browser.newPage({ viewport: { width: 1400, height: 850 } });
    page.setDefaultTimeout(30_000);
    const wb = new Workbench(page, ARTIFACTS);
    const ctx: E2EContext = { wb, profile, workspace, settings, modelLabel: model.label, url: server.url, timings };

    console.log('e2e: steps');
    results = await runSteps(steps(ctx), () => aborted, async (step) => {
      await wb.screenshot(`failed-${step.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`).catch(() => undefined);
    });
    if (results.some((r) => r.status !== 'passed')) {
      const logs = path.join(ARTIFACTS, 'logs');
      fs.mkdirSync(logs, { recursive: true });
      for (const f of [...extensionHostLogs(profile), server.logFile]) {
        fs.copyFileSync(f, path.join(logs, path.relative(profile.dir, f).replace(/[\\/]/g, '__')));
      }
      console.log(`e2e: logs copied to ${path.relative(ROOT, logs)}`);
    }
    fs.writeFileSync(path.join(ARTIFACTS, 'char-lstm.log'), charLstmLog(profile));
  } catch (e) {
    console.error(`e2e: setup failed: ${e instanceof Error ? e.message : String(e)}`);
    results.push({ name: 'setup', status: 'failed', ms: 0, error: String(e) });
  } finally {
    await time('stop', () => cleanup());
    const pgid = server?.pgid;
    if (pgid !== undefined) {
      let left = true;
      try {
        process.kill(-pgid, 0);
      } catch {
        left = false;
      }
      if (left) results.push({ name: 'cleanup', status: 'failed', ms: 0, error: `process group ${pgid} is still alive` });
    }
    if (process.env.E2E_KEEP) console.log(`e2e: kept ${tmp}`);
    else fs.rmSync(tmp, { recursive: true, force: true });
  }
  timings['whole suite'] = Date.now() - t0;
  fs.writeFileSync(path.join(ARTIFACTS, 'timings.json'), `${JSON.stringify({ timings, results }, null, 2)}\n`);
  console.log(`e2e: timings (s): ${Object.entries(timings).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`).join(', ')}`);
  console.log(`e2e: screenshots in ${path.relative(ROOT, ARTIFACTS) || ARTIFACTS}`);
  console.log(summary(results));
  return results.some((r) => r.status === 'failed') || results.length === 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  async (e) => {
    console.error(e);
    await cleanup();
    process.exit(1);
  },
);
