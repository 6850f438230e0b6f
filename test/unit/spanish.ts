// The Spanish bundle for the unit tests, and a way to run code with it loaded.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';

export const SPANISH = JSON.parse(readFileSync(path.join(__dirname, '..', '..', '..', 'l10n', 'bundle.l10n.es.json'), 'utf8')) as Record<string, string>;

/** `make()` with the Spanish bundle loaded, English restored afterwards whatever happens (the unit tests share one process). */
export function inSpanish<T>(make: () => T): T {
  l10n.config({ contents: SPANISH });
  try {
    return make();
  } finally {
    l10n.config({ contents: {} });
  }
}
