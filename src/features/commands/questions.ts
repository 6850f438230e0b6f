// The questions the commands ask (pickers and input boxes), built on createQuickPick/createInputBox so that
// Enter does what a person expects: a multi-choice picker takes the highlighted item when nothing is ticked,
// a warning needs a second Enter, an error keeps the box open. One instance, made by the commands feature;
// its onDidShow lets integration tests answer the real pickers.
import * as vscode from 'vscode';
import { parseTypedDate } from '../../core/common/dates';
import type { CalendarDate } from '../../core/types';

/** Where a question sits in a flow: shown by VS Code as "2/7" beside the title. */
export interface Step {
  title: string;
  step?: number;
  totalSteps?: number;
}

export interface TextQuestion extends Step {
  prompt: string;
  placeholder?: string;
  value?: string;
  /** An error keeps the box open; a warning is shown and a second Enter on the same text accepts it; info is only shown. */
  check?: (text: string) => { error: string } | { warning: string } | { info: string } | undefined;
}

export interface DateQuestion extends Step {
  prompt: string;
  value?: CalendarDate;
  /** Dates that are possible but likely a slip (a cycle end already past): a second Enter keeps them. */
  warn?: (date: CalendarDate) => string | undefined;
}

export interface PickQuestion<T extends vscode.QuickPickItem> extends Step {
  placeholder: string;
  items: readonly T[];
  matchOnDescription?: boolean;
  /** An item for what is typed in the filter (a new folder name), offered first while the text is not empty. */
  typedItem?: (text: string) => T | undefined;
}

export interface PickManyQuestion<T extends vscode.QuickPickItem> extends PickQuestion<T> {
  /** Ticked when the picker opens. */
  ticked?: readonly T[];
  /** Shown when Enter is pressed with nothing ticked nor highlighted. */
  nothingChosen: string;
}

export class Questions implements vscode.Disposable {
  private readonly shown = new vscode.EventEmitter<vscode.QuickPick<vscode.QuickPickItem> | vscode.InputBox>();
  /** Fires with each question once it is shown (integration tests answer through it). */
  readonly onDidShow = this.shown.event;

  dispose(): void {
    this.shown.dispose();
  }

  /** One choice; undefined when the user cancels. */
  async pickOne<T extends vscode.QuickPickItem>(q: PickQuestion<T>): Promise<T | undefined> {
    const answer = await this.pick(q, false, (picker) => picker.activeItems.slice(0, 1));
    return answer?.[0];
  }

  /**
   * Several choices. Enter with nothing ticked takes the highlighted item (people press Enter on the one they
   * mean without ticking it); with nothing highlighted either, the placeholder says what to do.
   */
  pickMany<T extends vscode.QuickPickItem>(q: PickManyQuestion<T>): Promise<T[] | undefined> {
    return this.pick(
      q,
      true,
      (picker) => {
        const chosen = picker.selectedItems.length > 0 ? picker.selectedItems : picker.activeItems;
        if (chosen.length === 0) picker.placeholder = q.nothingChosen;
        return [...chosen];
      },
      q.ticked,
    );
  }

  /** Shows a picker; `chosen` reads the answer on Enter (empty: not an answer, the picker stays open). */
  private pick<T extends vscode.QuickPickItem>(q: PickQuestion<T>, many: boolean, chosen: (picker: vscode.QuickPick<T>) => T[], ticked?: readonly T[]): Promise<T[] | undefined> {
    const picker = vscode.window.createQuickPick<T>();
    setStep(picker, q);
    picker.placeholder = q.placeholder;
    picker.ignoreFocusOut = true;
    picker.canSelectMany = many;
    picker.matchOnDescription = q.matchOnDescription ?? false;
    picker.items = q.items;
    if (ticked) picker.selectedItems = ticked;
    return new Promise((resolve) => {
      const disposables: vscode.Disposable[] = [];
      const finish = (value: T[] | undefined) => {
        resolve(value);
        // Listeners first, so that disposing (which hides) the picker does not answer again.
        for (const d of disposables) d.dispose();
        picker.dispose();
      };
      const { typedItem } = q;
      if (typedItem) {
        disposables.push(
          picker.onDidChangeValue((text) => {
            const extra = text.trim() ? typedItem(text.trim()) : undefined;
            picker.items = extra ? [extra, ...q.items] : q.items;
          }),
        );
      }
      disposables.push(
        picker.onDidAccept(() => {
          const answer = chosen(picker);
          if (answer.length > 0) finish(answer);
        }),
        picker.onDidHide(() => finish(undefined)),
      );
      picker.show();
      this.shown.fire(picker as unknown as vscode.QuickPick<vscode.QuickPickItem>);
    });
  }

  /** Free text, trimmed; undefined when the user cancels. */
  text(q: TextQuestion): Promise<string | undefined> {
    const box = vscode.window.createInputBox();
    setStep(box, q);
    box.prompt = q.prompt;
    box.placeholder = q.placeholder;
    box.value = q.value ?? '';
    box.ignoreFocusOut = true;
    const show = (result: ReturnType<NonNullable<TextQuestion['check']>>) => {
      box.validationMessage =
        result === undefined
          ? undefined
          : 'error' in result
            ? { message: result.error, severity: vscode.InputBoxValidationSeverity.Error }
            : 'warning' in result
              ? { message: result.warning, severity: vscode.InputBoxValidationSeverity.Warning }
              : { message: result.info, severity: vscode.InputBoxValidationSeverity.Info };
    };
    return new Promise((resolve) => {
      // The text whose warning has been shown on an Enter: Enter again on the same text accepts it.
      let warned: string | undefined;
      const disposables: vscode.Disposable[] = [];
      const finish = (value: string | undefined) => {
        resolve(value);
        for (const d of disposables) d.dispose();
        box.dispose();
      };
      disposables.push(
        box.onDidChangeValue((text) => {
          const result = q.check?.(text.trim());
          // Warnings wait for Enter: while typing, a date is past until its last digit.
          show(result && 'warning' in result ? undefined : result);
        }),
        box.onDidAccept(() => {
          const text = box.value.trim();
          const result = q.check?.(text);
          if (result && 'error' in result) return show(result);
          if (result && 'warning' in result && warned !== text) {
            warned = text;
            return show({ warning: vscode.l10n.t('{0} Press Enter again to keep it, or correct it.', result.warning) });
          }
          finish(text);
        }),
        box.onDidHide(() => finish(undefined)),
      );
      box.show();
      this.shown.fire(box);
    });
  }

  /** A date typed as MM/DD/YYYY or YYYY-MM-DD; undefined when the user cancels. */
  async date(q: DateQuestion): Promise<CalendarDate | undefined> {
    const answer = await this.text({
      ...q,
      prompt: vscode.l10n.t('{0} Type it as MM/DD/YYYY or YYYY-MM-DD.', q.prompt),
      placeholder: vscode.l10n.t('MM/DD/YYYY or YYYY-MM-DD'),
      check: (text) => {
        const parsed = parseTypedDate(text);
        if ('error' in parsed) return { error: parsed.error };
        const warning = q.warn?.(parsed.date);
        return warning ? { warning } : undefined;
      },
    });
    if (answer === undefined) return undefined;
    const parsed = parseTypedDate(answer);
    return 'date' in parsed ? parsed.date : undefined;
  }
}

function setStep(input: vscode.QuickInput, q: Step): void {
  input.title = q.title;
  input.step = q.step;
  input.totalSteps = q.totalSteps;
}
