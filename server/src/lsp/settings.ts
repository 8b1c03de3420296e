// Settings, pulled per resource: `emend.diagnostics.severity` through `workspace/configuration` (section `emend`,
// with the document's scopeUri) and the project file `.emend.json` (the nearest one in the document's folder or
// its ancestors, the same rule as `emend check`). Both are cached, and dropped when the client says they changed
// (`workspace/didChangeConfiguration`, `workspace/didChangeWatchedFiles`); then diagnostics are refreshed.
//
// Precedence, per code: the default severity, then the project file, then the user's `emend.diagnostics.severity`
// setting (user, workspace or folder settings, as VS Code merges them for the resource). The project file is the
// team's house style, the setting is one person's override on their own machine.
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  MessageType,
  ShowMessageNotification,
} from 'vscode-languageserver/node';
import { isProblemCode, parseProjectConfig, PROJECT_FILE, SEVERITIES, type Severities } from '../core/index';
import type { Feature, ServerContext } from './context';

export const SETTINGS_SECTION = 'emend';

/** Largest project file read; anything bigger is reported, not parsed. */
const MAX_PROJECT_FILE = 1 << 20;

export interface ProjectFileState {
  /** Absolute path of the project file that applies, or null when none was found. */
  path: string | null;
  severity: Severities;
  errors: string[];
}

class SettingsStore {
  private readonly userCache = new Map<string, Promise<Severities>>();
  private readonly projectCache = new Map<string, ProjectFileState>();
  /** Error messages already shown, so one broken file is announced once per content, not per request. */
  private readonly announced = new Set<string>();

  constructor(private readonly ctx: ServerContext) {}

  /** The severities for a document: project file, then the user's setting on top. */
  async severities(uri: string): Promise<Severities> {
    const project = this.project(uri);
    const user = await this.user(uri);
    return { ...project.severity, ...user };
  }

  private user(uri: string): Promise<Severities> {
    if (!this.ctx.clientCapabilities().workspace?.configuration) return Promise.resolve({});
    let p = this.userCache.get(uri);
    if (!p) {
      p = this.ctx.connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION }).then(
        (value: unknown) => this.validateSetting(value),
        (e: unknown) => {
          this.ctx.connection.console.error(`emend: could not read settings for ${uri}: ${String(e)}`);
          this.userCache.delete(uri);
          return {};
        },
      );
      this.userCache.set(uri, p);
    }
    return p;
  }

  private validateSetting(value: unknown): Severities {
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

  /** The project file for a document: the nearest `.emend.json` in its folder or an ancestor (file: URIs only). */
  project(uri: string): ProjectFileState {
    let dir: string;
    try {
      if (!uri.startsWith('file:')) return { path: null, severity: {}, errors: [] };
      dir = dirname(fileURLToPath(uri));
    } catch {
      return { path: null, severity: {}, errors: [] };
    }
    const cached = this.projectCache.get(dir);
    if (cached) return cached;
    const state = this.findProject(dir);
    this.projectCache.set(dir, state);
    this.announce(state.errors);
    return state;
  }

  private findProject(dir: string): ProjectFileState {
    for (let d = dir; ; d = dirname(d)) {
      const path = join(d, PROJECT_FILE);
      let size: number | null = null;
      try {
        const st = statSync(path);
        if (st.isFile()) size = st.size;
      } catch {
        /* not here: look in the parent */
      }
      if (size !== null) {
        if (size > MAX_PROJECT_FILE)
          return {
            path,
            severity: {},
            errors: [`${path} is too large (${size} bytes) to be a project file; it is ignored.`],
          };
        let text: string;
        try {
          text = readFileSync(path, 'utf8');
        } catch (e) {
          return { path, severity: {}, errors: [`${path} could not be read: ${(e as Error).message}`] };
        }
        const { config, errors } = parseProjectConfig(text);
        return { path, severity: config.severity, errors: errors.map((m) => `${path}: ${m}`) };
      }
      if (dirname(d) === d) return { path: null, severity: {}, errors: [] };
    }
  }

  private announce(errors: string[]): void {
    for (const message of errors) {
      this.ctx.connection.console.warn(message);
      if (this.announced.has(message)) continue;
      this.announced.add(message);
      // A notification, not a request: nothing to wait for, and no button to press.
      void this.ctx.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
    }
  }

  /** Forgets the settings read for every document (they changed). */
  clearUser(): void {
    this.userCache.clear();
  }

  forget(uri: string): void {
    this.userCache.delete(uri);
  }

  /** Forgets every project file read (one changed, appeared or went away). */
  clearProject(): void {
    this.projectCache.clear();
    this.announced.clear();
  }
}

const stores = new WeakMap<ServerContext, SettingsStore>();

function store(ctx: ServerContext): SettingsStore {
  let s = stores.get(ctx);
  if (!s) {
    s = new SettingsStore(ctx);
    stores.set(ctx, s);
  }
  return s;
}

/** The effective severities for a document (project file, then the user's setting). */
export function severitiesFor(ctx: ServerContext, uri: string): Promise<Severities> {
  return store(ctx).severities(uri);
}

/** The project file that applies to a document, for hovers and status. */
export function projectFileFor(ctx: ServerContext, uri: string): ProjectFileState {
  return store(ctx).project(uri);
}

const refreshers: ((ctx: ServerContext) => void)[] = [];

/** Runs `fn` whenever diagnostics are refreshed (settings or a witness changed): the diagnostics feature re-pushes for clients that do not pull. */
export function onDiagnosticsRefresh(fn: (ctx: ServerContext) => void): void {
  refreshers.push(fn);
}

/** Asks the client to pull diagnostics again, when it can; tells the listeners either way. */
export function refreshDiagnostics(ctx: ServerContext): void {
  if (ctx.clientCapabilities().workspace?.diagnostics?.refreshSupport) {
    void ctx.connection.languages.diagnostics.refresh().catch(() => undefined);
  }
  for (const fn of refreshers) fn(ctx);
}

export const settings: Feature = {
  register(ctx) {
    ctx.connection.onDidChangeConfiguration(() => {
      store(ctx).clearUser();
      refreshDiagnostics(ctx);
    });
    ctx.onDidChangeWatchedFiles((params) => {
      if (!params.changes.some((c) => c.uri.endsWith(`/${PROJECT_FILE}`))) return;
      store(ctx).clearProject();
      refreshDiagnostics(ctx);
    });
    ctx.documents.onDidClose((e) => store(ctx).forget(e.document.uri));
  },
  initialized(ctx) {
    const caps = ctx.clientCapabilities().workspace;
    if (caps?.didChangeConfiguration?.dynamicRegistration) {
      void ctx.connection.client
        .register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION })
        .catch(() => undefined);
    }
    if (caps?.didChangeWatchedFiles?.dynamicRegistration) {
      void ctx.connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/${PROJECT_FILE}` }] })
        .catch(() => undefined);
    }
  },
};
