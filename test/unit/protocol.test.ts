// The custom messages of server/src/protocol.ts: typed objects, so that a request paired with another request's
// parameters or result does not compile. The functions at the end are never run: `tsc -b` (npm run build) checks
// them, and each `@ts-expect-error` fails the build if the line below it ever compiles.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NotificationType, ParameterStructures, RequestType } from 'vscode-languageserver-protocol';
import type { Connection } from 'vscode-languageserver';
import type { LanguageClient } from 'vscode-languageclient/node';
import * as protocol from '../../server/src/protocol';
import type { askServer } from '../../client/src/server/server-requests';

const messages = Object.entries(protocol).filter(
  ([, v]) => v instanceof RequestType || v instanceof NotificationType,
) as [string, RequestType<unknown, unknown, void> | NotificationType<unknown>][];

test('every custom message has its own method name under emend/, and names its parameters', () => {
  assert.ok(messages.length >= 14);
  const methods = messages.map(([, m]) => m.method);
  assert.equal(new Set(methods).size, methods.length, 'two messages share a method name');
  for (const [name, m] of messages) {
    assert.match(m.method, /^emend\/[a-zA-Z/]+$/, name);
    assert.equal(m.parameterStructures, ParameterStructures.byName, `${name} declares its parameters by name`);
    assert.equal(m instanceof RequestType, name.endsWith('Request'), `${name}: a request's name ends in Request`);
  }
});

// Compile-time checks only (never called).
export function mismatchedPairingsDoNotCompile(
  connection: Connection,
  client: LanguageClient,
  ask: typeof askServer,
): void {
  // @ts-expect-error: a handler of emend/reading cannot answer with the revisions list.
  connection.onRequest(protocol.ReadingRequest, (): protocol.RevisionsResult => ({ revisions: [] }));
  // @ts-expect-error: emend/reading needs a `kind`.
  void client.sendRequest(protocol.ReadingRequest, { uri: 'file:///a.emend' });
  // @ts-expect-error: emend/stats answers counts, not text.
  void client.sendRequest(protocol.StatsRequest, { uri: 'file:///a.emend' }).then((r): string => r.text);
  // @ts-expect-error: askServer takes the params of the request it is given.
  void ask(client, 'read', protocol.ReadingRequest, { uri: 'file:///a.emend', view: 'final' });
  // @ts-expect-error: a notification's listener gets that notification's params.
  connection.onNotification(protocol.WitnessTextNotification, (p: protocol.CollationChangedParams) => p.uris);
  // @ts-expect-error: a request is not a notification.
  void client.sendNotification(protocol.ReadingRequest, { uri: 'file:///a.emend', kind: 'final' });
}
