// Emend: Restart Language Server and Emend: Show Output; and the restart when the user trusts the workspace.
import { commands, window, workspace, type ExtensionContext } from 'vscode';
import { State, type BaseLanguageClient } from 'vscode-languageclient';

/** Stops and starts the server. The Node client's own restart also waits for a debugged server's port to be
 * freed; the browser client has no such method (its server options start a fresh worker each time). */
async function restart(client: BaseLanguageClient): Promise<void> {
  const node = client as BaseLanguageClient & { restart?: () => Promise<void> };
  if (node.restart) return node.restart();
  await client.stop();
  await client.start();
}

export function registerServerCommands(context: ExtensionContext, client: BaseLanguageClient): void {
  context.subscriptions.push(
    commands.registerCommand('emend.restartServer', async () => {
      try {
        if (client.state === State.Running || client.state === State.Starting) await restart(client);
        else await client.start();
        void window.setStatusBarMessage('$(check) Emend language server restarted', 3000);
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        const choice = await window.showErrorMessage(
          `The Emend language server could not be started: ${message}`,
          'Show Output',
        );
        if (choice === 'Show Output') client.outputChannel.show(true);
      }
    }),
    commands.registerCommand('emend.showOutput', () => client.outputChannel.show(true)),
  );
}

/**
 * In Restricted Mode the server reads no file outside the workspace's folders (file-access.ts tells it which, at
 * start). Trusting the workspace, or changing its folders meanwhile, restarts the server with the new limit, so
 * witnesses and facsimiles outside the workspace appear without reopening anything.
 */
export function registerWorkspaceTrust(context: ExtensionContext, client: BaseLanguageClient): void {
  const restartIfRunning = (): void => {
    if (client.state === State.Running) {
      restart(client).catch((e: unknown) =>
        client.error('Emend: the language server could not be restarted with the new workspace trust', e),
      );
    }
  };
  context.subscriptions.push(
    workspace.onDidGrantWorkspaceTrust(restartIfRunning),
    workspace.onDidChangeWorkspaceFolders(() => {
      if (!workspace.isTrusted) restartIfRunning();
    }),
  );
}
