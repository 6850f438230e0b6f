// What a note records for a career (issue #14): the `type` key (certificate, experience, event, membership) and
// the keys of that type, read with the note format's value reader so a wrong value is a problem at its line
// and column. Attached to the parsed note as `note.career`; a note without `type` keeps none.
// CONTRACT (s6): helper s6-notes builds this.
import type { Frontmatter } from '../notes/frontmatter';
import type { NoteValues } from '../notes/values';
import type { ParsedNote } from '../types';

/** Sets `note.career` from the frontmatter's `type` key and the keys of that type. */
export function attachCareer(_note: ParsedNote, _fm: Frontmatter | undefined, _values: NoteValues): void {
  // Built by s6-notes.
}
