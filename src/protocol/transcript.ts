// The messages from the printable transcript view's webview script to the extension host. Types only: no
// editor, DOM or Node import, so both sides can import it (`import type` on the host) and esbuild drops it.
// The host sends nothing: it sets the whole page, already rendered and escaped.

/** The view type of the transcript panel. */
export type TranscriptViewType = 'pharmacyCe.transcript';

/** Webview to host. The host checks every message: a webview is not trusted to name files. */
export type TranscriptWebviewMessage =
  /** Print was pressed but the window refused to print (VS Code's views are not allowed to open the print dialog). */
  | { readonly type: 'printUnavailable' }
  /** Show the transcript's HTML file in VS Code's Explorer view (the host knows which file). */
  | { readonly type: 'showInExplorer' };

export type TranscriptWebviewMessageType = TranscriptWebviewMessage['type'];

/** The view type of the portfolio panel (issue #14), a printable view like the transcript's. */
export type PortfolioViewType = 'pharmacyCe.portfolio';

/**
 * What the printable views' shared script sends (the transcript's and the portfolio's): the transcript's
 * messages, and Open in Browser, offered only where the system browser can open the written file (desktop).
 */
export type PrintableWebviewMessage = TranscriptWebviewMessage | { readonly type: 'openInBrowser' };
