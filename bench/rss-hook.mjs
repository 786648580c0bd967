// Loaded with `node --import`: at exit, append the process's peak resident memory (KiB) to the file
// named by BENCH_RSS_FILE, so the benchmark can read the memory of any Node.js command it times.
import { appendFileSync } from 'node:fs';

const target = process.env.BENCH_RSS_FILE;
if (target) process.on('exit', () => appendFileSync(target, `${process.resourceUsage().maxRSS}\n`));
