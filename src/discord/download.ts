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
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    return await download(url, maxBytes, signal);
  } catch (error) {
    // fetch says "fetch failed" or "This operation was aborted": say what happened instead (the cause stays attached, for the log).
    if (signal.aborted) throw new Error(`the download did not finish within ${timeoutMs / 1000} s`, { cause: error });
    if (error instanceof TypeError) throw new Error(`the file could not be downloaded (${networkReason(error)})`, { cause: error });
    throw error;
  }
}

/** The network's reason behind fetch's "fetch failed": an error code (ECONNREFUSED) or the cause's message. */
function networkReason(error: TypeError): string {
  const cause = error.cause as (Error & { code?: unknown }) | undefined;
  if (typeof cause?.code === 'string') return cause.code;
  return cause?.message ?? error.message;
}

async function download(url: string, maxBytes: number, signal: AbortSignal): Promise<Uint8Array> {
  const response = await fetch(url, { signal });
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
