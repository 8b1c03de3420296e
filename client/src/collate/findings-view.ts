// The Witness Findings list (Explorer): the review of the active transcription against its witness, grouped — the
// findings to act on first, then each kind of variant, those the editor hides last — each item with its place, its
// witness line and its fix. Clicking an item shows it in the editor; the lightbulb applies its fix; Next/Previous
// Finding walk the items the editor shows, and the list says how many remain. Everything comes from the server
// (`emend/findings`); this part only shows it.
import {
  commands,
  EventEmitter,
  languages,
  MarkdownString,
  Position,
  Range,
  Selection,
  TextEditorRevealType,
  ThemeIcon,
  TreeItem,
  TreeItemCollapsibleState,
  Uri,
  window,
  workspace,
  WorkspaceEdit,
  type Event,
  type ExtensionContext,
  type TextEditor,
  type TreeDataProvider,
  type TreeView,
} from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { FindingsRequest, type FindingItem, type FindingsResult } from '../../../server/src/protocol';
import { toRange } from '../active-editor';
import { askServer } from '../server/server-requests';
import { counts, describeCounts, groupItems, stepFrom, type Group } from './findings-model';

export const FINDINGS_VIEW = 'emend.witnessFindings';

type Node = { kind: 'group'; group: Group } | { kind: 'item'; item: FindingItem; group: Group };

const ICONS: Record<FindingItem['level'], string> = {
  error: 'error',
  warning: 'warning',
  information: 'info',
  hint: 'lightbulb',
  off: 'eye-closed',
};

class FindingsProvider implements TreeDataProvider<Node> {
  private readonly changed = new EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData: Event<Node | undefined> = this.changed.event;
  /** The transcription shown, and its review. */
  uri: Uri | undefined;
  result: FindingsResult | undefined;
  private groups: Group[] = [];
  private nodes = new Map<FindingItem, Node>();

  set(uri: Uri | undefined, result: FindingsResult | undefined): void {
    this.uri = uri;
    this.result = result;
    this.groups = result ? groupItems(result.items) : [];
    this.nodes = new Map();
    for (const group of this.groups)
      for (const item of group.items) this.nodes.set(item, { kind: 'item', item, group });
    this.changed.fire(undefined);
  }

  nodeOf(item: FindingItem): Node | undefined {
    return this.nodes.get(item);
  }

  getChildren(node?: Node): Node[] {
    if (!node) return this.groups.map((group) => ({ kind: 'group', group }));
    if (node.kind === 'group') return node.group.items.map((item) => this.nodes.get(item)!);
    return [];
  }

  getParent(node: Node): Node | undefined {
    return node.kind === 'item' ? { kind: 'group', group: node.group } : undefined;
  }

  getTreeItem(node: Node): TreeItem {
    if (node.kind === 'group') {
      const t = new TreeItem(
        node.group.title,
        node.group.expanded ? TreeItemCollapsibleState.Expanded : TreeItemCollapsibleState.Collapsed,
      );
      t.id = `group:${node.group.group}`;
      t.contextValue = 'emendFindingGroup';
      return t;
    }
    const item = node.item;
    const t = new TreeItem(item.label, TreeItemCollapsibleState.None);
    t.id = `item:${item.code}:${item.range.start.line}:${item.range.start.character}:${item.label}`;
    t.description = `line ${item.range.start.line + 1} · witness line ${item.witnessLine + 1}`;
    const tip = new MarkdownString();
    tip.appendText(item.message);
    if (item.fixes.length) tip.appendMarkdown('\n\n**Fix:** ').appendText(item.fixes.map((f) => f.title).join('; '));
    if (item.level === 'off') tip.appendMarkdown('\n\n').appendText(`Hidden in the editor (${item.code} is off).`);
    t.tooltip = tip;
    t.iconPath = new ThemeIcon(ICONS[item.level]);
    t.contextValue = item.fixes.length ? 'emendFinding.fixable' : 'emendFinding';
    t.command = { command: 'emend.revealFinding', title: 'Show in the Transcription', arguments: [item] };
    return t;
  }
}

export function registerFindingsView(context: ExtensionContext, client: BaseLanguageClient): void {
  const provider = new FindingsProvider();
  const view: TreeView<Node> = window.createTreeView(FINDINGS_VIEW, { treeDataProvider: provider });
  let timer: ReturnType<typeof setTimeout> | undefined;
  let asked = 0;

  const transcription = (): TextEditor | undefined => {
    const e = window.activeTextEditor;
    return e && e.document.languageId === 'emend' ? e : undefined;
  };

  const show = (uri: Uri | undefined, result: FindingsResult | undefined): void => {
    provider.set(uri, result);
    const state = !uri ? 'none' : !result ? 'none' : result.witness ? 'ok' : 'noWitness';
    void commands.executeCommand('setContext', 'emend.findingsState', state);
    if (!result || !result.witness) {
      view.description = undefined;
      view.badge = undefined;
      view.message = result?.message;
      return;
    }
    const c = counts(result.items);
    view.message = result.items.length === 0 ? `The witness ${result.witness.name} agrees word for word.` : undefined;
    view.description = describeCounts(result.items);
    view.badge = c.toActOn
      ? { value: c.toActOn, tooltip: `${c.toActOn} finding${c.toActOn === 1 ? '' : 's'} to act on` }
      : undefined;
  };

  /** Asks the server for the active transcription's review (the latest request wins). */
  const refresh = async (): Promise<FindingsResult | undefined> => {
    const editor = transcription();
    if (!editor) {
      // Another editor (or none): keep the list of the last transcription, as the Outline keeps its document.
      if (!provider.uri) show(undefined, undefined);
      return provider.result;
    }
    const uri = editor.document.uri;
    const n = ++asked;
    const result = await askServer(client, 'list the witness findings', FindingsRequest, {
      uri: client.code2ProtocolConverter.asUri(uri),
    });
    if (n !== asked) return provider.result;
    show(uri, result);
    return result;
  };

  const later = (): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      if (view.visible) void refresh();
    }, 200);
  };

  /** The review for the active transcription, fresh for its current version. */
  const current = async (): Promise<{ editor: TextEditor; result: FindingsResult } | undefined> => {
    const editor = transcription();
    if (!editor) {
      void window.showInformationMessage('Open an Emend transcription (*.emend) to walk its witness findings.');
      return undefined;
    }
    let result = provider.result;
    if (
      !result ||
      provider.uri?.toString() !== editor.document.uri.toString() ||
      result.version !== editor.document.version
    )
      result = await refresh();
    return result ? { editor, result } : undefined;
  };

  const reveal = async (item: FindingItem, uri?: Uri): Promise<void> => {
    const target = uri ?? provider.uri;
    if (!target) return;
    const editor = await window.showTextDocument(target, { preserveFocus: false, preview: false });
    const range = toRange(item.range);
    editor.selection = new Selection(range.start, range.end);
    editor.revealRange(range, TextEditorRevealType.InCenterIfOutsideViewport);
  };

  const step = async (direction: 1 | -1): Promise<void> => {
    const found = await current();
    if (!found) return;
    const { editor, result } = found;
    if (!result.witness) {
      void window.showInformationMessage(`Emend: ${result.message ?? 'this transcription has no witness.'}`);
      return;
    }
    const at = direction === 1 ? editor.selection.end : editor.selection.start;
    const next = stepFrom(result.items, { line: at.line, character: at.character }, direction);
    if (!next) {
      void window.setStatusBarMessage('$(check) Emend: no witness findings or variants shown in the editor', 4000);
      return;
    }
    await reveal(next.item, editor.document.uri);
    const node = provider.nodeOf(next.item);
    if (node && view.visible) void view.reveal(node, { select: true, focus: false });
    const c = counts(result.items);
    const fix = next.item.fixes.length ? ` (fix: ${next.item.fixes[0]!.title})` : '';
    void window.setStatusBarMessage(
      `${next.wrapped ? '$(debug-restart) ' : ''}Emend: ${next.index + 1} of ${next.of}, ${c.toActOn} to act on — ${next.item.label}${fix}`,
      8000,
    );
  };

  const applyFix = async (arg?: unknown): Promise<void> => {
    const node = arg as Node | FindingItem | undefined;
    const item = node && 'kind' in node ? (node.kind === 'item' ? node.item : undefined) : (node as FindingItem);
    const uri = provider.uri;
    const result = provider.result;
    if (!item || !uri || !result) return;
    const fix = item.fixes.find((f) => f.preferred) ?? item.fixes[0];
    if (!fix) {
      void window.showInformationMessage('Emend: this difference has no fix; it is for you to judge.');
      return;
    }
    const doc = workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (!doc || doc.version !== result.version) {
      // The text moved on since the list was made: the fix's places may be wrong, so look again instead.
      await refresh();
      void window.showInformationMessage(
        'Emend: the transcription changed; the list is up to date again, try once more.',
      );
      return;
    }
    const edit = new WorkspaceEdit();
    for (const e of fix.edits) edit.replace(uri, toRange(e.range), e.newText);
    if (!(await workspace.applyEdit(edit))) void window.showErrorMessage('Emend: the fix could not be applied.');
  };

  const openInWitness = async (arg?: unknown): Promise<void> => {
    const node = arg as Node | undefined;
    const item = node && node.kind === 'item' ? node.item : undefined;
    const witness = provider.result?.witness;
    if (!item || !witness) return;
    const uri = Uri.parse(witness.uri);
    const line = new Position(item.witnessLine, 0);
    await window.showTextDocument(uri, {
      viewColumn: -2 /* ViewColumn.Beside */,
      preview: true,
      selection: new Range(line, line),
    });
  };

  context.subscriptions.push(
    view,
    view.onDidChangeVisibility((e) => {
      if (e.visible) void refresh();
    }),
    window.onDidChangeActiveTextEditor((e) => {
      if (e && e.document.languageId === 'emend') later();
    }),
    // A witness that changed changes the diagnostics too (the server refreshes them), so this covers it.
    languages.onDidChangeDiagnostics((e) => {
      if (provider.uri && e.uris.some((u) => u.toString() === provider.uri!.toString())) later();
      else if (!provider.uri) later();
    }),
    workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('emend.diagnostics')) later();
    }),
    commands.registerCommand('emend.revealFinding', (item: FindingItem) => reveal(item)),
    commands.registerCommand('emend.nextFinding', () => step(1)),
    commands.registerCommand('emend.previousFinding', () => step(-1)),
    commands.registerCommand('emend.applyFindingFix', applyFix),
    commands.registerCommand('emend.openFindingInWitness', openInWitness),
    commands.registerCommand('emend.refreshFindings', () => refresh()),
    { dispose: () => timer && clearTimeout(timer) },
  );
  void commands.executeCommand('setContext', 'emend.findingsState', 'none');
  // The list appears in the Explorer once a transcription has been opened in this window, and stays.
  const seen = () => void commands.executeCommand('setContext', 'emend.transcriptionSeen', true);
  if (workspace.textDocuments.some((d) => d.languageId === 'emend')) seen();
  else {
    const once = workspace.onDidOpenTextDocument((d) => {
      if (d.languageId !== 'emend') return;
      seen();
      once.dispose();
    });
    context.subscriptions.push(once);
  }
}
