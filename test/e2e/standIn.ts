/**
 * A stand-in for the VS Code executable (`vscodeExecutablePath` of @vscode/test-electron's
 * runTests) that runs the extension tests in code-server + Chromium instead (DESIGN §5, last
 * paragraph). Run through scripts/e2e/code-server-vscode.sh. It takes the arguments runTests
 * passes to VS Code:
 *   --extensionDevelopmentPath=DIR  --extensionTestsPath=FILE  --user-data-dir=DIR
 *   --extensions-dir=DIR  [FOLDER]   (other flags, for desktop VS Code, are ignored)
 * starts code-server with `--vscode-option enable-smoke-test-driver`, opens the workbench
 * with the test payload, relays the tests' output (codeAutomationLog) and exits with their
 * exit code (codeAutomationExit). code-server and Chromium are stopped in every case.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as util from 'util';
import type { Browser } from 'playwright-core';
import { BASE_SETTINGS, CodeServer, installTools, killAllNow, Profile, settingsFile, startCodeServer, writeUserSettings } from './harness/codeServer';
import { launchChromium } from './harness/workbench';

function parse(argv: string[]) {
  const opts: Record<string, string[]> = {};
  const positional: string[] = [];
  const ignored: string[] = [];
  const known = ['extensionDevelopmentPath', 'extensionTestsPath', 'user-data-dir', 'extensions-dir'];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const m = /^--([^=]+)(?:=(.*))?$/.exec(a);
    if (!m) positional.push(a);
    else if (known.includes(m[1])) (opts[m[1]] ??= []).push(m[2] ?? argv[++i]);
    else ignored.push(a);
  }
  return { opts, positional, ignored };
}

/** The workbench's own console lines that say nothing about the tests (E2E_VERBOSE=1 shows them). */
const WORKBENCH_CHATTER =
  /^(Ignoring fetching additional builtin extensions|Updating additional builtin extensions cache|\[AccountPolicyGate\]|Creating a socket|Resolv(ing|ed) connection token|\[reconnection-grace-time\]|\[Service Worker\]|\[AgentHost)/;

const { opts, positional, ignored } = parse(process.argv.slice(2));
const say = (m: string) => console.error(`code-server-vscode: ${m}`);
let server: CodeServer | undefined;
let browser: Browser | undefined;
let done: Promise<void> | undefined;
const cleanup = () => (done ??= (async () => {
  await browser?.close().catch(() => undefined);
  await server?.stop();
})());
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(sig, () => void cleanup().finally(() => process.exit(130)));
}
process.on('exit', killAllNow);

async function main(): Promise<number> {
  const devPaths = (opts.extensionDevelopmentPath ?? []).map((p) => path.resolve(p));
  const testsPath = opts.extensionTestsPath?.[0];
  if (!devPaths.length || !testsPath) {
    say('needs --extensionDevelopmentPath and --extensionTestsPath (it stands in for VS Code running extension tests only)');
    return 2;
  }
  if (ignored.length) say(`ignoring ${ignored.join(' ')}`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'code-server-vscode-'));
  const profile: Profile = {
    dir: tmp,
    userDataDir: path.resolve(opts['user-data-dir']?.[0] ?? path.join(tmp, 'user-data')),
    extensionsDir: path.resolve(opts['extensions-dir']?.[0] ?? path.join(tmp, 'extensions')),
    xdgConfig: path.join(tmp, 'xdg-config'),
    xdgData: path.join(tmp, 'xdg-data'),
  };
  for (const d of [profile.userDataDir, profile.extensionsDir, profile.xdgConfig, profile.xdgData]) fs.mkdirSync(d, { recursive: true });
  if (!fs.existsSync(settingsFile(profile))) writeUserSettings(profile, BASE_SETTINGS);
  try {
    const tools = installTools();
    server = await startCodeServer(tools, profile, { extraArgs: ['--vscode-option', 'enable-smoke-test-driver'] });
    browser = await launchChromium(path.join(tmp, 'chromium-xdg'));
    const page = await browser.newPage();
    let exit: (code: number) => void = () => undefined;
    const exited = new Promise<number>((resolve) => (exit = resolve));
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
      const line = util.format(...(Array.isArray(args) ? args : [args]));
      if (!process.env.E2E_VERBOSE && WORKBENCH_CHATTER.test(line)) return;
      (type === 'error' || type === 'warn' ? process.stderr : process.stdout).write(`${line}\n`);
    });
    await page.exposeFunction('codeAutomationExit', (code: number) => exit(code));
    const remote = (p: string) => `vscode-remote://remote${p.split(path.sep).map(encodeURIComponent).join('/')}`;
    const payload = [...devPaths.map((p) => ['extensionDevelopmentPath', remote(p)]), ['extensionTestsPath', remote(path.resolve(testsPath))]];
    const folder = positional[0] ? path.resolve(positional[0]) : undefined;
    const query = `${folder ? `folder=${encodeURIComponent(folder)}&` : ''}payload=${encodeURIComponent(JSON.stringify(payload))}`;
    say(`code-server ${server.url}, tests ${testsPath}${folder ? `, folder ${folder}` : ''}`);
    await page.goto(`${server.url}/?${query}`, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    const limit = Number(process.env.E2E_TEST_TIMEOUT_MS ?? 600_000);
    let timer: NodeJS.Timeout | undefined;
    const code = await Promise.race([
      exited,
      new Promise<number>((resolve) => (timer = setTimeout(() => {
        say(`the tests did not finish in ${limit / 1000} s`);
        resolve(1);
      }, limit))),
    ]);
    clearTimeout(timer);
    return code;
  } finally {
    await cleanup();
    if (process.env.E2E_KEEP) say(`kept ${tmp}`);
    else fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  async (e) => {
    say(e instanceof Error ? e.stack ?? e.message : String(e));
    await cleanup();
    process.exit(1);
  },
);
