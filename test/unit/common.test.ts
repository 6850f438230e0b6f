import { strict as assert } from 'node:assert';
import { formatHours, roundHours, roundTo } from '../../src/core/common/numbers';
import { isAbsolutePath, typedFolder } from '../../src/core/common/paths';
import { plural } from '../../src/core/common/plural';
import { escapeHtml, escapeMarkdown } from '../../src/core/common/text';

describe('hours as numbers and text', () => {
  it('formatHours writes hours without binary noise or trailing zeros', () => {
    assert.equal(formatHours(0.1 + 0.2), '0.3');
    assert.equal(formatHours(3.0000000000000004), '3');
    assert.equal(formatHours(1.25), '1.25');
    assert.equal(formatHours(2), '2');
    assert.equal(formatHours(-0.001), '0');
  });

  it('rounds to the hundredth (hours) or to any number of decimals, never to -0', () => {
    assert.equal(roundHours(0.3 * 10), 3);
    assert.equal(roundHours(14.499), 14.5);
    assert.equal(roundTo(2.345678, 4), 2.3457);
    assert.equal(roundTo(2.35, 1), 2.4);
    assert.ok(Object.is(roundTo(-0.04, 1), 0));
  });
});

describe('escaping untrusted text', () => {
  it('escapes HTML for content and quoted attributes', () => {
    assert.equal(escapeHtml(`<a href="x" title='y'>&amp;</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
  });

  it('escapes every character Markdown would interpret', () => {
    assert.equal(escapeMarkdown('**[x](javascript:y)** <b> ~a~ &amp; #1 | `c`'), '\\*\\*\\[x\\]\\(javascript:y\\)\\*\\* \\<b\\> \\~a\\~ \\&amp; \\#1 \\| \\`c\\`');
    assert.equal(escapeMarkdown('plain words'), 'plain words');
  });
});

describe('plural', () => {
  it('takes the singular for exactly 1 and the plural for 0, 2 and fractions', () => {
    assert.deepEqual([1, 0, 2, 1.5, 0.5, -1].map((n) => plural(n, 'hour', 'hours')), ['hour', 'hours', 'hours', 'hours', 'hours', 'hours']);
  });
});

describe('typedFolder (the New CE Note folder a person types)', () => {
  it('cleans a folder inside: separators, spaces, empty and . segments', () => {
    assert.equal(typedFolder('notes/2026'), 'notes/2026');
    assert.equal(typedFolder(' notes\\ 2026 /./ '), 'notes/2026');
    assert.equal(typedFolder('notes//ce/'), 'notes/ce');
    assert.equal(typedFolder(''), '');
    assert.equal(typedFolder('.'), '');
  });

  it('refuses a place outside the folder or a name with a control character, instead of changing it', () => {
    for (const text of ['../x', 'a/../../b', 'a/ .. /b', '/etc', '\\x', 'C:\\x', 'C:x', '//host/x', '\\\\host\\share', 'file:///etc', 'a\u0007b', 'a\nb', 'a\u0000b']) {
      assert.equal(typedFolder(text), undefined, JSON.stringify(text));
    }
  });
});

describe('absolute paths (a certificate path must be given from the note\'s folder)', () => {
  it('takes drive paths, drive-relative paths, UNC, rooted paths and addresses for absolute; relative paths not', () => {
    for (const path of ['/etc/passwd', '\\x', '//host/share', 'C:\\x', 'C:x', 'c:/x', 'file:///x', 'https://example.org/a.pdf']) assert.equal(isAbsolutePath(path), true, path);
    for (const path of ['certificates/a.pdf', '../certificates/a.pdf', 'b.pdf', 'law-update.pdf']) assert.equal(isAbsolutePath(path), false, path);
  });
});
