// The few web-platform globals the pure layers use, which every runtime Emend runs in has (Node, browsers, web
// workers) but TypeScript declares only in its DOM and web-worker libraries (or @types/node), none of which the pure
// layers may see: the Encoding API's TextDecoder and TextEncoder, base64's atob and btoa, and timers.

interface TextDecodeOptions {
  stream?: boolean;
}

declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  readonly encoding: string;
  decode(input?: ArrayBufferView | ArrayBuffer, options?: TextDecodeOptions): string;
}

declare class TextEncoder {
  encode(input?: string): Uint8Array;
}

declare function atob(data: string): string;
declare function btoa(data: string): string;

/** A timer's handle: a number in browsers and workers, an object in Node; only ever passed back to clearTimeout. */
interface TimerHandle {
  readonly __timerHandle?: never;
}
declare function setTimeout(callback: () => void, ms?: number): TimerHandle;
declare function clearTimeout(handle: TimerHandle | undefined): void;
