// The dashboard's webview script. The host sends the body already rendered and escaped; this script only
// swaps it in, keeps scroll, focus, selection and open sections across updates and reloads, and turns
// clicks into messages. It never builds markup from strings.
import type { DashboardState, DashboardTarget, HostMessage, WebviewMessage } from '../protocol/dashboard';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): DashboardState | undefined;
  setState(state: DashboardState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById('root') as HTMLElement;
let state: DashboardState = sanitizeState(vscode.getState());
let lastHtml: string | undefined;
let restoringScroll = false;

function sanitizeState(raw: DashboardState | undefined): DashboardState {
  if (!raw || typeof raw !== 'object') return { scrollY: 0 };
  return {
    scrollY: typeof raw.scrollY === 'number' && raw.scrollY >= 0 ? raw.scrollY : 0,
    selected: typeof raw.selected === 'string' ? raw.selected : undefined,
    details: raw.details && typeof raw.details === 'object' ? raw.details : undefined,
  };
}

function saveState(patch: Partial<DashboardState>): void {
  state = { ...state, ...patch };
  vscode.setState(state);
}

function keyed(key: string | undefined): HTMLElement | undefined {
  if (!key) return undefined;
  for (const el of Array.from(root.querySelectorAll<HTMLElement>('[data-key]'))) if (el.dataset.key === key) return el;
  return undefined;
}

/** Re-applies what the user chose: open/closed sections and the selected note or card. */
function applyState(): void {
  for (const details of Array.from(root.querySelectorAll<HTMLDetailsElement>('details[data-key]'))) {
    const open = state.details?.[details.dataset.key as string];
    if (open !== undefined) details.open = open;
  }
  for (const el of Array.from(root.querySelectorAll('.is-selected'))) {
    el.classList.remove('is-selected');
    el.removeAttribute('aria-current');
  }
  const selected = keyed(state.selected);
  if (selected) {
    selected.classList.add('is-selected');
    selected.setAttribute('aria-current', 'true');
  }
}

function render(html: string): void {
  if (html === lastHtml) return;
  lastHtml = html;
  // Remember where focus was (the keyed block and the kind of control in it) to put it back after the swap.
  const active = document.activeElement instanceof HTMLElement && root.contains(document.activeElement) ? document.activeElement : undefined;
  const focusKey = active?.closest<HTMLElement>('[data-key]')?.dataset.key;
  const focusClass = active && active.dataset.key === undefined ? active.classList[0] : undefined;
  const scrollY = restoringScroll ? state.scrollY : window.scrollY;
  root.innerHTML = html;
  applyState();
  window.scrollTo(0, scrollY);
  const block = keyed(focusKey);
  if (block) {
    const control = focusClass ? block.querySelector<HTMLElement>(`.${CSS.escape(focusClass)}`) : undefined;
    (control ?? block).focus({ preventScroll: true });
  }
}

function select(key: string | undefined): void {
  saveState({ selected: key });
  applyState();
}

function findTarget(target: DashboardTarget): HTMLElement | undefined {
  if (target.kind === 'credential') {
    for (const el of Array.from(root.querySelectorAll<HTMLElement>('[data-credential]'))) {
      if (el.dataset.credential === target.credentialId && el.dataset.folder === target.folder) return el;
    }
    return undefined;
  }
  const note = keyed(`note:${target.folder}:${target.path}`);
  if (note) return note;
  for (const el of Array.from(root.querySelectorAll<HTMLElement>('[data-open-note]'))) {
    if (el.dataset.path === target.path && el.dataset.folder === target.folder) return el;
  }
  return undefined;
}

function reveal(target: DashboardTarget): void {
  const el = findTarget(target);
  if (!el) return;
  for (let d = el.closest('details'); d; d = d.parentElement?.closest('details') ?? null) d.open = true;
  const block = el.closest<HTMLElement>('[data-key]') ?? el;
  select(block.dataset.key);
  // A card is taller than most windows: show its top. A note fits: centre it.
  block.scrollIntoView({ block: target.kind === 'credential' ? 'start' : 'center' });
  // Focus goes to the card itself (a screen reader then reads its name), or to the note's button.
  const focusable = target.kind === 'credential' ? block : el.matches('button') ? el : (el.querySelector<HTMLElement>('button') ?? block);
  focusable.focus({ preventScroll: true });
  block.classList.remove('flash');
  void block.offsetWidth; // restart the highlight animation
  block.classList.add('flash');
}

window.addEventListener('message', (event: MessageEvent<HostMessage>) => {
  const message = event.data;
  if (!message || typeof message !== 'object') return;
  switch (message.type) {
    case 'render':
      if (typeof message.html === 'string') render(message.html);
      break;
    case 'reveal':
      reveal(message.target);
      break;
  }
});

root.addEventListener('click', (event) => {
  const target = event.target as HTMLElement;
  // Links in previews are http(s)/mailto only; VS Code opens them outside the webview.
  if (target.closest('a')) return;
  const show = target.closest<HTMLElement>('[data-show-credential]');
  if (show) {
    reveal({ kind: 'credential', folder: show.dataset.folder ?? '', credentialId: show.dataset.showCredential ?? '' });
    return;
  }
  const command = target.closest<HTMLElement>('[data-command]');
  if (command) {
    const folder = command.dataset.folder ?? '';
    if (command.dataset.command === 'exportTranscript') vscode.postMessage({ type: 'exportTranscript', folder, credentialId: command.dataset.credentialId ?? '' });
    else if (command.dataset.command === 'setUpCredentials') vscode.postMessage({ type: 'setUpCredentials', folder });
    else if (command.dataset.command === 'newCareerNote' || command.dataset.command === 'exportPortfolio') vscode.postMessage({ type: command.dataset.command, folder });
    else if (command.dataset.command === 'startReview') {
      const exam = command.dataset.exam;
      vscode.postMessage(exam ? { type: 'startReview', folder, exam } : { type: 'startReview', folder });
    }
    return;
  }
  const note = target.closest<HTMLElement>('[data-open-note]');
  // Selecting text in a preview (to copy it) is not a request to open the note.
  if (note && !target.closest('button') && (window.getSelection()?.toString() ?? '') !== '') return;
  if (note) {
    select(note.closest<HTMLElement>('[data-key]')?.dataset.key ?? state.selected);
    vscode.postMessage({ type: 'openNote', folder: note.dataset.folder ?? '', path: note.dataset.path ?? '' });
    return;
  }
  const card = target.closest<HTMLElement>('[data-credential]');
  if (card && !target.closest('summary')) select(card.dataset.key);
});

// Arrow keys move between the notes of a list; Enter and Space on a note button open it (native button).
root.addEventListener('keydown', (event) => {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const current = (event.target as HTMLElement).closest<HTMLElement>('button[data-open-note]');
  const list = current?.closest('ul');
  if (!current || !list) return;
  const buttons = Array.from(list.querySelectorAll<HTMLElement>('button[data-open-note]'));
  const next = buttons[buttons.indexOf(current) + (event.key === 'ArrowDown' ? 1 : -1)];
  if (next) {
    event.preventDefault();
    next.focus();
  }
});

// `toggle` does not bubble: listen in the capture phase.
root.addEventListener(
  'toggle',
  (event) => {
    const details = event.target as HTMLDetailsElement;
    const key = details.dataset?.key;
    if (key) saveState({ details: { ...(state.details ?? {}), [key]: details.open } });
  },
  true,
);

let scrollTimer: ReturnType<typeof setTimeout> | undefined;
window.addEventListener('scroll', () => {
  if (restoringScroll || scrollTimer !== undefined) return;
  scrollTimer = setTimeout(() => {
    scrollTimer = undefined;
    saveState({ scrollY: window.scrollY });
  }, 150);
});

/**
 * Puts the page back at the saved scroll position. Right after a reload the frame may not be laid out (or
 * styled) yet, so it retries for a moment; scroll events meanwhile must not overwrite the saved position.
 */
function restoreScroll(): void {
  const target = state.scrollY;
  if (target <= 0) return;
  restoringScroll = true;
  const started = Date.now();
  const attempt = () => {
    window.scrollTo(0, target);
    if (Math.abs(window.scrollY - target) <= 1 || Date.now() - started > 2000) restoringScroll = false;
    else requestAnimationFrame(attempt);
  };
  attempt();
}

// The first body came with the page: restore the user's place in it, then ask for the current one.
applyState();
restoreScroll();
vscode.postMessage({ type: 'ready' });
