// Types of platform.mjs for the unit tests (the harness itself is plain JavaScript run by Node).
export const NODE_MAJOR: number;
export type Runtime =
  | { kind: 'npm'; name: string; version: string; binDir: string }
  | { kind: 'running'; version: string }
  | { kind: 'unsupported'; reason: string };
export function runtimeFor(host: { platform: string; arch: string; runningNode: string }): Runtime;
export function systemNeeds(host: {
  platform: string; hasAptGet: boolean; browser: boolean; chromiumFound: boolean;
  buildingCodeServer: boolean; krb5HeaderFound: boolean; chromiumPath: string;
}): { apt: string[]; manual: string[] };
