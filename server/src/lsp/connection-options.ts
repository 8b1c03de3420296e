// How the server's JSON-RPC connection treats malformed parameters, before any handler (ours or the LSP
// library's, such as `initialize`) sees them. JSON-RPC 2.0 allows `params` to be an object or an array, or absent.
// Anything else (null, a number, a string) is treated as absent, so the JSON-RPC layer answers every request that
// takes parameters with InvalidParams, and drops such a notification, instead of a handler failing with a TypeError.
// Arrays are refused by the same layer, since every message declares its parameters by name (protocol.ts).
import { Message, type ConnectionOptions } from 'vscode-languageserver';

export const CONNECTION_OPTIONS: ConnectionOptions = {
  messageStrategy: {
    handleMessage(message, next) {
      if ((Message.isRequest(message) || Message.isNotification(message)) && 'params' in message) {
        const params: unknown = message.params;
        if (typeof params !== 'object' || params === null) delete message.params;
      }
      return next(message);
    },
  },
};
