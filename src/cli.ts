// PLACEHOLDER — the command line is being written.
console.error('pharmacy-ce: not implemented yet');
process.exit(2);
