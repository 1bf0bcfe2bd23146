/**
 * Types for the parts of `jsfive` (pure-JS HDF5 reader, ships no declarations) that Graft uses to
 * read Keras weight files. Attribute and dataset values are left `unknown`: HDF5 content is
 * untrusted input and is checked where it is read (h5-read.ts).
 */
declare module "jsfive" {
  /** A group (folder) in an HDF5 file. */
  export class Group {
    readonly name: string;
    readonly keys: string[];
    readonly attrs: Record<string, unknown>;
    /** A child group or dataset by (slash-separated) path; throws when absent. */
    get(path: string): Group | Dataset;
  }
  /** An n-dimensional array in an HDF5 file. */
  export class Dataset {
    readonly name: string;
    readonly shape: number[];
    readonly dtype: unknown;
    readonly attrs: Record<string, unknown>;
    readonly value: unknown;
  }
  /** An HDF5 file read from memory; throws on a bad signature or structure. */
  export class File extends Group {
    constructor(buffer: ArrayBuffer, filename?: string);
  }
}
