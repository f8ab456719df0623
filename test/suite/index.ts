/**
 * The integration suite's entry, run inside the editor's extension host by
 * @vscode/test-electron's runTests (desktop VS Code) or by scripts/e2e/code-server-vscode.sh
 * (code-server + Chromium, DESIGN §5). Bundled by scripts/e2e/run-integration.mjs to
 * out/test/suite/index.js. Prints mocha's spec report and a closing `N passed, N failed`.
 */
import Mocha from 'mocha';
import { removeDocs } from './helpers';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  // The suites are bundled into this file: give them mocha's globals, then load them.
  mocha.suite.emit('pre-require', globalThis, 'integration', mocha);
  require('./extension.suite');
  require('./provider.suite');
  require('./settings.suite');
  mocha.suite.afterAll(removeDocs);
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const s = runner.stats;
      console.log(`${s?.passes ?? 0} passed, ${failures} failed${s?.pending ? `, ${s.pending} skipped` : ''}`);
      if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
      else resolve();
    });
  });
}
