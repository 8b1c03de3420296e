// What a user sees in VS Code, read from the page: waiting for states (never for fixed times), finding words on
// screen, the status bar, hovers, the Problems panel and the preview's frames. Every wait has a timeout, a message
// saying what was expected and what was seen, and a screenshot.
import type { FrameLocator, Page } from 'playwright-core';
import { TEST_KEYS, type Session } from './session';

/** What the helpers need of a session: the page, and somewhere to leave screenshots. */
export type View = Pick<Session, 'page' | 'screenshot'>;

// The functions given to page.evaluate run in the browser. The project compiles without the DOM library (the server
// must not see browser globals), so the few these functions use are declared loosely, for this module only.
declare const document: any;
declare const NodeFilter: any;
declare function getComputedStyle(element: unknown): any;

let shots = 0;

/**
 * Polls `probe` until it returns something truthy and returns that. On timeout: a screenshot, then an error naming
 * what was awaited, what `seen` reports (the last state), and where the screenshot is.
 */
export async function until<T>(
  s: View,
  what: string,
  probe: () => Promise<T | undefined | null | false | '' | 0>,
  opts: { timeout?: number; seen?: () => Promise<string> } = {},
): Promise<T> {
  const timeout = opts.timeout ?? 30_000;
  const deadline = Date.now() + timeout;
  let lastError: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v) return v;
      lastError = undefined;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() > deadline) break;
    await s.page.waitForTimeout(100);
  }
  let seen: string;
  try {
    seen = opts.seen ? await opts.seen() : '';
  } catch (e) {
    seen = `(could not read: ${(e as Error).message})`;
  }
  const shot = await s
    .screenshot(`failure-${++shots}-${what.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}`)
    .catch(() => '(no screenshot)');
  throw new Error(
    `Timed out after ${timeout} ms waiting for ${what}.` +
      (seen ? `\nLast seen: ${seen}` : '') +
      (lastError ? `\nLast probe error: ${(lastError as Error).message}` : '') +
      `\nScreenshot: ${shot}`,
  );
}

/**
 * The editor's visible text, screen line by screen line (Monaco renders spaces as non-breaking spaces). Emend turns
 * word wrap on, so a long line takes several screen lines: keep the fixtures' lines short.
 */
export async function editorLines(page: Page): Promise<string[]> {
  return page
    .locator('.editor-instance .monaco-editor .view-lines')
    .first()
    .evaluate((el) => {
      const lines = [...el.querySelectorAll('.view-line')];
      lines.sort((a: any, b: any) => parseFloat(a.style.top) - parseFloat(b.style.top));
      return lines.map((l: any) => (l.textContent ?? '').replace(/\u00a0/g, ' '));
    });
}

/** The language shown in the status bar for the active editor. */
export async function languageMode(page: Page): Promise<string> {
  const el = page.locator('#status\\.editor\\.mode');
  return (await el.count()) ? ((await el.first().textContent()) ?? '').trim() : '';
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where the `nth` occurrence of `text` is drawn in the active editor, or undefined when it is not on screen. */
export async function textBox(page: Page, text: string, nth = 0): Promise<Box | undefined> {
  return page
    .locator('.editor-instance .monaco-editor .view-lines')
    .first()
    .evaluate(
      (root, [want, n]) => {
        const lines = [...root.querySelectorAll('.view-line')];
        lines.sort((a: any, b: any) => parseFloat(a.style.top) - parseFloat(b.style.top));
        let seen = 0;
        for (const line of lines) {
          const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
          const nodes: any[] = [];
          let full = '';
          for (let n2 = walker.nextNode(); n2; n2 = walker.nextNode()) {
            nodes.push(n2);
            full += n2.data;
          }
          full = full.replace(/\u00a0/g, ' ');
          let from = 0;
          for (;;) {
            const at = full.indexOf(want as string, from);
            if (at < 0) break;
            if (seen++ === n) {
              // Map the line offsets back to text nodes and measure the range.
              const range = document.createRange();
              let offset = 0;
              for (const node of nodes) {
                const len = node.data.length;
                if (at >= offset && at <= offset + len) range.setStart(node, at - offset);
                if (at + (want as string).length >= offset && at + (want as string).length <= offset + len) {
                  range.setEnd(node, at + (want as string).length - offset);
                  break;
                }
                offset += len;
              }
              const r = range.getBoundingClientRect();
              return { x: r.x, y: r.y, width: r.width, height: r.height };
            }
            from = at + 1;
          }
        }
        return undefined;
      },
      [text, nth] as const,
    );
}

/** The computed style of the token (span) that draws the first character of `text`. */
export async function tokenStyle(
  page: Page,
  text: string,
): Promise<{ color: string; textDecoration: string; fontStyle: string } | undefined> {
  return page
    .locator('.editor-instance .monaco-editor .view-lines')
    .first()
    .evaluate((root, want) => {
      for (const span of root.querySelectorAll('.view-line span span')) {
        if ((span.textContent ?? '').replace(/\u00a0/g, ' ').includes(want)) {
          const cs = getComputedStyle(span);
          return { color: cs.color, textDecoration: cs.textDecorationLine, fontStyle: cs.fontStyle };
        }
      }
      return undefined;
    }, text);
}

/** Waits until `text` is on screen in the editor and returns where. */
export async function waitForText(s: View, text: string, nth = 0): Promise<Box> {
  return until(s, `"${text}" to be drawn in the editor`, () => textBox(s.page, text, nth), {
    seen: async () => JSON.stringify(await editorLines(s.page)),
  });
}

/** Clicks at the start (or end) of `text` in the editor, putting the cursor there. */
export async function clickText(s: View, text: string, where: 'start' | 'end' = 'start', nth = 0): Promise<void> {
  const b = await waitForText(s, text, nth);
  await s.page.mouse.click(where === 'start' ? b.x + 1 : b.x + b.width - 1, b.y + b.height / 2);
}

/** Selects exactly `text` in the editor by dragging across it with the mouse. */
export async function selectText(s: View, text: string, nth = 0): Promise<void> {
  const b = await waitForText(s, text, nth);
  const y = b.y + b.height / 2;
  await s.page.mouse.move(b.x + 0.5, y);
  await s.page.mouse.down();
  await s.page.mouse.move(b.x + b.width - 0.5, y, { steps: 4 });
  await s.page.mouse.up();
}

/** Runs one of the extension's commands by id, through the test profile's keybinding for it. */
export async function runCommand(s: View, id: keyof typeof TEST_KEYS | string): Promise<void> {
  const key = TEST_KEYS[id];
  if (!key) throw new Error(`no test keybinding for ${id}; add one to TEST_KEYS`);
  await s.page.keyboard.press(
    key
      .split('+')
      .map((k) => (k.length === 1 ? k : k[0]!.toUpperCase() + k.slice(1)))
      .join('+')
      .replace('Ctrl', 'Control'),
  );
}

/** Runs a command by its title through the command palette (F1), as a user would. */
export async function runFromPalette(s: View, title: string): Promise<void> {
  await s.page.keyboard.press('F1');
  const input = s.page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  const row = s.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  await until(s, `the command palette to list "${title}"`, async () => (await row.count()) > 0, {
    seen: async () => (await s.page.locator('.quick-input-list .monaco-list-row').allTextContents()).join(' | '),
  });
  await row.click();
}

/** The text of the hover widget while one is shown, else ''. */
export async function hoverText(page: Page): Promise<string> {
  const h = page.locator('.monaco-hover:not(.hidden) .monaco-hover-content');
  return (await h.count()) && (await h.first().isVisible()) ? ((await h.first().innerText()) ?? '') : '';
}

/**
 * Rests the pointer on `text` until a hover satisfying `wanted` shows, and returns its text. A hover asked for
 * before the language server is ready comes back empty and is not asked again while the pointer rests, so the
 * pointer leaves and comes back (as a user's would) until the hover has what is wanted.
 */
export async function hoverOver(
  s: View,
  text: string,
  what: string,
  wanted: (hover: string) => boolean,
): Promise<string> {
  let tries = 0;
  return until(
    s,
    what,
    async () => {
      if (tries++ % 10 === 0) {
        const b = await waitForText(s, text);
        await s.page.mouse.move(b.x + b.width / 2, b.y + b.height + 200, { steps: 2 });
        await s.page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 5 });
      }
      const t = await hoverText(s.page);
      return wanted(t) ? t : undefined;
    },
    { seen: async () => `hover: ${JSON.stringify(await hoverText(s.page))}` },
  );
}

/** The rows of the Problems panel, opening it (Ctrl+Shift+M) if it is not shown. */
export async function problemRows(s: View): Promise<string[]> {
  const panel = s.page.locator('.markers-panel');
  if (!(await panel.isVisible().catch(() => false))) {
    await s.page.keyboard.press('Control+Shift+M');
    await until(s, 'the Problems panel to open', () => panel.isVisible());
  }
  return (await s.page.locator('.markers-panel .monaco-list-row').allInnerTexts()).map((t) =>
    t.replace(/\s+/g, ' ').trim(),
  );
}

/** The preview's document: the webview's outer iframe, then its active inner frame. */
export function previewFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview').frameLocator('iframe#active-frame');
}

/**
 * Opens the quick-fix menu at `text` (Ctrl+.) and waits for the row whose title matches `title`. Ctrl+. can land
 * before the editor has the code actions for a fresh diagnostic (a busy machine), so the menu is asked for again,
 * every few seconds, until it offers the fix. Returns the row, visible, to click.
 */
export async function openQuickFix(s: View, text: string, title: RegExp, what: string) {
  const row = s.page.locator('.action-widget .monaco-list-row', { hasText: title }).first();
  let asked = 0;
  await until(
    s,
    `the quick-fix menu to offer ${what}`,
    async () => {
      if ((await row.count()) > 0 && (await row.isVisible())) return true;
      if (Date.now() - asked > 3000) {
        await s.page.keyboard.press('Escape');
        await clickText(s, text);
        await s.page.keyboard.press('Control+.');
        asked = Date.now();
      }
      return false;
    },
    {
      seen: async () =>
        `menu rows ${JSON.stringify(await s.page.locator('.action-widget .monaco-list-row').allInnerTexts())}, ` +
        `editor message ${JSON.stringify(await s.page.locator('.monaco-editor-overlaymessage').allInnerTexts())}`,
    },
  );
  return row;
}
