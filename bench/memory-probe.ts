/**
 * Loaded into a bench's API process (`node --expose-gc --import ./bench/memory-probe.ts …`): on
 * SIGUSR2 it runs a full GC and writes `process.memoryUsage()` as JSON to BENCH_MEMORY_FILE, so a
 * bench can compare live memory before and after (RSS alone moves with whatever GC returned).
 */
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_MEMORY_FILE;
if (file) {
  process.on('SIGUSR2', () => {
    (globalThis as { gc?: () => void }).gc?.();
    writeFileSync(file, JSON.stringify(process.memoryUsage()));
  });
}
