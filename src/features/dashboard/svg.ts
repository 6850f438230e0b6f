// The dashboard's small SVG shapes. Sizes are attributes, so no inline style is needed under the CSP; each
// shape has a spoken name (role="img" with an aria-label) and any visible text in it is hidden from readers.
import { escapeHtml as e } from '../../core/common/text';

/** A horizontal bar in SVG: widths are attributes, so no inline style is needed under the CSP. */
export function bar(value: number, max: number, label: string, met: boolean): string {
  const width = max > 0 ? Math.max(0, Math.min(100, (value / max) * 100)) : 100;
  return `<svg class="bar ${met ? 'is-met' : ''}" viewBox="0 0 100 6" preserveAspectRatio="none" role="img" aria-label="${e(label)}"><rect class="track" width="100" height="6" rx="3"/><rect class="fill" width="${width.toFixed(1)}" height="6" rx="3"/></svg>`;
}

export function ring(percent: number, label: string): string {
  const circumference = 2 * Math.PI * 16;
  const filled = (percent / 100) * circumference;
  return `<svg class="ring" viewBox="0 0 40 40" role="img" aria-label="${e(label)}"><circle class="track" cx="20" cy="20" r="16"/>` +
    `<circle class="fill" cx="20" cy="20" r="16" stroke-dasharray="${filled.toFixed(2)} ${circumference.toFixed(2)}" transform="rotate(-90 20 20)"/>` +
    `<text x="20" y="21" text-anchor="middle" dominant-baseline="middle" aria-hidden="true">${percent}%</text></svg>`;
}

