// The shared words of the trees, the status bar and the review (src/ui/*-text.ts, review/wording.ts) go through
// @vscode/l10n, which the extension loads with VS Code's bundle: with the Spanish bundle loaded they speak
// Spanish, a plural chosen in code picks its own message, and the figures stay as they were.
import { strict as assert } from 'node:assert';
import * as l10n from '@vscode/l10n';
import { intervalWords } from '../../src/features/review/wording';
import { yearsWords } from '../../src/ui/career-text';
import { daysLeftWords } from '../../src/ui/credential-text';
import { studyStatusText } from '../../src/ui/study-text';
import { SPANISH } from './spanish';

describe('shared words in Spanish', () => {
  before(() => l10n.config({ contents: SPANISH }));
  // The unit tests share one process: the others expect English.
  after(() => l10n.config({ contents: {} }));

  it('chooses the singular or the plural message by the count', () => {
    assert.equal(studyStatusText(1, 0), '$(book) 1 tarjeta por repasar');
    assert.equal(studyStatusText(12, 0), '$(book) 12 tarjetas por repasar');
    assert.equal(studyStatusText(0, 1), '$(book) 1 tarjeta nueva');
    assert.equal(studyStatusText(0, 0), '$(book) Ninguna tarjeta por repasar');
    assert.equal(yearsWords(1), '1 año');
    assert.equal(yearsWords(2.47), '2.4 años');
    assert.equal(daysLeftWords(1), 'queda 1 día');
    assert.equal(daysLeftWords(126), 'quedan 126 días');
    assert.equal(intervalWords(2 * 86_400_000), '2 días');
    assert.equal(intervalWords(86_400_000), '1 día');
  });
});

describe('shared words with no bundle loaded', () => {
  it('are the English messages with their arguments put in', () => {
    assert.equal(studyStatusText(12, 0), '$(book) 12 cards due');
    assert.equal(yearsWords(1), '1 year');
    assert.equal(daysLeftWords(126), '126 days left');
    assert.equal(intervalWords(2 * 86_400_000), '2 days');
  });
});
