import type { AppError } from './errors.ts';

// Files users upload (an expense's invoice, a meeting's attachments) come as
// data URLs. What a file is, is read from its first bytes, never from the
// name or the type the browser claims: a script renamed .pdf is refused.

export interface FileType { mime: string; magic: (b: Buffer) => boolean }

export const PDF_AND_IMAGES: readonly FileType[] = [
  { mime: 'application/pdf', magic: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
  { mime: 'image/jpeg', magic: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { mime: 'image/png', magic: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { mime: 'image/webp', magic: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP' },
];

/** A data URL to bytes and their real type, refusing (with the caller's refusals) anything not of these types, or too large. */
export function parseDataUrlFile(
  dataUrl: string,
  opts: { types: readonly FileType[]; maxBytes: number; badFormat: () => AppError; tooLarge: () => AppError },
): { mime: string; content: Buffer } {
  const m = /^data:([\w/+.-]+);base64,([A-Za-z0-9+/=\s]+)$/.exec(dataUrl);
  if (!m) throw opts.badFormat();
  const content = Buffer.from(m[2]!, 'base64');
  if (content.length > opts.maxBytes) throw opts.tooLarge();
  const type = opts.types.find((t) => t.magic(content));
  if (!type || content.length === 0) throw opts.badFormat();
  return { mime: type.mime, content };
}
