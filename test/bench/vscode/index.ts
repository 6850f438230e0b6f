// Mocha suite index of `npm run bench:vscode`: the print-only benchmarks that need a real VS Code, run by the
// integration harness (`run-integration.mjs --suite bench`) like the integration suites, from this folder.
export { run } from '../../integration/index';
