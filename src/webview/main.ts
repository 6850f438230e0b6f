// PLACEHOLDER — the dashboard's webview script is being written.
export {};
