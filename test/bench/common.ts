// What the benchmarks share: timing (the smaller of wall-clock and CPU time) and a seeded random generator.

/**
 * Wall-clock and CPU time (user + system, every thread of this process) since `start`, in ms. Both
 * over-state the cost of the work itself, differently: wall clock counts the time other processes hold the
 * CPU, CPU time counts GC helper threads running beside the main one. `cost` is the smaller of the two.
 */
export interface Span {
  wall: number;
  cpu: number;
  cost: number;
}
export interface Mark {
  wall: bigint;
  cpu: NodeJS.CpuUsage;
}
export function mark(): Mark {
  return { wall: process.hrtime.bigint(), cpu: process.cpuUsage() };
}
export function since(start: Mark): Span {
  const cpu = process.cpuUsage(start.cpu);
  const wall = Number(process.hrtime.bigint() - start.wall) / 1e6;
  const cpuMs = (cpu.user + cpu.system) / 1000;
  return { wall, cpu: cpuMs, cost: Math.min(wall, cpuMs) };
}

/** mulberry32: a small seeded PRNG, so every run indexes the same folder. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
