// The note format's frontmatter keys, in one place for the parser and the frontmatter scanner.

/** Every frontmatter key the note format defines. Other keys are the user's own and are left alone. */
export const NOTE_KEYS = [
  'title',
  'ce_hours',
  'ceu',
  'topics',
  'uan',
  'completed',
  'status',
  'format',
  'audience',
  'category',
  'credentials',
  'certificate',
  'provider',
  'tags',
  'cpe_monitor',
] as const;

export type NoteKey = (typeof NOTE_KEYS)[number];
