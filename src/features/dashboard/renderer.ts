// Loading the dashboard's renderer (dist/dashboard-render.js, built apart so activation does not load
// markdown-it). It is tried once: when it fails the install is broken and trying again on every redraw would
// only log the same failure again, so the failure is remembered and the panel says what to do.
// No `vscode` import, so it is unit-tested in plain Node.
import * as l10n from '@vscode/l10n';
import { escapeHtml } from '../../core/common/text';
import type * as Render from './render';

export type Renderer = typeof Render;

export type LoadedRenderer = { renderer: Renderer } | { error: unknown; firstFailure: boolean };

export class RendererLoader {
  private loaded: { renderer: Renderer } | { error: unknown } | undefined;
  private failureTold = false;

  constructor(private readonly load: () => Renderer) {}

  /** The renderer, or the error of the one attempt to load it (`firstFailure` the first time it is asked). */
  get(): LoadedRenderer {
    if (!this.loaded) {
      try {
        this.loaded = { renderer: this.load() };
      } catch (error) {
        this.loaded = { error };
      }
    }
    if ('renderer' in this.loaded) return this.loaded;
    const firstFailure = !this.failureTold;
    this.failureTold = true;
    return { error: this.loaded.error, firstFailure };
  }
}

/** What the panel shows instead of the dashboard when the renderer could not be loaded. */
export function rendererMissingHtml(error: unknown): string {
  const reason = error instanceof Error ? error.message : String(error);
  return `<div class="empty" role="alert"><p>${escapeHtml(l10n.t('The CE Dashboard cannot be drawn: a part of the Pharmacy CE Notes extension (dashboard-render.js) could not be loaded. Reinstall the extension, then reload the window.'))}</p>` +
    `<p>${escapeHtml(l10n.t('Reason: {0}', reason))}</p></div>`;
}
