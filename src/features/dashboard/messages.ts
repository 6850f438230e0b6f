// Checks what the webview sends. The webview shows note text, so it is treated like any untrusted page:
// only known message types with string fields of sane length get through, and note paths are checked
// against the index by the panel before anything is opened.
import type { WebviewMessage } from '../../protocol/dashboard';

const MAX_FIELD = 4096;

function field(raw: Record<string, unknown>, name: string): string | undefined {
  const value = raw[name];
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_FIELD ? value : undefined;
}

/** The message as a WebviewMessage, or undefined when it is not one of the known shapes. */
export function parseWebviewMessage(raw: unknown): WebviewMessage | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const m = raw as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
      return { type: 'ready' };
    case 'openNote': {
      const folder = field(m, 'folder');
      const path = field(m, 'path');
      return folder && path ? { type: 'openNote', folder, path } : undefined;
    }
    case 'exportTranscript': {
      const folder = field(m, 'folder');
      const credentialId = field(m, 'credentialId');
      return folder && credentialId ? { type: 'exportTranscript', folder, credentialId } : undefined;
    }
    case 'setUpCredentials': {
      const folder = field(m, 'folder');
      return folder ? { type: 'setUpCredentials', folder } : undefined;
    }
    case 'startReview': {
      const folder = field(m, 'folder');
      // No exam: the whole folder. An exam that is there but not a sane string is a malformed message.
      const exam = m.exam === undefined ? undefined : field(m, 'exam');
      if (!folder || (m.exam !== undefined && !exam)) return undefined;
      return exam ? { type: 'startReview', folder, exam } : { type: 'startReview', folder };
    }
    case 'newCareerNote':
    case 'exportPortfolio': {
      const folder = field(m, 'folder');
      return folder ? { type: m.type, folder } : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * True for a folder-relative note path as the index writes them: `/`-separated, relative, no `.`/`..`
 * segments, no backslashes or control characters. Anything else cannot name an indexed note.
 */
export function isPlainRelativePath(path: string): boolean {
  if (path.startsWith('/') || path.includes('\\') || /[\u0000-\u001f]/.test(path) || /^[a-zA-Z]:/.test(path)) return false;
  return path.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}
