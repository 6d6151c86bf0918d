import { formatBytes } from '../service/uploadRules.js';

/** How long a download of an attachment may take. */
export const DOWNLOAD_TIMEOUT_MS = 15_000;

/**
 * Downloads an attachment's bytes, refusing more than `maxBytes` (counted as they arrive, whatever
 * the headers claim).
 * @throws Error saying what went wrong: the HTTP status, the size, the timeout, the network.
 */
export async function downloadAttachment(url: string, maxBytes: number, timeoutMs = DOWNLOAD_TIMEOUT_MS): Promise<Uint8Array> {
  const protocol = new URL(url).protocol;
  if (protocol !== 'https:' && protocol !== 'http:') throw new Error(`cannot download from a ${protocol} URL`);
  const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  if (!response.ok || response.body === null) {
    await response.body?.cancel();
    throw new Error(`the download failed: HTTP ${response.status}`);
  }
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) {
    await response.body.cancel();
    throw new Error(`the file is ${formatBytes(declared)}; at most ${formatBytes(maxBytes)} is accepted`);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new Error(`the file is larger than ${formatBytes(maxBytes)}`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
