// The pure core of Emend: one understanding of the markup. No `vscode`, no LSP connection.
export * from './model';
export * from './codes';
export { parse, closerOf, ESCAPABLE, MAX_NESTING, MAX_PROBLEMS } from './parser';
export { parseHeader, headerValue, HEADER_KEYS } from './header';
export * from './readings';
export * from './lines';
export * from './escape';
export { Analysis, analyze } from './analysis';
export * from './diagnose';
export * from './config';
export * from './revisions';
export * from './hover';
export * from './toggle-mark';
export * from './navigation';
export * from './outline';
export * from './stats';
export * from './render/index';
export * from './collate/index';
