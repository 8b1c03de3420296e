// Emend: Restart Language Server and Emend: Show Output.
import { commands, window, type ExtensionContext } from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';

export function registerServerCommands(context: ExtensionContext, client: LanguageClient): void {
  context.subscriptions.push(
    commands.registerCommand('emend.restartServer', async () => {
      try {
        if (client.state === State.Running || client.state === State.Starting) await client.restart();
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
