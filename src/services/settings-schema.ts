// The extension's settings (`pharmacyCe.*`): each one's key, default and check, in one place, with no
// `vscode` import so the unit tests can hold it against package.json's `contributes.configuration`.
// settings.json is written by hand (and a workspace's own can come with a shared repository): a value of the
// wrong type or out of range reads as the default, never as something the code was not written for.
import { DEFAULT_EXCLUDE, DEFAULT_INCLUDE, globProblem } from '../core/common/globs';
import { DEFAULT_CSPT_STERILE_HOURS } from '../core/rules/rules';

export interface Settings {
  notesGlobs: string[];
  excludeGlobs: string[];
  newNoteFolder: string;
  dateFormat: 'iso' | 'locale';
  statusBarEnabled: boolean;
  csptSterileHours: number;
  learnerName: string;
  cpeMonitorReminderDays: number;
  studyDesiredRetention: number;
  studyNewCardsPerDay: number;
  studyStatusBarEnabled: boolean;
}

export const SETTINGS_SECTION = 'pharmacyCe';

interface Setting<T> {
  /** The key under `pharmacyCe.`, as package.json declares it. */
  key: string;
  default: T;
  /** The value if it is one this setting accepts, else undefined. */
  check: (value: unknown) => T | undefined;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const flag = (value: unknown): boolean | undefined => (typeof value === 'boolean' ? value : undefined);
const numberIn =
  (min: number, max: number) =>
  (value: unknown): number | undefined =>
    typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max ? value : undefined;
/** A list of globs; one that is not a string or is refused (see globProblem) is left out. */
const globs = (value: unknown): string[] | undefined =>
  Array.isArray(value) ? value.filter((g): g is string => typeof g === 'string' && g.trim() !== '' && globProblem(g) === undefined) : undefined;

export const SETTINGS: { readonly [K in keyof Settings]: Setting<Settings[K]> } = {
  notesGlobs: { key: 'notesGlobs', default: [...DEFAULT_INCLUDE], check: globs },
  excludeGlobs: { key: 'excludeGlobs', default: [...DEFAULT_EXCLUDE], check: globs },
  newNoteFolder: { key: 'newNoteFolder', default: '', check: text },
  dateFormat: { key: 'dateFormat', default: 'iso', check: (v) => (v === 'iso' || v === 'locale' ? v : undefined) },
  statusBarEnabled: { key: 'statusBar.enabled', default: true, check: flag },
  csptSterileHours: { key: 'csptSterileHours', default: DEFAULT_CSPT_STERILE_HOURS, check: numberIn(0, Number.MAX_VALUE) },
  learnerName: { key: 'learnerName', default: '', check: text },
  cpeMonitorReminderDays: { key: 'cpeMonitorReminderDays', default: 35, check: numberIn(1, 60) },
  studyDesiredRetention: { key: 'study.desiredRetention', default: 0.9, check: numberIn(0.7, 0.99) },
  studyNewCardsPerDay: { key: 'study.newCardsPerDay', default: 20, check: (v) => (Number.isInteger(v) ? numberIn(0, 1000)(v) : undefined) },
  studyStatusBarEnabled: { key: 'study.statusBar.enabled', default: true, check: flag },
};

/** The full name of a setting, e.g. for `affectsConfiguration`. */
export function settingName(name: keyof Settings): string {
  return `${SETTINGS_SECTION}.${SETTINGS[name].key}`;
}

/** Settings whose change rebuilds the index (which notes are read, and the built-in CSPT rule). */
export const SETTINGS_THAT_REBUILD: readonly string[] = (['notesGlobs', 'excludeGlobs', 'csptSterileHours'] as const).map(settingName);

/**
 * All settings from `get` (the value under a key, undefined when unset), checked; defaults for the rest.
 * Each is read when used, not before: VS Code logs a warning for every read of a folder-scoped setting
 * without a folder, and most callers want one setting.
 */
export function settingsFrom(get: (key: string) => unknown): Settings {
  const settings = {} as Settings;
  for (const name of Object.keys(SETTINGS) as (keyof Settings)[]) {
    const setting = SETTINGS[name] as Setting<unknown>;
    Object.defineProperty(settings, name, { enumerable: true, get: () => setting.check(get(setting.key)) ?? setting.default });
  }
  return settings;
}
