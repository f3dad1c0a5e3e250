// The end of a session, as the LSP specification has it: after `shutdown` every request is answered
// with InvalidRequest, and only `exit` is still acted on. vscode-languageserver handles `exit` itself
// (code 0 after shutdown, 1 otherwise) but dispatches every request after shutdown as before, so the
// server went on answering hovers and analysing changes. This sits between the transport and the
// connection, so it covers every request, those with a handler of ours and those without.

import {
  Disposable,
  ErrorCodes,
  Message,
  type DataCallback,
  type MessageReader,
  type MessageWriter,
  type RequestMessage,
  type ResponseMessage,
} from 'vscode-languageserver/node';

export class ShutdownGate implements MessageReader {
  private shutdownReceived = false;

  constructor(
    private readonly reader: MessageReader,
    private readonly writer: MessageWriter,
  ) {}

  /** Whether the client has sent `shutdown` (for the exit code when the input closes). */
  get shutDown(): boolean {
    return this.shutdownReceived;
  }

  get onError() {
    return this.reader.onError;
  }

  get onClose() {
    return this.reader.onClose;
  }

  get onPartialMessage() {
    return this.reader.onPartialMessage;
  }

  listen(callback: DataCallback): Disposable {
    return this.reader.listen((message) => {
      if (Message.isRequest(message)) {
        if (this.shutdownReceived) return this.refuse(message);
        if (message.method === 'shutdown') this.shutdownReceived = true;
      } else if (this.shutdownReceived && Message.isNotification(message) && message.method !== 'exit') {
        // A notification after shutdown (a late didChange) would start work nobody will read.
        return;
      }
      callback(message);
    });
  }

  private refuse(request: RequestMessage): void {
    const answer: ResponseMessage = {
      jsonrpc: '2.0',
      id: request.id,
      error: { code: ErrorCodes.InvalidRequest, message: `The server is shut down: ${request.method} is not answered; only exit is accepted.` },
    };
    // A client gone before the answer is no error of ours (the connection reports a closed pipe itself).
    this.writer.write(answer).catch(() => undefined);
  }

  dispose(): void {
    this.reader.dispose();
  }
}
