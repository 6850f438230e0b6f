// What differs between the desktop's extension host (Node) and the browser's (a web worker: vscode.dev,
// github.dev), passed in by the entry point at activation (src/extension-node.ts, src/extension-web.ts). On the
// desktop a `file:` folder is read and written with Node's fs (workspace.fs took 3-10 times as long: README
// "Speed"; and Node can refuse a link at open); in the browser there is only workspace.fs, which every other
// folder (remote, virtual) goes through on the desktop too. Nothing here may import a Node module.
import type * as vscode from 'vscode';
import type { WriteOptions, TargetState } from '../core/common/write-rule';
import type { SkippedLink } from '../core/index/links';
import type { Renderer } from '../features/dashboard/renderer';
import type { FileHead } from '../node/read-note-file';

/** The local disk through Node's fs; paths are the folder's fsPath and `/`-separated paths inside it. */
export interface LocalDisk {
  /** A regular file's first `maxBytes` bytes; refuses a link, a pipe or a folder. */
  readFile(path: string, maxBytes: number): Promise<FileHead<Uint8Array>>;
  /** Where the link at `linkPath` points (undefined when it cannot be told: dangling, gone). */
  linkTarget(folder: string, linkPath: string): SkippedLink['target'];
  /** True for a regular file with no symbolic link on the way. */
  isFileInside(folder: string, relativePath: string): boolean;
  inspectTarget(folder: string, relativePath: string): TargetState;
  inspectFolder(folder: string, relativeDir: string): void;
  write(folder: string, relativePath: string, data: string | Uint8Array, options: WriteOptions): void;
  append(folder: string, relativePath: string, text: string): string;
  removeAppended(folder: string, relativePath: string, appended: string): boolean;
}

export interface Platform {
  /** Which bundle runs: said in the log at activation (the web e2e checks it). */
  readonly name: 'node' | 'web';
  /** Node's fs for `file:` folders; undefined in the browser. */
  readonly disk: LocalDisk | undefined;
  /** File paths compare without case (Windows). */
  readonly caselessFilePaths: boolean;
  /** The dashboard's renderer (with markdown-it): a separate file on the desktop, loaded when first needed. */
  loadRenderer(): Renderer;
}

// Set once by the entry point before any feature starts; the rest of the extension only reads it.
let current: Platform | undefined;

export function setPlatform(platform: Platform): void {
  current = platform;
}

export function platform(): Platform {
  if (!current) throw new Error('Pharmacy CE: the platform is read before activation set it.');
  return current;
}

/** Node's fs for a `file:` uri on the desktop; undefined where workspace.fs must do. */
export function diskFor(uri: vscode.Uri): LocalDisk | undefined {
  return uri.scheme === 'file' ? platform().disk : undefined;
}
