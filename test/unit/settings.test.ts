import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_EXCLUDE, DEFAULT_INCLUDE } from '../../src/core/common/globs';
import { DEFAULT_CSPT_STERILE_HOURS } from '../../src/core/rules/rules';
import { SETTINGS, SETTINGS_SECTION, SETTINGS_THAT_REBUILD, settingName, settingsFrom, type Settings } from '../../src/services/settings-schema';

interface Declared {
  type: string;
  default: unknown;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  items?: { type: string };
}

const pkg = JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, Declared> } };
};
const declared = pkg.contributes.configuration.properties;
const names = Object.keys(SETTINGS) as (keyof Settings)[];

/** A value of the wrong JSON type for a declared setting. */
function wrongType(type: string): unknown {
  return type === 'string' ? 42 : 'not a ' + type;
}

describe('Settings (one typed reader, checked against package.json)', () => {
  it('declares exactly the settings package.json contributes, with the same defaults', () => {
    assert.deepEqual(names.map(settingName).sort(), Object.keys(declared).sort());
    for (const name of names) assert.deepEqual(SETTINGS[name].default, declared[settingName(name)].default, name);
  });

  it('accepts each declared default and enum value, and refuses the wrong type', () => {
    for (const name of names) {
      const d = declared[settingName(name)];
      const setting = SETTINGS[name] as { check: (v: unknown) => unknown };
      assert.deepEqual(setting.check(d.default), d.default, name);
      for (const value of d.enum ?? []) assert.equal(setting.check(value), value, `${name}: ${String(value)}`);
      if (d.enum) assert.equal(setting.check('something-else'), undefined, name);
      assert.equal(setting.check(wrongType(d.type)), undefined, name);
      assert.equal(setting.check(null), undefined, name);
    }
  });

  it('refuses numbers outside the declared minimum and maximum', () => {
    for (const name of names) {
      const d = declared[settingName(name)];
      const check = (SETTINGS[name] as { check: (v: unknown) => unknown }).check;
      if (d.minimum !== undefined) {
        assert.equal(check(d.minimum), d.minimum, name);
        assert.equal(check(d.minimum - 0.5), undefined, name);
      }
      if (d.maximum !== undefined) {
        assert.equal(check(d.maximum), d.maximum, name);
        assert.equal(check(d.maximum + 0.5), undefined, name);
      }
      if (d.type === 'number') assert.equal(check(Number.NaN), undefined, name);
    }
  });

  it('reads defaults for unset and wrong values, and the values given otherwise', () => {
    const defaults = settingsFrom(() => undefined);
    assert.deepEqual(defaults, {
      notesGlobs: ['**/*.md'],
      excludeGlobs: ['**/node_modules/**', '**/.git/**'],
      newNoteFolder: '',
      dateFormat: 'iso',
      statusBarEnabled: true,
      csptSterileHours: 2,
      learnerName: '',
      cpeMonitorReminderDays: 35,
      studyDesiredRetention: 0.9,
      studyNewCardsPerDay: 20,
      studyStatusBarEnabled: true,
    });
    assert.deepEqual(settingsFrom(() => ({ not: 'a setting' })), defaults);
    const given: Record<string, unknown> = {
      notesGlobs: ['ce/**/*.md', 7, '', '*a*a*a*b'],
      excludeGlobs: [],
      newNoteFolder: 'notes',
      dateFormat: 'locale',
      'statusBar.enabled': false,
      csptSterileHours: 0,
      learnerName: 'Sam',
      cpeMonitorReminderDays: 60,
      'study.desiredRetention': 0.95,
      'study.newCardsPerDay': 7.5,
      'study.statusBar.enabled': false,
    };
    assert.deepEqual(settingsFrom((key) => given[key]), {
      notesGlobs: ['ce/**/*.md'],
      excludeGlobs: [],
      newNoteFolder: 'notes',
      dateFormat: 'locale',
      statusBarEnabled: false,
      csptSterileHours: 0,
      learnerName: 'Sam',
      cpeMonitorReminderDays: 60,
      studyDesiredRetention: 0.95,
      studyNewCardsPerDay: 20,
      studyStatusBarEnabled: false,
    });
  });

  it('takes the glob and CSPT defaults from the core, and names the settings that rebuild the index', () => {
    assert.deepEqual(SETTINGS.notesGlobs.default, DEFAULT_INCLUDE);
    assert.deepEqual(SETTINGS.excludeGlobs.default, DEFAULT_EXCLUDE);
    assert.equal(SETTINGS.csptSterileHours.default, DEFAULT_CSPT_STERILE_HOURS);
    assert.deepEqual(SETTINGS_THAT_REBUILD, ['pharmacyCe.notesGlobs', 'pharmacyCe.excludeGlobs', 'pharmacyCe.csptSterileHours']);
    assert.equal(SETTINGS_SECTION, 'pharmacyCe');
  });

  it('reads a setting only when it is used (VS Code warns on each folder-scoped read without a folder)', () => {
    const read: string[] = [];
    const settings = settingsFrom((key) => {
      read.push(key);
      return key === 'dateFormat' ? 'locale' : undefined;
    });
    assert.equal(settings.dateFormat, 'locale');
    assert.deepEqual(read, ['dateFormat']);
  });
});
