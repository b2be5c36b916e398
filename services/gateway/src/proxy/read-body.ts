import type { IncomingMessage } from 'node:http';
import { ProblemException } from '@cms/service-defaults';

const payloadTooLarge = (limit: number) =>
  new ProblemException(413, 'PAYLOAD_TOO_LARGE', 'Request body too large', `The request body exceeds ${limit} bytes.`);

/**
 * Reads the whole request body, refusing it as soon as it passes `limit` bytes (a declared
 * Content-Length over the limit is refused before reading anything).
 */
export async function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(request.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > limit) {
    request.resume();
    throw payloadTooLarge(limit);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      request.resume();
      throw payloadTooLarge(limit);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

const FORM = 'application/x-www-form-urlencoded';

/**
 * A body must be UTF-8 JSON; checked here so that services only ever see well-formed JSON. Routes
 * that `acceptForm` (the OAuth 2 token endpoint, RFC 6749 §4.4.2) also take a UTF-8 form body.
 */
export function assertJsonBody(body: Buffer, contentType: string | undefined, acceptForm = false): void {
  if (body.length === 0) return;
  const mediaType = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (acceptForm && mediaType === FORM) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(body);
    } catch {
      throw new ProblemException(400, 'MALFORMED_BODY', 'Malformed body', 'The form body is not valid UTF-8.');
    }
    return;
  }
  if (mediaType !== 'application/json' && !/^application\/[a-z0-9.+-]+\+json$/.test(mediaType)) {
    throw new ProblemException(415, 'UNSUPPORTED_MEDIA_TYPE', 'Unsupported media type', 'Send the body as application/json.');
  }
  const charset = /charset=([^;]+)/i.exec(contentType ?? '')?.[1]?.trim().toLowerCase();
  if (charset && charset !== 'utf-8' && charset !== 'utf8') {
    throw new ProblemException(415, 'UNSUPPORTED_MEDIA_TYPE', 'Unsupported media type', 'Send JSON encoded as UTF-8.');
  }
  try {
    JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
  } catch {
    throw new ProblemException(400, 'MALFORMED_JSON', 'Malformed JSON', 'The request body is not valid JSON.');
  }
}
