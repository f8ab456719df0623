/** The extension in a real editor: it activates, gets a model ready, and registers its commands. */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activeExtension, config, setSetting, status, waitForStatus } from './helpers';

describe('extension', () => {
  before(async () => {
    await activeExtension();
  });

  it('loads a model and reports ready through charLstm.status', async () => {
    const s = await waitForStatus((x) => x.ready, 'a model to load', 90_000);
    assert.strictEqual(s.enabled, true);
    assert.ok(s.model, 'the status names no model');
    assert.match(s.text, /^Char LSTM ✓ /);
  });

  it('registers every command that package.json contributes', async () => {
    const ext = await activeExtension();
    const contributed = (ext.packageJSON.contributes.commands as Array<{ command: string }>).map((c) => c.command);
    assert.ok(contributed.length >= 5, `only ${contributed.length} commands contributed`);
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.filter((c) => !registered.has(c));
    assert.deepStrictEqual(missing, [], `contributed but not registered: ${missing.join(', ')}`);
  });

  it('"Toggle" flips charLstm.enable, and the status follows', async () => {
    try {
      const next = await vscode.commands.executeCommand<boolean>('charLstm.toggle');
      assert.strictEqual(next, false);
      assert.strictEqual(config().get('enable'), false);
      const off = await waitForStatus((s) => !s.enabled, 'the status to say off');
      assert.match(off.text, /off/);
      assert.strictEqual(await vscode.commands.executeCommand<boolean>('charLstm.toggle'), true);
      await waitForStatus((s) => s.enabled && s.ready, 'the status to say on');
    } finally {
      await setSetting('enable', undefined);
    }
  });

  it('charLstm.status answers plain JSON', async () => {
    const s = await status();
    assert.deepStrictEqual(JSON.parse(JSON.stringify(s)), s);
  });
});
