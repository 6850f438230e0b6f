// The browser's platform (vscode.dev, github.dev): no Node, so every file goes through workspace.fs, and the
// dashboard's renderer is in the one bundle (a web worker loads a single file).
import * as render from '../features/dashboard/render';
import type { Platform } from './platform';

export const webPlatform: Platform = {
  name: 'web',
  disk: undefined,
  caselessFilePaths: false,
  loadRenderer: () => render,
};
