import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_URL_INGEST, loadConfig } from '../../src/config.js';

describe('URL_FETCH_* and URL_PREVIEW_TIMEOUT_SECONDS', () => {
  it('default to 5 MB, 15 s, public addresses only, 5 minutes to confirm', () => {
    expect(loadConfig({}).urlIngest).toEqual({ maxBytes: 5 * 1024 * 1024, timeoutMs: 15_000, allow: [], previewTimeoutMs: 300_000 });
    expect(loadConfig({}).urlIngest).toEqual(DEFAULT_URL_INGEST);
  });

  it('are read from the environment', () => {
    const config = loadConfig({
      URL_FETCH_MAX_BYTES: '200000',
      URL_FETCH_TIMEOUT_SECONDS: '5',
      URL_FETCH_ALLOW: '127.0.0.1, 10.0.0.0/8,::1',
      URL_PREVIEW_TIMEOUT_SECONDS: '60',
    });
    expect(config.urlIngest).toEqual({
      maxBytes: 200_000,
      timeoutMs: 5_000,
      allow: ['127.0.0.1', '10.0.0.0/8', '::1'],
      previewTimeoutMs: 60_000,
    });
  });

  it.each([
    ['URL_FETCH_MAX_BYTES', 'lots', 'must be a whole number'],
    ['URL_FETCH_MAX_BYTES', '10', 'must be a whole number'],
    ['URL_FETCH_TIMEOUT_SECONDS', '0', 'must be a whole number'],
    ['URL_FETCH_ALLOW', '127.0.0.1,localhost', 'must list IP addresses or CIDR ranges'],
    ['URL_FETCH_ALLOW', '10.0.0.0/40', 'must list IP addresses or CIDR ranges'],
    ['URL_PREVIEW_TIMEOUT_SECONDS', '3600', 'must be a whole number'],
  ])('refuse %s=%s with a message naming the variable', (name, value, words) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`${name}[.\\d]*: ${words}`));
  });
});
