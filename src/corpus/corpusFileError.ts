/** An article file that cannot be loaded: which file, and why. Its message is "<file>: <reason>". */
export class CorpusFileError extends Error {
  override readonly name = 'CorpusFileError';
  /** The file's name relative to the corpus folder. */
  readonly file: string;
  /** Why it cannot be loaded, in words a curator can act on. */
  readonly reason: string;

  constructor(file: string, reason: string, options?: ErrorOptions) {
    super(`${file}: ${reason}`, options);
    this.file = file;
    this.reason = reason;
  }
}
