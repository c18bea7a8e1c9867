import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';

/** One uploaded file, read whole into memory (callers bound it with `maxBytes`). */
export interface UploadedFile {
  bytes: Buffer;
  /** As the client named and typed it: for logs only, never to decide what the file is. */
  filename: string;
  declaredType: string;
}

/**
 * Lets the routes of one plugin (and only those) take multipart bodies. Register it inside the
 * route plugin: @fastify/multipart is encapsulated, so the JSON routes elsewhere keep refusing
 * multipart with 415.
 */
export async function acceptMultipart(app: FastifyInstance, maxBytes: number): Promise<void> {
  await app.register(multipart, {
    limits: { fileSize: maxBytes, files: 1, fields: 4, parts: 5, fieldSize: 1024, headerPairs: 100 },
  });
}

/**
 * The one file of a multipart request, in the field `file`. Every way a body can be wrong becomes a
 * stable problem: not multipart → 415 UNSUPPORTED_MEDIA_TYPE, no file → 400 IMAGE_REQUIRED, over
 * the limit → 413 IMAGE_TOO_LARGE, a broken body → 400 VALIDATION_FAILED.
 */
export async function readOneFile(request: FastifyRequest, maxBytes: number): Promise<UploadedFile> {
  try {
    if (!request.isMultipart())
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the image as multipart/form-data');
    const part = await request.file({ limits: { fileSize: maxBytes } });
    if (!part || part.fieldname !== 'file')
      throw new AppError('IMAGE_REQUIRED', 'Send the image in the field "file"');
    const bytes = await part.toBuffer();
    return { bytes, filename: part.filename, declaredType: part.mimetype };
  } catch (err) {
    throw problemOfMultipart(err, maxBytes);
  }
}

function problemOfMultipart(err: unknown, maxBytes: number): AppError {
  if (err instanceof AppError) return err;
  const code = (err as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') {
    return new AppError('IMAGE_TOO_LARGE', `The image is larger than ${maxBytes} bytes`, { limit: maxBytes });
  }
  if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') return new AppError('UNSUPPORTED_MEDIA_TYPE');
  if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') {
    return new AppError('VALIDATION_FAILED', 'Send one file and nothing else');
  }
  // busboy's own errors (no boundary, truncated body, bad headers) are bad input, not our failure.
  return new AppError('VALIDATION_FAILED', `The multipart body is malformed: ${(err as Error).message}`);
}
