/** Settings changes reach the provider and the engine without a reload. */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { memoryLogger } from '../../src/vscode/logic/log';
import { InlineProvider } from '../../src/vscode/inlineProvider';
import { SettingsService } from '../../src/vscode/settings';
import { docWithCursor, FixedEngine, setSetting, waitForStatus } from './helpers';

describe('settings', () => {
  const log = memoryLogger();
  let settings: SettingsService;
  before(() => {
    settings = new SettingsService(log);
  });
  after(async () => {
    settings.dispose();
    for (const k of ['temperature', 'maxChars', 'enable', 'disabledLanguages']) await setSetting(k, undefined);
  });

  async function request(language = 'javascript') {
    const engine = new FixedEngine('x');
    const provider = new InlineProvider({ engine: () => engine, settings, log });
    const { doc, pos } = await docWithCursor('let a = |', language);
    const token = new vscode.CancellationTokenSource().token;
    const items = await provider.provideInlineCompletionItems(doc, pos, { triggerKind: 1, selectedCompletionInfo: undefined }, token);
    return { engine, items };
  }

  it('charLstm.temperature and maxChars reach the engine as soon as they change', async () => {
    await setSetting('temperature', 0.8);
    await setSetting('maxChars', 12);
    const { engine } = await request();
    assert.strictEqual(engine.requests[0].settings.temperature, 0.8);
    assert.strictEqual(engine.requests[0].settings.maxChars, 12);
    await setSetting('temperature', 0);
    const again = await request();
    assert.strictEqual(again.engine.requests[0].settings.temperature, 0);
  });

  it('an out-of-range value falls back to a valid one, and says so in the log', async () => {
    await setSetting('temperature', 99);
    const { engine } = await request();
    const t = engine.requests[0].settings.temperature;
    assert.ok(t >= 0 && t <= 2, `temperature ${t}`);
    assert.ok(log.lines.some((l) => /temperature/.test(l)), `log: ${log.lines.join(' | ')}`);
    await setSetting('temperature', undefined);
  });

  it('charLstm.enable false: no items; the extension says off', async () => {
    await setSetting('enable', false);
    const { items } = await request();
    assert.ok(!items || items.length === 0);
    await waitForStatus((s) => !s.enabled, 'the status to say off');
    await setSetting('enable', undefined);
    await waitForStatus((s) => s.enabled, 'the status to say on');
  });

  it('charLstm.disabledLanguages: no items in those languages', async () => {
    await setSetting('disabledLanguages', ['markdown']);
    assert.ok(!(await request('markdown')).items?.length);
    assert.strictEqual((await request('javascript')).items?.length, 1);
  });
});
