// When the language server is down, the commands say so and offer to restart it (as vscode-eslint's do), instead of
// failing silently. The test crashes the server as often as it takes for the language client to give up, then uses
// a command.
import { readdirSync, readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { skipUnlessReady } from './harness/prerequisites';
import { openVsCode, type Session } from './harness/session';
import { editorLines, runFromPalette, selectText, until, waitForText } from './harness/ui';

/** The ids of this session's language server processes (found by the session's own profile folder). */
function serverPids(s: Session): number[] {
  const profile = s.profile;
  const pids: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const cmd = readFileSync(`/proc/${name}/cmdline`, 'utf8');
      if (cmd.includes(profile) && cmd.includes('dist/server.js')) pids.push(Number(name));
    } catch {
      /* gone */
    }
  }
  return pids;
}

/** The text of the notification toasts and, when it is open, the notification centre. */
async function notifications(s: Session): Promise<string> {
  const shown = await s.page.locator('.notifications-toasts, .notifications-center').allInnerTexts();
  return shown.join(' | ').replace(/\s+/g, ' ');
}

/** Waits for a notification matching `re`; if it was folded into the notification centre, opens the centre. */
async function notification(s: Session, what: string, re: RegExp): Promise<void> {
  let tries = 0;
  await until(
    s,
    what,
    async () => {
      if (re.test(await notifications(s))) return true;
      if (++tries === 30) await runFromPalette(s, 'Notifications: Show Notifications');
      return false;
    },
    { seen: () => notifications(s) },
  );
}

// The functions given to page.evaluate run in the browser; the few globals they use, loosely.
declare const document: any;
declare const window: any;
declare const MutationObserver: any;

/** The label of Emend's status bar item while its server runs and has counted the file. */
const COUNTING = /^Emend: \d+ deletions?,/;

/**
 * From now on, records in the page every label Emend's status bar item takes, however briefly (a MutationObserver
 * sees each change, so a "starting" shown for a few milliseconds is not missed between two polls).
 */
async function recordStatusLabels(s: Session): Promise<void> {
  await s.page.evaluate(() => {
    window.__emendLabels = [];
    window.__emendObserver?.disconnect();
    const note = (el: any) => {
      const label = el?.getAttribute?.('aria-label');
      if (label && label.startsWith('Emend')) window.__emendLabels.push(label);
    };
    window.__emendObserver = new MutationObserver((records: any[]) => {
      for (const r of records) {
        if (r.type === 'attributes') note(r.target);
        else
          for (const n of r.addedNodes) {
            note(n);
            n.querySelectorAll?.('[aria-label]').forEach(note);
          }
      }
    });
    window.__emendObserver.observe(document.querySelector('.statusbar'), {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['aria-label'],
    });
  });
}

async function statusLabelsSinceRecording(s: Session): Promise<string[]> {
  return s.page.evaluate(() => window.__emendLabels ?? []);
}

/** The item left its counting label (the server went down or was starting) and came back to it. */
function restartedAndAnswered(labels: string[]): boolean {
  const away = labels.findIndex((l) => !COUNTING.test(l));
  return away >= 0 && labels.slice(away + 1).some((l) => COUNTING.test(l));
}

describe('commands while the language server is down', { skip: skipUnlessReady() }, () => {
  let s: Session;
  before(async () => {
    // A code-server of its own: the language servers found by its profile are this session's only.
    s = await openVsCode('server-down', 'plain.emend', [], {}, { ownServer: true });
  });
  after(async () => {
    await s?.close();
  });

  test('after the server has crashed for good, a command explains and Restart Server brings it back', async () => {
    await waitForText(s, 'waste no time');
    // The language client restarts a crashed server four times within three minutes, then gives up. Each server is
    // killed only once it has answered (Emend's status bar item counts the file again after showing it was down or
    // starting): a server killed while it starts fails the start, and the client stops without restarting it.
    const killed = new Set<number>();
    for (let round = 0; round < 5; round++) {
      if (round > 0)
        await until(
          s,
          `the restarted server to answer (round ${round + 1}): the item counts the file again`,
          async () => restartedAndAnswered(await statusLabelsSinceRecording(s)),
          { timeout: 60_000, seen: async () => JSON.stringify(await statusLabelsSinceRecording(s)) },
        );
      const pid = await until(
        s,
        `language server process (round ${round + 1})`,
        async () => serverPids(s).find((p) => !killed.has(p)),
        {
          timeout: 20_000,
          seen: async () => JSON.stringify(serverPids(s)),
        },
      );
      await recordStatusLabels(s);
      killed.add(pid);
      process.kill(pid, 'SIGKILL');
    }
    // The client has given up when the status bar says the server is not running (its notification may be folded
    // into the notification centre, so the status bar is the signal to wait for).
    const down = s.page.locator('[aria-label="Emend language server not running; activate to restart it"]');
    await until(s, 'the status bar to say the server is not running', async () => (await down.count()) > 0, {
      timeout: 30_000,
      seen: () => notifications(s),
    });

    await selectText(s, 'waste no time');
    await s.page.keyboard.press('Shift+Alt+KeyE');
    await s.page.keyboard.press('KeyD');
    await notification(
      s,
      'the command to explain that the server is not running',
      /Emend cannot mark the selection as deleted: the Emend language server is not running/,
    );
    await s.screenshot('editor-server-down');
    const restart = s.page
      .locator('.notifications-toasts .monaco-button, .notifications-center .monaco-button', {
        hasText: 'Restart Server',
      })
      .first();
    await restart.click();
    await until(s, 'a new server process', async () => serverPids(s).some((p) => !killed.has(p)), { timeout: 20_000 });

    await selectText(s, 'waste no time');
    await s.page.keyboard.press('Shift+Alt+KeyE');
    await s.page.keyboard.press('KeyD');
    await until(
      s,
      'Mark as Deleted to work once the server is back',
      async () => (await editorLines(s.page)).some((l) => l.includes('~~waste no time~~')),
      {
        seen: async () => JSON.stringify(await editorLines(s.page)),
      },
    );
  });
});
