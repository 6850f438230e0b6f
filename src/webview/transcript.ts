// The printable views' script (transcript, portfolio): the toolbar's buttons. The page itself comes from the host,
// rendered and escaped; this script builds no markup from strings.
import type { PrintableWebviewMessage } from '../protocol/transcript';

interface VsCodeApi {
  postMessage(message: PrintableWebviewMessage): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const note = document.getElementById('print-note') as HTMLElement | null;

document.getElementById('print')?.addEventListener('click', () => {
  // A frame without the sandbox's allow-modals ignores print() without an error; `beforeprint` fires only
  // when the print dialog really opens, so its absence tells the user to print from a browser instead.
  let started = false;
  const mark = (): void => {
    started = true;
  };
  window.addEventListener('beforeprint', mark);
  try {
    window.print();
  } finally {
    window.removeEventListener('beforeprint', mark);
  }
  if (started) return;
  if (note) note.hidden = false;
  vscode.postMessage({ type: 'printUnavailable' });
});

document.getElementById('download')?.addEventListener('click', (event) => {
  const button = event.currentTarget as HTMLElement;
  const page = button.dataset.page;
  if (!page) return;
  const url = URL.createObjectURL(new Blob([page], { type: 'text/html' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = button.dataset.fileName || 'transcript.html';
  // A click made by script reaches the browser's download (allow-downloads) instead of VS Code's link handler.
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
});

document.getElementById('open-in-browser')?.addEventListener('click', () => vscode.postMessage({ type: 'openInBrowser' }));
document.getElementById('show-in-explorer')?.addEventListener('click', () => vscode.postMessage({ type: 'showInExplorer' }));
