/**
 * CPU time spent by each part of the running stack, from /proc (Linux only): the bench uses it to
 * say where a logged contact's CPU goes. A process is counted under the first ancestor (itself
 * included) that names a group: a service's process, PostgreSQL (postmaster and its backends), the
 * Kafka broker's JVM, or the bench itself.
 */
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

interface ProcessSample {
  parent: number;
  cpuSeconds: number;
  command: string;
}

function readProcesses(): Map<number, ProcessSample> {
  const processes = new Map<number, ProcessSample>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name (field 2) may hold spaces and parentheses: the fields after it start at the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ');
      processes.set(Number(entry), {
        parent: Number(fields[1]),
        cpuSeconds: (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND,
        command,
      });
    } catch {
      // The process ended while we read it.
    }
  }
  return processes;
}

export type CpuByGroup = Map<string, number>;

/** CPU seconds so far per group; `named` maps a process id to its group (the services, the bench). */
export function cpuByGroup(named: Map<number, string>): CpuByGroup {
  const processes = readProcesses();
  const groupOf = (pid: number): string | undefined => {
    for (let current: number | undefined = pid; current && current > 1; current = processes.get(current)?.parent) {
      const name = named.get(current);
      if (name) return name;
      const command = processes.get(current)?.command ?? '';
      if (/(^|\/)postgres( |$)/.test(command)) return 'postgres';
      if (command.includes('kafka.Kafka')) return 'kafka';
    }
    return undefined;
  };
  const totals: CpuByGroup = new Map();
  for (const [pid, sample] of processes) {
    const group = groupOf(pid);
    if (group) totals.set(group, (totals.get(group) ?? 0) + sample.cpuSeconds);
  }
  return totals;
}

/** CPU seconds per group between two snapshots (groups that vanished count as zero). */
export function cpuBetween(before: CpuByGroup, after: CpuByGroup): CpuByGroup {
  const spent: CpuByGroup = new Map();
  for (const [group, seconds] of after) spent.set(group, seconds - (before.get(group) ?? 0));
  return spent;
}
