// The messages between the dashboard panel (extension host) and its webview script. Types only: no editor,
// DOM or Node import, so both sides can import it (`import type` on the host) and esbuild drops it.

/** The view type of the panel, as declared by the `onWebviewPanel:` activation event. */
export type DashboardViewType = 'pharmacyCe.dashboard';

/** Where something is in the dashboard: a credential card or a note, each inside one workspace folder. */
export type DashboardTarget =
  | { readonly kind: 'credential'; readonly folder: string; readonly credentialId: string }
  | { readonly kind: 'note'; readonly folder: string; readonly path: string };

/** Host to webview. */
export type HostMessage =
  /**
   * The whole dashboard body, rendered and escaped by the host. The webview swaps it in place, so scroll
   * position and focus survive an update.
   */
  | { readonly type: 'render'; readonly html: string; readonly version: number }
  /** Scroll to and highlight a credential card or a note. */
  | { readonly type: 'reveal'; readonly target: DashboardTarget };

/** Webview to host. The host checks every field: a webview is not trusted to name files. */
export type WebviewMessage =
  /** The script has loaded (first open, after being hidden, after a reload) and wants the current body. */
  | { readonly type: 'ready' }
  /** Open an indexed note of a workspace folder in the editor. `folder` is the folder's URI string. */
  | { readonly type: 'openNote'; readonly folder: string; readonly path: string }
  /** Export the transcript of one credential. */
  | { readonly type: 'exportTranscript'; readonly folder: string; readonly credentialId: string }
  /** Start the guided credential set-up for a folder without a config file. */
  | { readonly type: 'setUpCredentials'; readonly folder: string }
  /** Start a review of a folder's cards, or of one exam's (a plan id). */
  | { readonly type: 'startReview'; readonly folder: string; readonly exam?: string }
  /** Start New Career Note in a folder (the Career section's empty state and its buttons). */
  | { readonly type: 'newCareerNote'; readonly folder: string }
  /** Export the folder's printable portfolio. */
  | { readonly type: 'exportPortfolio'; readonly folder: string };

export type WebviewMessageType = WebviewMessage['type'];

/** What the webview keeps with `setState`, so a reload or a hidden tab comes back where the user was. */
export interface DashboardState {
  readonly scrollY: number;
  /** `data-key` of the note or credential last selected. */
  readonly selected?: string;
  /** Open (true) or closed (false) state of the `<details>` sections the user toggled, by `data-key`. */
  readonly details?: Readonly<Record<string, boolean>>;
}
