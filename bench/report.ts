/** What the benchmarks share: latency percentiles, a Markdown table, and a CPU meter per phase. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';

export interface Latency {
  count: number;
  p50: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentiles of the samples (milliseconds or whatever unit they are in). */
export function latency(samples: readonly number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
  return {
    count: sorted.length,
    p50: at(0.5),
    p99: at(0.99),
    max: sorted[sorted.length - 1],
    mean: sorted.reduce((a, b) => a + b, 0) / sorted.length,
  };
}

/** A Markdown table: the first column left-aligned, the others right-aligned. */
export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]) => `| ${cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join(' | ')} |`;
  const rule = `|${widths.map((w, c) => (c === 0 ? ':' + '-'.repeat(w + 1) : '-'.repeat(w + 1) + ':')).join('|')}|`;
  return [line(headers), rule, ...rows.map(line)].join('\n');
}

/** Machine-wide and bench-process CPU over a phase: shows whether a phase ran on a busy machine. */
export function cpuMeter(): () => string {
  const machine = () =>
    os.cpus().reduce(
      (acc, c) => {
        const total = c.times.user + c.times.nice + c.times.sys + c.times.irq + c.times.idle;
        return { busy: acc.busy + total - c.times.idle, total: acc.total + total };
      },
      { busy: 0, total: 0 },
    );
  const m0 = machine();
  const p0 = process.cpuUsage();
  const t0 = performance.now();
  return () => {
    const m1 = machine();
    const p = process.cpuUsage(p0);
    const wallMs = performance.now() - t0;
    const cores = os.cpus().length;
    const busy = (100 * (m1.busy - m0.busy)) / Math.max(1, m1.total - m0.total);
    const own = (100 * (p.user + p.system)) / 1000 / wallMs / cores;
    return `${(wallMs / 1000).toFixed(1)} s, machine CPU ${busy.toFixed(0)}% of ${cores} cores, of which this process ${own.toFixed(0)}%`;
  };
}

/** Clock ticks per second of /proc's CPU figures. */
export const CLK_TCK = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** CPU ms (user + system) of one process since it started, from /proc/<pid>/stat; undefined once it is gone. */
export function procCpuMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // After "pid (comm) ": field 3 (state) is fields[0], utime (14) fields[11], stime (15) fields[12].
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLK_TCK;
  } catch {
    return undefined;
  }
}
