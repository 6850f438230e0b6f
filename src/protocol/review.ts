// The messages between the review panel (extension host) and its webview script (Start Review and Practice
// Exam). Types only: no editor, DOM or Node import, so both sides can import it (`import type` on the host)
// and esbuild drops it. The host renders and escapes every piece of markup; the webview names no file.

/** The view type of the review panel. */
export type ReviewViewType = 'pharmacyCe.review';

export type ReviewRating = 1 | 2 | 3 | 4;

/** Host to webview. */
export type ReviewHostMessage =
  /**
   * A card to show, front first: `html` holds the front, the answer (hidden until shown) and the four grade
   * buttons, rendered and escaped by the host. `seq` names this showing of the card: a grade names it back,
   * so a key pressed twice cannot grade the next card by mistake.
   */
  | { readonly type: 'card'; readonly seq: number; readonly html: string; readonly canUndo: boolean }
  /** The end of the session (or nothing to review): the summary, rendered by the host. */
  | { readonly type: 'summary'; readonly html: string; readonly canUndo: boolean }
  /** A short status for the live region (a grade not saved, an undo that could not be done). */
  | { readonly type: 'notice'; readonly text: string };

/** Webview to host. The host checks every field: a webview is not trusted. */
export type ReviewWebviewMessage =
  /** The script has loaded (first open, after being hidden) and wants what to show. */
  | { readonly type: 'ready' }
  /** Grade the card shown as `seq`: 1 Again, 2 Hard, 3 Good, 4 Easy. */
  | { readonly type: 'grade'; readonly seq: number; readonly rating: ReviewRating }
  /** Take back the last grade of this panel (Ctrl+Z). */
  | { readonly type: 'undo' }
  /** Open the note of the card shown as `seq` at the card's line. */
  | { readonly type: 'openNote'; readonly seq: number }
  /** End the session now and show the summary. */
  | { readonly type: 'finish' };

export type ReviewWebviewMessageType = ReviewWebviewMessage['type'];
