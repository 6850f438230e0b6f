// The text of a new CE note and its file name. Pure: the New CE Note command asks the questions and writes
// the file; this decides what goes in it.
import { formatHours } from '../common/numbers';
import type { CalendarDate, Format, TopicKey } from '../types';

export interface NewNoteFields {
  title: string;
  /** Contact hours (> 0). */
  hours: number;
  topics: readonly TopicKey[];
  /** Completion date; undefined means the activity is planned. */
  completed?: CalendarDate;
  /** ACPE activity number as the user typed it (already checked). */
  uan?: string;
  format?: Format;
  provider?: string;
  /** Path of the certificate file, relative to the note. */
  certificate?: string;
}

/**
 * A new note: frontmatter in the order people read it (what, how long, about what, done when, proof), then a body
 * skeleton with the title and the sections the excerpt and study habits rely on.
 */
export function noteTemplate(fields: NewNoteFields, eol = '\n'): string {
  const lines = ['---', `title: ${yamlScalar(fields.title.trim())}`, `ce_hours: ${formatHours(fields.hours)}`];
  if (fields.topics.length > 0) lines.push(`topics: [${fields.topics.join(', ')}]`);
  if (fields.format) lines.push(`format: ${fields.format}`);
  if (fields.provider?.trim()) lines.push(`provider: ${yamlScalar(fields.provider.trim())}`);
  if (fields.uan?.trim()) lines.push(`uan: ${yamlScalar(fields.uan.trim())}`);
  if (fields.certificate?.trim()) lines.push(`certificate: ${yamlScalar(fields.certificate.trim())}`);
  if (fields.completed) {
    lines.push('status: completed', `completed: ${fields.completed}`);
  } else {
    lines.push('status: planned');
  }
  lines.push('---', headingLine(fields.title), '', '## Key points', '', '- ', '', '## Notes', '', '');
  return lines.join(eol);
}

/** The note's `# Title` line. It is Markdown, not YAML: a control character (a NUL makes the file binary) becomes a space. */
export function headingLine(title: string): string {
  return `# ${title.trim().replace(new RegExp(UNSAFE_RAW.source, 'g'), ' ')}`;
}

/**
 * Characters written as `\u` escapes: controls, and those js-yaml refuses raw anywhere in a note, even inside
 * quotes (C1 controls, U+FFFE/U+FFFF, a BOM it would drop, lone surrogates), which JSON.stringify leaves raw.
 */
const UNSAFE_RAW = /[\u0000-\u001f\u007f-\u009f\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const YAML_WORDS = /^(true|false|yes|no|on|off|null|~|y|n)$/i;

/** A string as a YAML scalar: plain when that reads back as the same string, else double-quoted. */
export function yamlScalar(value: string): string {
  const plain =
    value !== '' &&
    /^[^\s\-?:,[\]{}#&*!|>'"%@`]/.test(value) &&
    !/:\s|\s#|:$/.test(value) &&
    !UNSAFE_RAW.test(value) &&
    !YAML_WORDS.test(value) &&
    !/^[-+]?(\.?\d[\d_.:]*([eE][-+]?\d+)?|0x[\da-f]+|0o[0-7]+|\.inf|\.nan)$/i.test(value) &&
    !/^\d{4}-\d\d?-\d\d?([Tt\s]|$)/.test(value) &&
    value === value.trim();
  return plain ? value : JSON.stringify(value).replace(new RegExp(UNSAFE_RAW.source, 'g'), (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A file-name slug of a title: lower case ASCII words joined by `-`, at most 60 characters (`fallback` when none is left). */
export function slugify(title: string, fallback = 'ce-note'): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const cut = slug.length > 60 ? slug.slice(0, 60).replace(/-[^-]*$/, '') || slug.slice(0, 60) : slug;
  return cut.replace(/-+$/, '') || fallback;
}

/** `<slug>.md`, or `<slug>-2.md`, `-3`... when the name is taken. */
export function uniqueNoteFileName(title: string, isTaken: (fileName: string) => boolean, fallback?: string): string {
  const slug = slugify(title, fallback);
  if (!isTaken(`${slug}.md`)) return `${slug}.md`;
  for (let n = 2; ; n++) {
    const name = `${slug}-${n}.md`;
    if (!isTaken(name)) return name;
  }
}
