import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parseUan, uanTopicWarning } from '../../src/core/notes/uan';
import { parseNote } from '../../src/core/notes/note';

describe('parseUan', () => {
  it('reads a canonical UAN into its parts', () => {
    const { uan, error } = parseUan('0145-0000-24-101-H07-T');
    assert.equal(error, undefined);
    assert.deepEqual(uan, {
      normalized: '0145-0000-24-101-H07-T',
      provider: '0145',
      joint: false,
      year: '24',
      sequence: '101',
      formatLetter: 'H',
      format: 'home-study',
      topicCode: '07',
      topic: 'compounding',
      audienceLetter: 'T',
      audience: 'technician',
      variants: [],
    });
  });

  it('maps the format letter, topic code and audience letter', () => {
    const live = parseUan('0204-9999-26-012-L05-P').uan!;
    assert.equal(live.format, 'live');
    assert.equal(live.joint, true);
    assert.equal(live.topic, 'patient-safety');
    assert.equal(live.audience, 'pharmacist');
    assert.equal(parseUan('0145-0000-25-101-H03-T').uan!.topic, 'law');
    assert.equal(parseUan('0145-0000-25-101-H06-T').uan!.topic, 'immunizations');
    assert.equal(parseUan('0145-0000-25-101-H08-T').uan!.topic, 'pain-management');
  });

  it('leaves a blended (B) activity without a format, so it is not assumed live', () => {
    const blended = parseUan('0145-0000-24-101-B04-T').uan!;
    assert.equal(blended.formatLetter, 'B');
    assert.equal(blended.format, undefined);
  });

  it('keeps an unknown topic code without a topic key', () => {
    const uan = parseUan('0145-0000-24-101-H99-T').uan!;
    assert.equal(uan.topicCode, '99');
    assert.equal(uan.topic, undefined);
  });

  it('accepts topic designator 08 (pain management, in real use) silently; 09 and above get a warning', () => {
    const ashp = parseUan('0204-0000-20-755-H08-P').uan!;
    assert.deepEqual([ashp.topic, uanTopicWarning(ashp)], ['pain-management', undefined]);
    for (const code of ['09', '12', '00']) {
      assert.match(uanTopicWarning(parseUan(`0204-0000-20-755-H${code}-P`).uan!) ?? '', new RegExp(`topic designator ${code} is not one ACPE is known to use \\(01 to 08\\)`), code);
    }
    const note = (code: string) => parseNote(`---\nce_hours: 1\ncompleted: 2026-01-05\nuan: 0204-0000-20-755-H${code}-P\n---\n`, 'a.md');
    assert.deepEqual(note('08').problems.map((p) => p.code), []);
    const nine = note('09');
    assert.deepEqual(nine.problems.map((p) => [p.code, p.severity, p.line]), [['uan-topic', 'warning', 4]]);
    assert.equal(nine.note.kind === 'ce' && nine.note.valid && nine.note.hours, 1, 'the note still counts');
  });

  it('accepts a dropped leading zero in the provider number as a variant', () => {
    const uan = parseUan('202-0000-21-278-H04-P').uan!;
    assert.equal(uan.normalized, '0202-0000-21-278-H04-P');
    assert.deepEqual(uan.variants, ['leading zero missing from the provider number']);
  });

  it('accepts a UAN without hyphens as a variant', () => {
    const uan = parseUan('0202000013105L04P').uan!;
    assert.equal(uan.normalized, '0202-0000-13-105-L04-P');
    assert.deepEqual(uan.variants, ['no hyphens']);
  });

  it('accepts lower-case letters, surrounding spaces and pasted dashes as variants', () => {
    const lower = parseUan('  0145-0000-24-101-h07-t ').uan!;
    assert.equal(lower.normalized, '0145-0000-24-101-H07-T');
    assert.deepEqual(lower.variants, ['lower-case letters']);
    const dashes = parseUan('0145\u20130000\u201324\u2013101\u2013H07\u2013T').uan!;
    assert.equal(dashes.normalized, '0145-0000-24-101-H07-T');
    assert.equal(dashes.variants.length, 1);
    const spaced = parseUan('0145 0000 24 101 H07 T').uan!;
    assert.equal(spaced.normalized, '0145-0000-24-101-H07-T');
  });

  it('rejects malformed numbers with a message showing the expected form', () => {
    for (const bad of ['', '0145-00-24-101-H07-T', '0145-0000-24-101-X07-T', '0145-0000-24-101-H07-Q', '0145-0000-24-101-H7-T', 'not a uan', '12345', '0145-0000-24-101-H07-T-X', 'x'.repeat(500)]) {
      const { uan, error } = parseUan(bad);
      assert.equal(uan, undefined, bad);
      assert.ok(error, bad);
    }
    assert.match(parseUan('0145-00-24-101-H07-T').error!, /the second part "00" must be 4 digits/);
    assert.ok(parseUan('x'.repeat(500)).error!.length < 200, 'long input is not echoed in full');
  });

  const canonical = fc
    .tuple(
      fc.stringMatching(/^\d{4}$/),
      fc.constantFrom('0000', '9999'),
      fc.stringMatching(/^\d{2}$/),
      fc.stringMatching(/^\d{3}$/),
      fc.constantFrom('L', 'H', 'B'),
      fc.stringMatching(/^\d{2}$/),
      fc.constantFrom('P', 'T'),
    )
    .map(([p, j, y, n, f, t, a]) => `${p}-${j}-${y}-${n}-${f}${t}-${a}`);

  it('round-trips: a normalized UAN parses to itself with no variants (property)', () => {
    fc.assert(
      fc.property(canonical, (text) => {
        const uan = parseUan(text).uan!;
        assert.equal(uan.normalized, text);
        assert.deepEqual(uan.variants, []);
        assert.equal(parseUan(uan.normalized).uan!.normalized, text);
      }),
    );
  });

  it('every tolerated rewriting of a UAN normalizes back to it (property)', () => {
    fc.assert(
      fc.property(canonical, fc.boolean(), fc.boolean(), (text, lower, runTogether) => {
        let variant = runTogether ? text.replace(/-/g, '') : text.replace(/^0+(?=\d)/, '');
        if (lower) variant = variant.toLowerCase();
        const uan = parseUan(variant).uan!;
        assert.equal(uan.normalized, text);
        assert.equal(uan.variants.length > 0, variant !== text);
      }),
    );
  });

  it('reads the standard form by character codes exactly as the tolerant pattern path does (property)', () => {
    // The standard form has a fast path; lower-case letters send the same UAN through the patterns.
    fc.assert(
      fc.property(canonical, (text) => {
        const fast = parseUan(text).uan!;
        const slow = parseUan(text.toLowerCase()).uan!;
        assert.ok(slow.variants.length > 0 || text === text.toLowerCase());
        assert.deepEqual({ ...fast, variants: [] }, { ...slow, variants: [] });
      }),
    );
    // One character changed anywhere: standard exactly when the published pattern says so.
    const standard = /^\d{4}-\d{4}-\d{2}-\d{3}-[LHB]\d{2}-[PT]$/;
    fc.assert(
      fc.property(canonical, fc.nat(21), fc.constantFrom(...'0123456789-LHBPTXl /'.split('')), (text, at, c) => {
        const changed = text.slice(0, at) + c + text.slice(at + 1);
        const uan = parseUan(changed).uan;
        assert.equal(uan !== undefined && uan.variants.length === 0, standard.test(changed), changed);
        if (standard.test(changed)) assert.equal(uan?.normalized, changed);
      }),
    );
  });

  it('never throws on arbitrary text (property)', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const r = parseUan(text);
        assert.ok((r.uan === undefined) !== (r.error === undefined));
        // A fix is only offered when it is a UAN.
        if (r.fix !== undefined) assert.equal(parseUan(r.fix).uan?.normalized, r.fix);
      }),
    );
  });

  describe('what is wrong with a malformed UAN', () => {
    it('says what, once: a one-digit topic code, with the fix', () => {
      const { uan, error, fix } = parseUan('0457-0000-26-031-H8-T');
      assert.equal(uan, undefined);
      assert.equal(error, '"0457-0000-26-031-H8-T" is not a valid ACPE activity number (UAN): topic code 8 needs two digits: 08.');
      assert.equal(fix, '0457-0000-26-031-H08-T');
    });

    it('fixes a four-digit year, and a fix keeps the tolerated variants normalized', () => {
      assert.equal(parseUan('0145-0000-2024-101-H07-T').fix, '0145-0000-24-101-H07-T');
      assert.equal(parseUan('145-0000-2024-101-h07-t').fix, '0145-0000-24-101-H07-T');
    });

    it('offers no fix that would make a UAN the user did not mean: an unknown topic code or a year not 20xx', () => {
      // H0 is most likely a cut-off H05/H07, not topic 00 (which no activity has); H9 -> 09 is no known topic;
      // 1926 could be 2026 or 2019 mistyped. Each message still says what is wrong.
      for (const [text, expected] of [
        ['0457-0000-26-031-H0-T', /topic code 0 needs two digits: check them on the certificate/],
        ['0457-0000-26-031-H9-T', /topic code 9 needs two digits: check them on the certificate/],
        ['0457-0000-1926-031-H07-T', /the year 1926 needs two digits: check them on the certificate/],
      ] as const) {
        const r = parseUan(text);
        assert.match(r.error ?? '', expected, text);
        assert.equal(r.fix, undefined, text);
      }
      for (const digit of ['1', '2', '3', '4', '5', '6', '7', '8']) assert.equal(parseUan(`0457-0000-26-031-L${digit}-P`).fix, `0457-0000-26-031-L0${digit}-P`);
      assert.equal(parseUan('0457-0000-2099-031-H07-T').fix, '0457-0000-99-031-H07-T');
    });

    it('names the part that is wrong, with no fix where the correction is a guess', () => {
      const cases: [string, RegExp][] = [
        ['0145-0000-24-101-X07-T', /the format letter X must be L \(live\), H \(home study\) or B \(blended\)/],
        ['0145-0000-24-101-07-T', /format letter .* is missing before topic code 07/],
        ['0145-0000-24-101-H07-Q', /the last part "Q" must be T \(for technicians\) or P \(for pharmacists\)/],
        ['0145-0000-24-1011-H07-T', /the sequence number "1011" must be 3 digits/],
        ['0145-0000-24-101-H07', /it has 5 parts, and a UAN has 6, e.g. 0145-0000-24-101-H07-T/],
        ['0145000024101H07', /it has no hyphens between its parts/],
        ['not a uan', /is not an ACPE activity number \(UAN\): expected PPPP-JJJJ-YY-NNN-FTT-A/],
      ];
      for (const [text, expected] of cases) {
        const r = parseUan(text);
        assert.match(r.error ?? '', expected, text);
        assert.equal(r.fix, undefined, text);
      }
    });

    it('offers no fix when two parts are wrong', () => {
      const r = parseUan('0145-0000-2024-101-H7-T');
      assert.match(r.error ?? '', /the year 2024 needs two digits: 24; topic code 7 needs two digits: 07/);
      assert.equal(r.fix, undefined);
    });
  });
});
