/**
 * Driving the VS Code workbench served by code-server in Debian's Chromium (DESIGN §5
 * step 6): open a folder and a file, read the status bar, run palette commands, type,
 * read and accept ghost text, save. Selectors are the workbench's own.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Browser, chromium, Page } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const GHOST = '.monaco-editor .ghost-text-decoration, .monaco-editor .ghost-text';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Chromium with a fresh profile (playwright makes a temporary user-data-dir and deletes it on close). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.E2E_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    timeout: 60_000,
  });
}

export async function poll<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined> | T | undefined, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined && v !== null && (v as unknown) !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}

export class Workbench {
  constructor(readonly page: Page, private readonly shots: string) {
    fs.mkdirSync(shots, { recursive: true });
  }

  async open(url: string, folder: string): Promise<void> {
    await this.page.goto(`${url}/?folder=${encodeURIComponent(folder)}`, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    await this.page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible', timeout: 60_000 });
  }

  async screenshot(name: string): Promise<string> {
    const file = path.join(this.shots, `${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  /** Texts of all status bar items. */
  statusTexts(): Promise<string[]> {
    return this.page.locator('.part.statusbar .statusbar-item').evaluateAll((els) => els.map((e) => (e.textContent ?? '').trim()));
  }

  /** The Char LSTM status bar text, or undefined when it is not there. */
  async charLstmStatus(): Promise<string | undefined> {
    return (await this.statusTexts()).find((t) => t.startsWith('Char LSTM'));
  }

  /** Waits until the Char LSTM status bar item matches `re`; returns its text. */
  waitForStatus(re: RegExp, timeoutMs: number): Promise<string> {
    return poll(`status bar ${re}`, timeoutMs, async () => {
      const t = await this.charLstmStatus();
      return t !== undefined && re.test(t) ? t : undefined;
    });
  }

  /** Quick Open (Ctrl+P) a file by its path relative to the workspace. */
  async openFile(rel: string): Promise<void> {
    await this.quickInput('Control+P', rel, path.basename(rel));
    const tab = this.page.locator('.tabs-container .tab.active', { hasText: path.basename(rel) });
    await tab.waitFor({ state: 'visible', timeout: 15_000 });
    await this.focusEditor();
  }

  /** F1, type a command's title, wait for it in the list, Enter. */
  async runCommand(title: string): Promise<void> {
    await this.quickInput('F1', title, title);
  }

  private async quickInput(key: string, text: string, expect: string): Promise<void> {
    const widget = this.page.locator('.quick-input-widget');
    for (let attempt = 1; ; attempt++) {
      await this.page.keyboard.press(key);
      try {
        await widget.locator('input').waitFor({ state: 'visible', timeout: 5000 });
        break;
      } catch (e) {
        if (attempt >= 3) throw e;
        await this.page.keyboard.press('Escape');
      }
    }
    await widget.locator('input').pressSequentially(text, { delay: 20 });
    const row = widget.locator('.monaco-list-row', { hasText: expect }).first();
    await row.waitFor({ state: 'visible', timeout: 15_000 });
    await sleep(200); // the list settles on its first row
    await this.page.keyboard.press('Enter');
    await widget.waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => undefined);
  }

  async focusEditor(): Promise<void> {
    const editor = this.page.locator('.editor-group-container.active .monaco-editor').first();
    await editor.waitFor({ state: 'visible', timeout: 15_000 });
    await editor.locator('.view-lines').click({ position: { x: 5, y: 5 } });
  }

  /** Cursor to the end of the document, on a new, empty line. */
  async newLineAtEnd(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.page.keyboard.press('Control+End');
    await this.page.keyboard.press('End');
    await this.page.keyboard.press('Enter');
    await this.page.keyboard.press('Shift+Home'); // drop auto-indent, if any
    await this.page.keyboard.press('Delete');
  }

  /** Types like a person, one key at a time. */
  async type(text: string, delayMs = 35): Promise<void> {
    for (const line of text.split(/(\n)/)) {
      if (line === '\n') await this.page.keyboard.press('Enter');
      else if (line) await this.page.keyboard.type(line, { delay: delayMs });
    }
  }

  /** The ghost text on screen now (the parts in order), or undefined when there is none. */
  async ghostText(): Promise<string | undefined> {
    const parts = await this.page.locator(GHOST).evaluateAll((els) =>
      els.filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => e.textContent ?? ''),
    );
    const text = parts.join('').replace(/\u00a0/g, ' ');
    return text.trim() === '' ? undefined : text;
  }

  waitForGhost(timeoutMs: number): Promise<string> {
    return poll('ghost text', timeoutMs, () => this.ghostText(), 50);
  }

  /** Ctrl+S, then waits until the active tab is no longer dirty. */
  async save(): Promise<void> {
    await this.page.keyboard.press('Control+S');
    await poll('the file to be saved', 10_000, async () => {
      const dirty = await this.page.locator('.tabs-container .tab.active.dirty').count();
      return dirty === 0 ? true : undefined;
    });
  }

  /** Text of the visible notification toasts and the progress notification. */
  notificationTexts(): Promise<string[]> {
    return this.page
      .locator('.notifications-toasts .notification-toast, .notifications-center .notification-list-item')
      .evaluateAll((els) => els.map((e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim()));
  }
}
