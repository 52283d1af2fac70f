/** The machine the numbers come from, stated at the top of RESULTS.md. */
import os from 'node:os';

export interface Machine {
  cpu: string;
  cores: number;
  node: string;
  platform: string;
  memoryGb: number;
}

/** CPU model, logical cores, Node version, OS, memory. */
export function describeMachine(): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    memoryGb: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
  };
}

/** The 1-minute load average, rounded: how busy the machine was around a measurement. */
export function loadAverage(): number {
  return Math.round(os.loadavg()[0]! * 100) / 100;
}
