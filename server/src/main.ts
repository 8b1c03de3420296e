// The language server's one bundle (dist/server.js), for both hosts: Node runs it as a process (the desktop, a
// remote, other editors over stdio) and the browser extension starts it as a web worker (vscode.dev, github.dev).
// It goes on with the entry for the runtime it finds itself in; each is imported only when chosen, so the Node
// entry's modules are never evaluated in a worker. One bundle ships the server's code once in the .vsix.

/** A web worker has WorkerGlobalScope; Node has none. */
const inWebWorker = typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope === 'function';

void (inWebWorker ? import('./server.browser.js') : import('./server.js'));
