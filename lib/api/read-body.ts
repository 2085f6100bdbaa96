/**
 * The client stopped sending its body (it hung up or the connection broke). Node reports this as
 * Error('aborted') with code ECONNRESET, which must not be mistaken for the database's own resets.
 */
export class BodyNotReceivedError extends Error {
  constructor(cause: unknown) {
    super('The request body was not received in full: the connection closed while it was being sent.', {
      cause,
    });
    this.name = 'BodyNotReceivedError';
  }
}

/**
 * A request's body, or null once it passes `limit` bytes, by its declared length or as it
 * arrives: a chunked body without a length is cut off, never buffered whole.
 */
export async function readLimitedBody(request: Request, limit: number): Promise<Uint8Array | null> {
  if (Number(request.headers.get('content-length') ?? '0') > limit) return null;
  if (!request.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch (error) {
      throw new BodyNotReceivedError(error);
    }
    const { done, value } = chunk;
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
