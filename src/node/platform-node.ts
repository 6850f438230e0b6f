// The desktop's platform: `file:` folders are read and written with Node's fs (see src/services/platform.ts).
import * as fs from 'fs';
import * as path from 'path';
import type { Renderer } from '../features/dashboard/renderer';
import type { Platform } from '../services/platform';
import { readRegularFile } from './read-regular-file';
import { RefusedWriteError, appendInsideFolder, inspectFolderInside, inspectInsideFolder, relativeInside, removeAppended, writeInsideFolder } from './safe-fs';

export const nodePlatform: Platform = {
  name: 'node',
  disk: {
    readFile: readRegularFile,
    linkTarget(folder, linkPath) {
      try {
        const inside = relativeInside(folder, fs.realpathSync(path.join(folder, ...linkPath.split('/'))));
        return inside === undefined ? 'outside' : { inside: inside.split(path.sep).join('/') };
      } catch {
        return undefined; // dangling or gone meanwhile: said without a target
      }
    },
    isFileInside(folder, relativePath) {
      try {
        return inspectInsideFolder(folder, relativePath) === 'file';
      } catch (error) {
        if (error instanceof RefusedWriteError) return false;
        throw error;
      }
    },
    inspectTarget: inspectInsideFolder,
    inspectFolder: inspectFolderInside,
    write: writeInsideFolder,
    append: appendInsideFolder,
    removeAppended,
  },
  caselessFilePaths: process.platform === 'win32',
  // esbuild builds the renderer apart (dist/dashboard-render.js, next to dist/extension.js): about a third of
  // the code, only the dashboard and the review panel need it.
  loadRenderer: () => require('./dashboard-render.js') as Renderer,
};
