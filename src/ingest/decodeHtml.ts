import { TextDecoder } from 'node:util';

/** The text of an HTML page's bytes, in the charset its header or its own <meta> declares (UTF-8 otherwise). */
export function decodeHtml(body: Uint8Array, declaredCharset: string | null): string {
  const charset = declaredCharset ?? metaCharset(body) ?? 'utf-8';
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset);
  } catch {
    // An unknown label: read it as UTF-8 rather than refuse the page.
    decoder = new TextDecoder('utf-8');
  }
  return decoder.decode(body);
}

/** The charset named by `<meta charset>` or `<meta http-equiv="Content-Type">` near the top of a page. */
function metaCharset(body: Uint8Array): string | null {
  const head = Buffer.from(body.subarray(0, 4096)).toString('latin1');
  return /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1] ?? null;
}
