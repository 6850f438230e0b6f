// The environment for the tests that run dist/cli.js and compare its English: the CLI speaks the terminal's
// language (LC_ALL, LC_MESSAGES, LANG), so on a Spanish machine these tests would read Spanish.

/** The test process's environment with the CLI's language pinned to English, plus `extra`. */
export function englishEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { ...process.env, LANG: 'C.UTF-8', LC_ALL: undefined, LC_MESSAGES: undefined, LANGUAGE: undefined, ...extra };
}
