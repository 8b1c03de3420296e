// Quiet while typing, on the server: where each transcription's cursors are (`emend/cursors` from the client) and
// when it was last edited, so that Diagnostics can hold back the problems of the mark being typed (core/typing.ts)
// until the transcriber pauses or leaves it. When the pause is over, or a cursor moves so that what is held back
// changes, the client is asked to pull diagnostics again (pushing clients get them pushed).
//
// Why here and not in the client's middleware: only the syntax tree knows which mark a cursor is in and where an
// unclosed mark ends (`unclosed-deletion` is reported on the opener, four letters away from the cursor after
// `~~tell`), and the client does not parse the markup. Holding back in the server also keeps quick fixes and
// diagnostics in step, since code actions read the same problems. A client that sends no cursors gets every
// problem at once, as before. docs/architecture.md says more.
import { heldAtCursors, type Analysis, type Problem } from '../core/index';
import { CursorsNotification } from '../protocol';
import type { Feature } from './context';
import { offsetOf } from './convert';
import { field, isPosition } from './request-params';

/**
 * How long after the last edit the transcriber counts as typing. VS Code's TypeScript waits 300–800 ms after a
 * change, by the file's length, before it asks for errors; a transcriber reading the page between words pauses
 * longer than a programmer, so the longer end.
 */
export const TYPING_PAUSE_MS = 800;

interface State {
  version: number;
  cursors: Array<{ line: number; character: number }>;
  lastEdit: number;
  timer?: ReturnType<typeof setTimeout>;
  /** What the last report held back (a key per problem), and what it was computed from. */
  held: string;
  last?: { analysis: Analysis; problems: readonly Problem[] };
}

const key = (held: Set<Problem>): string =>
  [...held]
    .map((p) => `${p.code}:${p.start}:${p.end}`)
    .sort()
    .join(' ');

export class Typing {
  private readonly states = new Map<string, State>();

  constructor(
    /** Diagnostics must be asked for again (the client pulls, or they are pushed). */
    private readonly refresh: () => void,
    private readonly pauseMs = TYPING_PAUSE_MS,
    private readonly now: () => number = Date.now,
  ) {}

  private state(uri: string): State {
    let s = this.states.get(uri);
    if (!s) this.states.set(uri, (s = { version: -1, cursors: [], lastEdit: -Infinity, held: '' }));
    return s;
  }

  /** The document changed: typing goes on; when the pause is over, what was held back is reported. */
  edited(uri: string): void {
    const s = this.state(uri);
    s.lastEdit = this.now();
    clearTimeout(s.timer);
    s.timer = setTimeout(() => {
      s.timer = undefined;
      if (s.held && s.last && key(this.heldFor(s, s.last.analysis, s.last.problems)) !== s.held) this.refresh();
    }, this.pauseMs + 20);
  }

  /** The client's cursors moved (none: the editor is no longer active). */
  cursors(uri: string, version: number, cursors: Array<{ line: number; character: number }>): void {
    const s = this.state(uri);
    s.version = version;
    s.cursors = cursors;
    if (s.last && key(this.heldFor(s, s.last.analysis, s.last.problems)) !== s.held) this.refresh();
  }

  closed(uri: string): void {
    const s = this.states.get(uri);
    if (s) clearTimeout(s.timer);
    this.states.delete(uri);
  }

  private heldFor(s: State, analysis: Analysis, problems: readonly Problem[]): Set<Problem> {
    if (s.cursors.length === 0) return new Set();
    const offsets: number[] = [];
    for (const c of s.cursors) {
      const o = offsetOf(analysis, c);
      if (o !== null) offsets.push(o);
    }
    return heldAtCursors(analysis.doc, problems, offsets, this.now() - s.lastEdit < this.pauseMs);
  }

  /** The problems the editor is shown now: all, less those of the mark being typed. */
  report(uri: string, analysis: Analysis, problems: Problem[]): Problem[] {
    const s = this.states.get(uri);
    if (!s) return problems;
    const held = this.heldFor(s, analysis, problems);
    s.held = key(held);
    s.last = { analysis, problems };
    return held.size ? problems.filter((p) => !held.has(p)) : problems;
  }
}

/** The messages: the client's cursors, and the documents' edits and closing. */
export const typing: Feature = {
  register(ctx) {
    ctx.connection.onNotification(CursorsNotification, (p: unknown) => {
      const uri = field(p, 'uri');
      const version = field(p, 'version');
      const cursors = field(p, 'cursors');
      if (typeof uri !== 'string' || typeof version !== 'number' || !Array.isArray(cursors)) return;
      ctx.typing.cursors(uri, version, cursors.filter(isPosition));
    });
    ctx.documents.onDidChangeContent((e) => ctx.typing.edited(e.document.uri));
    ctx.documents.onDidClose((e) => ctx.typing.closed(e.document.uri));
  },
};
