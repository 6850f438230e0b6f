// The review panel's script: swaps in the card or summary the host rendered, shows the answer (Space or the
// button), sends grades (1-4 or the buttons), undo (Ctrl+Z) and "open in note". Keys work only inside this
// panel; nothing is bound globally. It never builds markup from strings: the host renders and escapes.
import type { ReviewHostMessage, ReviewRating, ReviewWebviewMessage } from '../protocol/review';

interface VsCodeApi {
  postMessage(message: ReviewWebviewMessage): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById('root') as HTMLElement;
const notice = document.getElementById('notice') as HTMLElement;
const undoButton = document.getElementById('undo') as HTMLButtonElement;
const finishButton = document.getElementById('finish') as HTMLButtonElement;
/** The showing of the card on screen; undefined while a summary is shown or a grade is on its way. */
let seq: number | undefined;

function answerShown(): boolean {
  return !(document.getElementById('answer')?.hidden ?? true);
}

function showAnswer(): void {
  const answer = document.getElementById('answer');
  const grades = document.getElementById('grades');
  if (!answer || !grades || seq === undefined) return;
  answer.hidden = false;
  grades.hidden = false;
  const show = document.getElementById('show-answer');
  if (show) show.hidden = true;
  // Good is the usual answer; focus on it reads the answer too (aria-describedby).
  root.querySelector<HTMLButtonElement>('button.grade[data-rating="3"]')?.focus();
}

function grade(rating: ReviewRating): void {
  if (seq === undefined || !answerShown()) return;
  vscode.postMessage({ type: 'grade', seq, rating });
  seq = undefined; // one grade per card, however fast the keys come
}

function receive(message: ReviewHostMessage): void {
  switch (message.type) {
    case 'card':
      root.innerHTML = message.html;
      seq = message.seq;
      undoButton.disabled = !message.canUndo;
      finishButton.disabled = false;
      notice.textContent = '';
      document.getElementById('show-answer')?.focus();
      break;
    case 'summary':
      root.innerHTML = message.html;
      seq = undefined;
      undoButton.disabled = !message.canUndo;
      finishButton.disabled = true;
      notice.textContent = '';
      document.getElementById('summary-title')?.focus();
      break;
    case 'notice':
      notice.textContent = message.text;
      break;
  }
}

window.addEventListener('message', (event: MessageEvent<ReviewHostMessage>) => receive(event.data));

document.addEventListener('keydown', (event) => {
  if (event.altKey || event.metaKey && event.key.toLowerCase() !== 'z') return;
  if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'z' && !event.shiftKey) {
    event.preventDefault();
    vscode.postMessage({ type: 'undo' });
    return;
  }
  if (event.ctrlKey || event.metaKey) return;
  // Space on another focused button (End review, Undo, Open in note) presses that button, as anywhere else.
  const onOtherButton = event.target instanceof HTMLElement && event.target.closest('button') !== null && event.target.id !== 'show-answer';
  if (event.key === ' ' && !onOtherButton && !answerShown() && seq !== undefined) {
    event.preventDefault();
    showAnswer();
    return;
  }
  if (/^[1-4]$/.test(event.key)) {
    event.preventDefault();
    grade(Number(event.key) as ReviewRating);
  }
});

root.addEventListener('click', (event) => {
  const target = (event.target as HTMLElement).closest('button');
  if (!target) return;
  if (target.id === 'show-answer') showAnswer();
  else if (target.id === 'open-note' && seq !== undefined) vscode.postMessage({ type: 'openNote', seq });
  else if (target.classList.contains('grade')) grade(Number(target.dataset.rating) as ReviewRating);
});

undoButton.addEventListener('click', () => vscode.postMessage({ type: 'undo' }));
finishButton.addEventListener('click', () => vscode.postMessage({ type: 'finish' }));

vscode.postMessage({ type: 'ready' });
