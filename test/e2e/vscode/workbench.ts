// The VS Code workbench (served by code-server) as a user sees it, driven through Playwright and the
// system Chromium. Every wait is on the page's state (locators), never a fixed delay.

import * as path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { CHROMIUM } from '../support.js';

/** Chromium flags that work headless, as root, with no network and no GPU. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Longest wait for one UI state: the first diagnostics need the extension host, the extension and the server. */
export const UI_TIMEOUT_MS = 30_000;

const ACTIVE_EDITOR = '.editor-group-container.active .monaco-editor';
const EDITOR_HOVER = '.monaco-editor .monaco-hover';

/** The page's `document`, typed just enough for functions evaluated in the browser (the project's lib has no DOM). */
declare const document: { querySelector(selector: string): { textContent: string | null } | null };

export class Workbench {
  private shot = 0;

  private constructor(
    private readonly browser: Browser,
    readonly page: Page,
    private readonly screenshotDir: string,
  ) {}

  /** Opens the workbench on `workspace`; `query` adds URL parameters (e.g. a development `payload`). */
  static async open(url: string, workspace: string, screenshotDir: string, query: Record<string, string> = {}): Promise<Workbench> {
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.setDefaultTimeout(UI_TIMEOUT_MS);
    const workbench = new Workbench(browser, page, screenshotDir);
    await page.goto(`${url}/?${new URLSearchParams({ folder: workspace, ...query }).toString()}`);
    await page.locator('.monaco-workbench').waitFor();
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor();
    return workbench;
  }

  async close(): Promise<void> {
    await this.browser.close();
  }

  /** Screenshot name → file, for every screenshot taken. */
  readonly screenshots = new Map<string, string>();

  /** Saves a numbered screenshot of the whole window; returns its path. */
  async screenshot(name: string): Promise<string> {
    this.shot += 1;
    const file = path.join(this.screenshotDir, `vscode-${String(this.shot).padStart(2, '0')}-${name}.png`);
    await this.page.screenshot({ path: file, animations: 'disabled' });
    this.screenshots.set(name, file);
    return file;
  }

  /** Opens a workspace file through Quick Open (Ctrl+P), as a user would, and waits for its editor. */
  async openFile(name: string): Promise<void> {
    await this.page.keyboard.press('Control+P');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(name);
    await this.page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
    await this.page.keyboard.press('Enter');
    await this.page.locator('.tab.active', { hasText: name }).waitFor();
    await this.editor().locator('.view-line').first().waitFor();
  }

  /** The active text editor. */
  editor(): Locator {
    return this.page.locator(ACTIVE_EDITOR).first();
  }

  /** The active editor's visible text (Monaco renders spaces as non-breaking spaces). */
  async editorText(): Promise<string> {
    const lines = await this.editor().locator('.view-lines .view-line').allInnerTexts();
    return lines.join('\n').replace(/\u00a0/g, ' ');
  }

  /** Waits until the active editor's visible text contains every string of `contains` and none of `lacks`. */
  async waitForEditorText(expected: { contains?: string[]; lacks?: string[] }): Promise<void> {
    const args = { selector: `${ACTIVE_EDITOR} .view-lines`, contains: expected.contains ?? [], lacks: expected.lacks ?? [] };
    try {
      await this.page.waitForFunction(({ selector, contains, lacks }) => {
        const text = (document.querySelector(selector)?.textContent ?? '').replace(/\u00a0/g, ' ');
        return contains.every((s) => text.includes(s)) && !lacks.some((s) => text.includes(s));
      }, args);
    } catch (error) {
      throw new Error(`the editor never showed ${JSON.stringify(expected)}; it shows: ${JSON.stringify(await this.editorText())}`, { cause: error });
    }
  }

  /** A token in the active editor whose text is exactly `token` (e.g. `"width"`). */
  token(token: string): Locator {
    return this.editor()
      .locator('.view-lines .view-line span > span')
      .filter({ hasText: new RegExp(`^${escapeRegExp(token)}$`) })
      .first();
  }

  /** Hovers the mouse over `token` and returns the editor hover that shows text containing `text`. */
  async hover(token: string, text: string): Promise<Locator> {
    await this.dismissHover();
    await this.token(token).hover();
    const hover = this.page.locator(`${EDITOR_HOVER}:visible`, { hasText: text }).first();
    await hover.waitFor();
    return hover;
  }

  /** Moves the mouse to an empty part of the editor and waits until no editor hover shows. */
  async dismissHover(): Promise<void> {
    const box = await this.editor().boundingBox();
    if (!box) throw new Error('the editor is not on screen');
    await this.page.mouse.move(box.x + box.width * 0.8, box.y + box.height - 10);
    await this.page.locator(`${EDITOR_HOVER}:visible`).first().waitFor({ state: 'hidden' });
  }

  /** Waits until the active editor shows at least `count` error squiggles. */
  async waitForSquiggles(count: number): Promise<void> {
    await this.editor().locator('.squiggly-error').nth(count - 1).waitFor();
  }

  /** Opens the Problems panel (View: Problems) unless it is already showing. */
  async showProblems(): Promise<void> {
    if (await this.page.locator('.markers-panel').isVisible()) return;
    await this.page.keyboard.press('Control+Shift+M');
    await this.page.locator('.markers-panel').waitFor();
  }

  /** The Problems panel row of a marker whose text contains every one of `parts`. */
  problem(...parts: string[]): Locator {
    let rows = this.page.locator('.markers-panel .monaco-list-row');
    for (const part of parts) rows = rows.filter({ hasText: part });
    return rows.first();
  }

  /** Every Problems panel row's text (for failure messages). */
  async problemTexts(): Promise<string[]> {
    return (await this.page.locator('.markers-panel .monaco-list-row').allInnerTexts()).map((t) => t.replace(/\n/g, ' '));
  }

  /** Runs a command by its title through the Command Palette. */
  async runCommand(title: string): Promise<void> {
    await this.page.keyboard.press('Control+Shift+P');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`>${title}`);
    await this.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
    await this.page.keyboard.press('Enter');
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
