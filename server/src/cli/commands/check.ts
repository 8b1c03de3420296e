// `emend check`: the editor's diagnostics in batch. Every problem of every file, as `FILE:LINE:COL: severity code
// message` lines or one JSON document, with the severities of the nearest `.emend.json` (or --config FILE).
import { dirname, resolve } from 'node:path';
import type { CliCommand } from '../command';
import { optionsHelp, parseCommandArgs, type OptionSpec } from '../args';
import { EMEND_EXTENSION, expandInputs, Progress, readInput } from '../inputs';
import { loadProjectFile, ProjectFiles, type ProjectFile } from '../../host/project-file';
import { nodeFiles } from '../../host/node';
import { filePath, fileUri } from '../../host/uris';
import { analyze, diagnose, PROJECT_FILE, type Analysis, type Problem, type Severity } from '../../core/index';
import { witnessCheck } from '../witness';

const OPTIONS: OptionSpec[] = [
  {
    name: 'format',
    short: 'f',
    value: 'FORMAT',
    choices: ['text', 'json'],
    default: 'text',
    help: 'text: one line per problem; json: one document with every file, problem and fix',
  },
  {
    name: 'config',
    short: 'c',
    value: 'FILE',
    help: `use this project file for every input instead of the nearest ${PROJECT_FILE}`,
  },
  { name: 'no-witness', help: 'do not compare with the witness a header names (faster; no witness-* problems)' },
];

/** A problem as `emend check --format json` prints it. Lines and columns are 1-based; columns count UTF-16 units. */
export interface JsonProblem {
  code: string;
  severity: Severity;
  message: string;
  start: { line: number; column: number; offset: number };
  end: { line: number; column: number; offset: number };
  fixes: Array<{ title: string; preferred: boolean; edits: Array<{ start: number; end: number; newText: string }> }>;
}

export interface JsonReport {
  version: 1;
  files: Array<{ file: string; config: string | null; problems: JsonProblem[] }>;
  /** Inputs that could not be read, one line each. */
  errors: string[];
  summary: Record<Severity, number>;
}

export const check: CliCommand = {
  name: 'check',
  summary: 'Report the problems in each file (as the editor does); exit 1 on any error.',
  help: [
    'usage: emend check [--format text|json] [--config FILE] FILE...',
    '',
    'Checks each transcription and prints every problem as',
    '  FILE:LINE:COL: severity code message',
    'with 1-based lines and columns (columns in UTF-16 code units, as in the editor). FILE may be `-` for',
    `standard input, or a directory for every *${EMEND_EXTENSION} file below it.`,
    '',
    'When the header names a witness (`witness: path`, relative to the transcription), the transcription is',
    'compared with it, as in the editor (witness-* problems; --no-witness skips this).',
    '',
    `Severities come from the nearest ${PROJECT_FILE} in the file's directory or one of its parent directories`,
    '(standard input: the current directory), like {"severity": {"empty-mark": "error", "space-inside-mark": "off"}}.',
    '',
    'options:',
    optionsHelp(OPTIONS),
    '',
    'exit status: 0 no error-level problem, 1 an error-level problem was found,',
    `2 usage error, an unreadable input or an invalid ${PROJECT_FILE}.`,
  ].join('\n'),
  async run(args, io) {
    const parsed = parseCommandArgs('check', () => check.help, args, OPTIONS, io);
    if (typeof parsed === 'number') return parsed;
    if (parsed.positionals.length === 0) {
      io.stderr('emend check: no files given (use - for standard input; see emend check --help)\n');
      return 2;
    }
    const json = parsed.options.format === 'json';
    const fixed: ProjectFile | null =
      parsed.options.config === undefined
        ? null
        : await loadProjectFile(nodeFiles, fileUri(resolve(io.cwd, parsed.options.config)));
    const projects = new ProjectFiles(nodeFiles);
    const reportedConfigs = new Set<string>();
    const { inputs, errors } = expandInputs(parsed.positionals, io);
    const readErrors = [...errors];
    let configInvalid = false;
    const report: JsonReport = {
      version: 1,
      files: [],
      errors: readErrors,
      summary: { error: 0, warning: 0, information: 0, hint: 0 },
    };
    for (const e of errors) io.stderr(`emend check: ${e}\n`);
    const progress = new Progress(io, inputs.length, 'checking');
    for (const [index, input] of inputs.entries()) {
      progress.tick(index, input.name);
      const project = fixed ?? (await projects.forFolder(fileUri(input.path === null ? io.cwd : dirname(input.path))));
      if (project.errors.length && !reportedConfigs.has(project.uri ?? '')) {
        reportedConfigs.add(project.uri ?? '');
        progress.clear();
        for (const e of project.errors) io.stderr(`emend check: ${e}\n`);
        configInvalid = true;
      }
      const read = await readInput(input, io);
      if (!read.ok) {
        progress.clear();
        io.stderr(`emend check: ${read.error}\n`);
        readErrors.push(read.error);
        continue;
      }
      const analysis = analyze(read.text);
      const extra = parsed.options['no-witness']
        ? []
        : await witnessCheck(analysis, input.path, io.cwd, project.config.severity);
      const problems = diagnose(analysis, project.config.severity, extra);
      for (const p of problems) report.summary[p.severity]++;
      if (json) {
        report.files.push({
          file: input.name,
          config: projectPath(project),
          problems: problems.map((p) => toJson(p, analysis)),
        });
      } else if (problems.length) {
        progress.clear();
        io.stdout(problems.map((p) => textLine(input.name, p, analysis)).join(''));
      }
    }
    progress.clear();
    if (json) io.stdout(JSON.stringify(report, null, 2) + '\n');
    if (io.stderrIsTTY && !json) io.stderr(summaryLine(report.summary, inputs.length) + '\n');
    if (readErrors.length || configInvalid) return 2;
    return report.summary.error > 0 ? 1 : 0;
  },
};

/** The project file's path, as `--format json` reports it. */
function projectPath(project: ProjectFile): string | null {
  return project.uri === null ? null : (filePath(project.uri) ?? project.uri);
}

function textLine(name: string, p: Problem, analysis: Analysis): string {
  const pos = analysis.lines.positionAt(p.start);
  return `${name}:${pos.line + 1}:${pos.character + 1}: ${p.severity} ${p.code} ${oneLine(p.message)}\n`;
}

function oneLine(message: string): string {
  return message.includes('\n')
    ? message
        .split('\n')
        .map((l) => l.trim())
        .join(' ')
    : message;
}

function toJson(p: Problem, analysis: Analysis): JsonProblem {
  const s = analysis.lines.positionAt(p.start);
  const e = analysis.lines.positionAt(p.end);
  return {
    code: p.code,
    severity: p.severity,
    message: p.message,
    start: { line: s.line + 1, column: s.character + 1, offset: p.start },
    end: { line: e.line + 1, column: e.character + 1, offset: p.end },
    fixes: p.fixes.map((f) => ({
      title: f.title,
      preferred: f.preferred === true,
      edits: f.edits.map((x) => ({ ...x })),
    })),
  };
}

function summaryLine(summary: Record<Severity, number>, files: number): string {
  const parts = [
    `${summary.error} error${summary.error === 1 ? '' : 's'}`,
    `${summary.warning} warning${summary.warning === 1 ? '' : 's'}`,
  ];
  const other = summary.information + summary.hint;
  if (other) parts.push(`${other} note${other === 1 ? '' : 's'}`);
  return `${parts.join(', ')} in ${files} file${files === 1 ? '' : 's'}`;
}
