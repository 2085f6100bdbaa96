// CPU time of a process from /proc, for the benchmarks that weigh what a request costs.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const TICK_MS = 1000 / Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout?.trim() || 100);

/**
 * User plus system CPU milliseconds a process has used so far; undefined when it cannot be read
 * (gone, on another machine, or not Linux).
 * @param {number} pid
 * @returns {number | undefined}
 */
export function processCpuMs(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which may hold spaces: utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return undefined;
  }
}
