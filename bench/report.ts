/** What the benchmarks share: latency percentiles, a Markdown table, and a CPU meter per phase. */
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
