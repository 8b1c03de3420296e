// Asking the language server from a command. When the server is not running, the command says so, with actions
// to restart it or see its output, instead of failing silently (as vscode-eslint does). A request the server
// answers with an error is shown as a message; nothing throws into VS Code.
import { commands, window } from 'vscode';
import { State, type BaseLanguageClient, type RequestParam, type RequestType } from 'vscode-languageclient';

const STARTING_TIMEOUT_MS = 10_000;

/** Waits for a starting server; true when it is running. */
export function whenStarted(client: BaseLanguageClient): Promise<boolean> {
  if (client.state === State.Running) return Promise.resolve(true);
  if (client.state !== State.Starting) return Promise.resolve(false);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      sub.dispose();
      resolve(client.state === State.Running);
    }, STARTING_TIMEOUT_MS);
    const sub = client.onDidChangeState((e) => {
      if (e.newState === State.Starting) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(e.newState === State.Running);
    });
  });
}

/** True when the server is running (after waiting for one that is starting); otherwise explains and offers a restart. */
export async function ensureServerRunning(client: BaseLanguageClient, what: string): Promise<boolean> {
  if (await whenStarted(client)) return true;
  const choice = await window.showErrorMessage(
    `Emend cannot ${what}: the Emend language server is not running.`,
    'Restart Server',
    'Show Output',
  );
  if (choice === 'Restart Server') await commands.executeCommand('emend.restartServer');
  else if (choice === 'Show Output') client.outputChannel.show(true);
  return false;
}

/**
 * Sends a custom request (a RequestType of server/src/protocol.ts, which fixes the params' and the result's types)
 * once the server is running; undefined (after telling the user why) when it cannot.
 */
export async function askServer<P, R>(
  client: BaseLanguageClient,
  what: string,
  type: RequestType<P, R, void>,
  params: NoInfer<RequestParam<P>>,
): Promise<R | undefined> {
  if (!(await ensureServerRunning(client, what))) return undefined;
  try {
    return await client.sendRequest(type, params);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    void window.showErrorMessage(`Emend could not ${what}: ${message}`);
    return undefined;
  }
}
