// Settings, pulled per resource: `emend.diagnostics.severity` and `emend.tei` through `workspace/configuration`
// (with the document's scopeUri), and the project file `.emend.json` (host/project-file.ts: the nearest one in the
// document's folder or above, the same lookup as `emend check`). Both are cached, and dropped when the client says
// they changed (`workspace/didChangeConfiguration`, a watched `.emend.json`); then `onChange` runs (the server
// refreshes diagnostics).
//
// Precedence, per code: the default severity, then the project file, then the user's `emend.diagnostics.severity`
// setting (user, workspace or folder settings, as VS Code merges them for the resource). The project file is the
// team's house style, the setting is one person's override on their own machine.
// The reading options the same way: the built-in default (`brackets`, `ellipsis`), then the project file's top-level
// "supplied" / "gap", then `emend.readings.supplied` / `.gap` unless they say `default` (core/reading-settings.ts).
import {
  DidChangeConfigurationNotification,
  MessageType,
  ShowMessageNotification,
  type ClientCapabilities,
  type Connection,
} from 'vscode-languageserver';
import {
  DEFAULT_SIGLA,
  isProblemCode,
  isSigla,
  PROJECT_FILE,
  readingChoices,
  readingSettingChoices,
  SEVERITIES,
  type ReadingChoices,
  type Severities,
  type Sigla,
} from '../core/index';
import type { Host } from '../host/files';
import { NO_PROJECT_FILE, ProjectFiles, type ProjectFile } from '../host/project-file';
import { parentFolder } from '../host/uris';
import type { Feature } from './context';

export const SETTINGS_SECTION = 'emend';

/** The user's `emend` section for one document, validated. */
interface UserSettings {
  severity: Severities;
  readings: ReadingChoices;
  /** `emend.preview.sigla`: how the diplomatic view draws the editorial marks. */
  sigla: Sigla;
}

const NO_USER_SETTINGS: UserSettings = { severity: {}, readings: {}, sigla: DEFAULT_SIGLA };

export class Settings {
  private readonly userCache = new Map<string, Promise<UserSettings>>();
  private readonly projects: ProjectFiles;
  /** Error messages already shown, so one broken file is announced once per content, not per request. */
  private readonly announced = new Set<string>();

  constructor(
    private readonly connection: Connection,
    host: Host,
    private readonly capabilities: () => ClientCapabilities,
    /** Runs when settings or a project file changed (`project`: a `.emend.json`, which the client does not see). */
    private readonly onChange: (project: boolean) => void,
  ) {
    this.projects = new ProjectFiles(host);
    host.watch({ fileName: PROJECT_FILE }, () => {
      this.projects.clear();
      this.announced.clear();
      this.onChange(true);
    });
  }

  /** The severities for a document: project file, then the user's setting on top. */
  async severities(uri: string): Promise<Severities> {
    const [project, user] = await Promise.all([this.project(uri), this.user(uri)]);
    return { ...project.config.severity, ...user.severity };
  }

  /** How supplied text and gaps show in a document's readings: project file, then the user's settings on top. */
  async readings(uri: string): Promise<ReadingChoices> {
    const [project, user] = await Promise.all([this.project(uri), this.user(uri)]);
    return readingChoices(project.config.readings, user.readings);
  }

  /** The sigla style of a document's diplomatic view (`emend.preview.sigla`; only a setting, no project key). */
  async sigla(uri: string): Promise<Sigla> {
    return (await this.user(uri)).sigla;
  }

  /** The project file that applies to a document (none for a document without a folder). */
  async project(uri: string): Promise<ProjectFile> {
    const folder = parentFolder(uri);
    if (folder === null) return NO_PROJECT_FILE;
    const found = await this.projects.forFolder(folder);
    this.announce(found.errors);
    return found;
  }

  /** The `emend.tei` settings for a document, or {} when the client cannot be asked. */
  async tei(uri: string): Promise<Record<string, unknown>> {
    if (!this.capabilities().workspace?.configuration) return {};
    try {
      const value: unknown = await this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'emend.tei' });
      return typeof value === 'object' && value !== null && !Array.isArray(value)
        ? (value as Record<string, unknown>)
        : {};
    } catch {
      return {};
    }
  }

  /** The user's settings changed: forget them all. */
  userChanged(): void {
    this.userCache.clear();
    this.onChange(false);
  }

  /** The document closed: its settings are asked again if it is reopened. */
  forget(uri: string): void {
    this.userCache.delete(uri);
  }

  private user(uri: string): Promise<UserSettings> {
    if (!this.capabilities().workspace?.configuration) return Promise.resolve(NO_USER_SETTINGS);
    let p = this.userCache.get(uri);
    if (!p) {
      p = this.connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION }).then(
        (value: unknown) => this.validateSetting(value),
        (e: unknown) => {
          this.connection.console.error(`emend: could not read settings for ${uri}: ${String(e)}`);
          this.userCache.delete(uri);
          return NO_USER_SETTINGS;
        },
      );
      this.userCache.set(uri, p);
    }
    return p;
  }

  private validateSetting(value: unknown): UserSettings {
    const { choices, errors } = readingSettingChoices((value as { readings?: unknown } | null)?.readings);
    this.announce(errors);
    const sigla = (value as { preview?: { sigla?: unknown } } | null)?.preview?.sigla;
    return {
      severity: this.validateSeverity(value),
      readings: choices,
      sigla: isSigla(sigla) ? sigla : DEFAULT_SIGLA,
    };
  }

  private validateSeverity(value: unknown): Severities {
    const raw = (value as { diagnostics?: { severity?: unknown } } | null)?.diagnostics?.severity;
    const out: Severities = {};
    if (raw === undefined || raw === null) return out;
    const errors: string[] = [];
    if (typeof raw !== 'object' || Array.isArray(raw)) {
      errors.push('emend.diagnostics.severity must be an object of code: level, like {"empty-mark": "error"}');
    } else {
      for (const [code, level] of Object.entries(raw)) {
        if (!isProblemCode(code)) {
          errors.push(`emend.diagnostics.severity: unknown problem code "${code}"`);
          continue;
        }
        if (level !== 'off' && !(SEVERITIES as readonly unknown[]).includes(level)) {
          errors.push(`emend.diagnostics.severity: "${code}" must be one of off, hint, information, warning, error`);
          continue;
        }
        out[code] = level as Severities[string];
      }
    }
    this.announce(errors);
    return out;
  }

  private announce(errors: string[]): void {
    for (const message of errors) {
      if (this.announced.has(message)) continue;
      this.announced.add(message);
      this.connection.console.warn(message);
      // A notification, not a request: nothing to wait for, and no button to press.
      void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
    }
  }
}

/** Listens for changed settings; the project file is watched by Settings itself, through the host. */
export const settings: Feature = {
  register(ctx) {
    ctx.connection.onDidChangeConfiguration(() => ctx.settings.userChanged());
    ctx.documents.onDidClose((e) => ctx.settings.forget(e.document.uri));
  },
  initialized(ctx) {
    if (ctx.clientCapabilities().workspace?.didChangeConfiguration?.dynamicRegistration) {
      void ctx.connection.client
        .register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION })
        .catch(() => undefined);
    }
  },
};
