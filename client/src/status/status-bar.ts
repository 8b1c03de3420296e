// The status bar item for Emend transcriptions: how many deletions and insertions the page has (from the
// server, emend/stats) and how many problems VS Code shows for it (from its diagnostics, so the count matches
// the Problems panel under the user's severities). Clicking it lists the revisions.
import {
  DiagnosticSeverity,
  languages,
  MarkdownString,
  StatusBarAlignment,
  window,
  workspace,
  type ExtensionContext,
  type TextDocument,
} from 'vscode';
import { State, type BaseLanguageClient } from 'vscode-languageclient';
import { StatsRequest, type StatsResult } from '../../../server/src/protocol';

const UPDATE_DELAY_MS = 300;

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function registerStatusBar(context: ExtensionContext, client: BaseLanguageClient): void {
  const item = window.createStatusBarItem('emend.status', StatusBarAlignment.Right, 100);
  item.name = 'Emend: Revisions and Problems';
  context.subscriptions.push(item);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let generation = 0;

  const current = (): TextDocument | undefined => {
    const doc = window.activeTextEditor?.document;
    return doc && doc.languageId === 'emend' ? doc : undefined;
  };

  /** Shows the item in one state: every state sets all four, so none keeps another's command or label. */
  const show = (text: string, tooltip: string | MarkdownString, command: string, label: string): void => {
    item.text = text;
    item.tooltip = tooltip;
    item.command = command;
    item.accessibilityInformation = { label };
    item.show();
  };

  async function update(): Promise<void> {
    const doc = current();
    const mine = ++generation;
    if (!doc) {
      item.hide();
      return;
    }
    if (client.state === State.Starting) {
      show(
        '$(sync~spin) Emend',
        'The Emend language server is starting.',
        'emend.showOutput',
        'Emend language server starting',
      );
      return;
    }
    if (client.state !== State.Running) {
      show(
        '$(circle-slash) Emend',
        'The Emend language server is not running. Click to restart it.',
        'emend.restartServer',
        'Emend language server not running; activate to restart it',
      );
      return;
    }
    let stats: StatsResult;
    try {
      stats = await client.sendRequest(StatsRequest, {
        uri: client.code2ProtocolConverter.asUri(doc.uri),
      });
    } catch {
      return; // the document closed or the server stopped meanwhile; the next event updates the item
    }
    if (mine !== generation) return;
    let errors = 0,
      warnings = 0,
      others = 0;
    for (const d of languages.getDiagnostics(doc.uri)) {
      if (d.severity === DiagnosticSeverity.Error) errors++;
      else if (d.severity === DiagnosticSeverity.Warning) warnings++;
      else others++;
    }
    const text =
      `$(diff-removed) ${stats.deletions} $(diff-added) ${stats.insertions}` +
      (errors || warnings ? `  $(error) ${errors} $(warning) ${warnings}` : '  $(check)');
    const tooltip = new MarkdownString(
      `**Emend** — ${plural(stats.deletions, 'deletion', 'deletions')}, ${plural(stats.insertions, 'insertion', 'insertions')}` +
        ` (${plural(stats.substitutions, 'substitution', 'substitutions')}), ${stats.hands} in another hand, ` +
        `in ${plural(stats.paragraphs, 'paragraph', 'paragraphs')}.\n\n` +
        `${plural(errors, 'error', 'errors')}, ${plural(warnings, 'warning', 'warnings')}, ${others} other ${others === 1 ? 'note' : 'notes'}.\n\n` +
        'Click to list the revisions.',
    );
    show(
      text,
      tooltip,
      'emend.listRevisions',
      `Emend: ${plural(stats.deletions, 'deletion', 'deletions')}, ${plural(stats.insertions, 'insertion', 'insertions')}, ` +
        `${plural(errors, 'error', 'errors')}, ${plural(warnings, 'warning', 'warnings')}. Activate to list the revisions.`,
    );
  }

  const schedule = (delay = UPDATE_DELAY_MS): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      void update();
    }, delay);
  };

  context.subscriptions.push(
    window.onDidChangeActiveTextEditor(() => schedule(0)),
    workspace.onDidChangeTextDocument((e) => {
      if (e.document === current()) schedule();
    }),
    languages.onDidChangeDiagnostics((e) => {
      const doc = current();
      if (doc && e.uris.some((u) => u.toString() === doc.uri.toString())) schedule();
    }),
    client.onDidChangeState(() => schedule(0)),
    { dispose: () => clearTimeout(timer) },
  );
  schedule(0);
}
