// The slowest notes we know how to write, at the frontmatter size cap: each is read many times and the
// median read is printed by npm run bench. The cap (FRONTMATTER_LIMIT) is chosen so that every one stays under 50 ms.
import { parseNote } from '../../src/core/notes/note';
import { FRONTMATTER_LIMIT, MAX_NESTING } from '../../src/core/notes/frontmatter';

/** Text of about `size` characters made of `unit` repeated. */
function fill(unit: string, size: number): string {
  return unit.repeat(Math.max(1, Math.floor(size / unit.length)));
}

export function worstNotes(limit = FRONTMATTER_LIMIT): Record<string, string> {
  const room = limit - 64;
  const note = (block: string) => `---\n${block}---\n# Body\n`;
  const nested = (depth: number) => `a: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;
  return {
    blank_lines: note('ce_hours: 1\n' + fill('\n', room)),
    space_lines: note('ce_hours: 1\n' + fill('                               \n', room)),
    space_lines_comment: note(fill('   \n', room - 8) + '# c\n'),
    comment_lines: note(fill('# comment line\n', room)),
    many_keys: note(fill('k' + 'x'.repeat(6) + ': v\n', room).split('\n').map((l, i) => (l ? `k${i}: v` : l)).join('\n')),
    long_line: note(`title: ${'x'.repeat(room - 10)}\n`),
    long_flow: note(`topics: [${fill('t, ', room - 12)}]\n`),
    flow_nesting: note(fill(nested(MAX_NESTING), room)),
    unclosed_flow: note(fill(`a: ${'['.repeat(MAX_NESTING)}\n`, room)),
    block_nesting: note(Array.from({ length: 180 }, (_, i) => `${' '.repeat(i)}k:\n`).join('').slice(0, room)),
    block_seq_nesting: note(Array.from({ length: 180 }, (_, i) => `${' '.repeat(i)}- \n`).join('').slice(0, room)),
    aliases: note('a: &a [x, y]\n' + fill('b: [*a, *a, *a, *a]\n', room).split('\n').map((l, i) => (l ? l.replace('b:', `b${i}:`) : l)).join('\n')),
    anchors: note(fill('- &a x\n', room)),
    many_topics: note(`ce_hours: 1\ntopics:\n${fill('  - pateint-safety\n', room - 30)}`),
    quoted_escapes: note(`title: "${fill('\\u0041\\t', room - 12)}"\n`),
    block_scalar: note(`title: |\n${fill('  text text text\n', room - 12)}`),
    dup_keys: note(fill('k: v\n', room)),
  };
}

/** The median of `rounds` reads: on a shared machine the slowest read mostly measures the neighbours. */
function slowest(text: string, rounds: number): number {
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = process.hrtime.bigint();
    parseNote(text, 'worst.md');
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return times.sort((a, b) => a - b)[Math.floor(rounds / 2)];
}

/** The median read time of each worst note at the cap, warmed up first (npm run bench prints them). */
export function measureWorstNotes(): { name: string; ms: number; chars: number }[] {
  const notes = worstNotes();
  for (const text of Object.values(notes)) parseNote(text, 'warm.md');
  return Object.entries(notes).map(([name, text]) => ({ name, ms: slowest(text, 21), chars: text.length }));
}
