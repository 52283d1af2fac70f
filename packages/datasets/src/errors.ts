/** The one error the loaders throw: what went wrong with which file, in Korean and in English. */
export class DatasetError extends Error {
  /** The file or folder the problem is in. */
  readonly path: string;

  constructor(path: string, ko: string, en: string) {
    super(`${ko}\n${en}\n(${path})`);
    this.name = 'DatasetError';
    this.path = path;
  }
}
