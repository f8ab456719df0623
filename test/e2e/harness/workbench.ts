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

/**
 * Chromium with a fresh profile (playwright makes a temporary user-data-dir and deletes it
 * on close). `xdgDir` keeps what Chromium writes outside its profile (crash reports) out of
 * the home folder.
 */
export function launchChromium(xdgDir: string): Promise<Browser> {
  fs.mkdirSync(xdgDir, { recursive: true });
  return chromium.launch({
    executablePath: process.env.E2E_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    env: { ...process.env, XDG_CONFIG_HOME: xdgDir, XDG_CACHE_HOME: xdgDir },
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

  /** A close-up of the editor around the ghost text (for the README), or nothing when none is shown. */
  async ghostCloseUp(name: string): Promise<string | undefined> {
    const ghost = await this.page.locator(GHOST).first().boundingBox();
    const editor = await this.page.locator('.editor-group-container.active .monaco-editor').first().boundingBox();
    if (!ghost || !editor) return undefined;
    const height = 260;
    const y = Math.max(editor.y, Math.min(ghost.y - height / 2, editor.y + editor.height - height));
    const file = path.join(this.shots, `${name}.png`);
    await this.page.screenshot({ path: file, clip: { x: editor.x, y, width: Math.min(editor.width, 900), height } });
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
    // The palette closes, or its rows give way to the command's own quick pick.
    await row.waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
  }

  /**
   * Sets a number setting the way a user does: the Settings editor (UI), search, type the
   * value. Returns when the editor is closed again (the setting is written by then).
   */
  async setNumberSetting(id: string, label: string, value: number): Promise<void> {
    await this.runCommand('Preferences: Open User Settings');
    const editor = this.page.locator('.settings-editor');
    await editor.waitFor({ state: 'visible', timeout: 15_000 });
    await this.page.keyboard.type(id, { delay: 10 }); // the search box has the focus
    const item = editor
      .locator('.setting-item-number')
      .filter({ has: this.page.locator('.setting-item-label', { hasText: new RegExp(`^${label}$`) }) })
      .first();
    const input = item.locator('input').first();
    await input.waitFor({ state: 'visible', timeout: 15_000 });
    await input.fill(String(value));
    await sleep(1000); // the Settings editor writes after a short pause
    await this.page.keyboard.press('Control+W');
    await editor.waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => undefined);
  }

  /** The rows of the open quick pick, as their visible text (label, description, detail). */
  quickPickRows(): Promise<string[]> {
    return this.page
      .locator('.quick-input-widget .monaco-list-row')
      .evaluateAll((els) => els.map((e) => String((e as unknown as { innerText: string }).innerText ?? '').replace(/\s+/g, ' ').trim()));
  }

  /** Clicks the quick pick row whose text contains `text`. */
  async pickRow(text: string): Promise<void> {
    await this.page.locator('.quick-input-widget .monaco-list-row', { hasText: text }).first().click();
  }

  /** Keyboard focus to the active editor ("View: Focus First Editor Group", Ctrl+1): no click moves the cursor. */
  async focusEditor(): Promise<void> {
    const editor = this.page.locator('.editor-group-container.active .monaco-editor').first();
    await editor.waitFor({ state: 'visible', timeout: 15_000 });
    const focused = () =>
      this.page.evaluate(() => {
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        const el = (globalThis as any).document.activeElement;
        return Boolean(el?.closest?.('.editor-group-container .monaco-editor'));
      });
    for (let attempt = 0; attempt < 5 && !(await focused()); attempt++) {
      await this.page.keyboard.press('Escape');
      await this.page.keyboard.press('Control+1');
      await sleep(200);
    }
    if (!(await focused())) throw new Error('cannot move the keyboard focus to the editor');
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
      els.filter((e) => (e as unknown as { offsetParent: unknown }).offsetParent !== null).map((e) => e.textContent ?? ''),
    );
    const text = parts.join('').replace(/\u00a0/g, ' ');
    return text.trim() === '' ? undefined : text;
  }

  /**
   * The line that shows the ghost text, split around it: `before` (the text left of the
   * cursor), `ghost`, and `after` (the document text right of the cursor).
   */
  async ghostLine(): Promise<{ before: string; ghost: string; after: string } | undefined> {
    // Runs in the page (this project compiles without the DOM library, hence the `any`).
    const parts = await this.page.evaluate(() => {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const doc = (globalThis as any).document;
      const g = doc.querySelector('.monaco-editor .ghost-text-decoration');
      const line = g?.closest('.view-line');
      if (!line) return undefined;
      const out = { before: '', ghost: '', after: '' };
      const walk = doc.createTreeWalker(line, 4 /* NodeFilter.SHOW_TEXT */);
      let seen = false;
      while (walk.nextNode()) {
        const n = walk.currentNode as { data: string; parentElement: { closest(s: string): unknown } | null };
        if (n.parentElement?.closest('.ghost-text-decoration, .ghost-text-decoration-preview')) {
          out.ghost += n.data;
          seen = true;
        } else if (seen) out.after += n.data;
        else out.before += n.data;
      }
      return out;
    });
    if (!parts) return undefined;
    const norm = (t: string) => t.replace(/\u00a0/g, ' ');
    return { before: norm(parts.before), ghost: norm(parts.ghost), after: norm(parts.after) };
  }

  /** Deletes the cursor's line (Ctrl+Shift+K), dismissing any ghost text first. */
  async deleteLine(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.page.keyboard.press('Control+Shift+K');
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
      .evaluateAll((els) => els.map((e) => String((e as unknown as { innerText: string }).innerText ?? '').replace(/\s+/g, ' ').trim()));
  }
}
