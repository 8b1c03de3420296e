// Worker thread for the collation bench: runs one anchor on one pair (after a warm-up on a small slice when asked)
// and posts back the median time and the alignment.
import { parentPort, workerData } from 'node:worker_threads';
import { anchorAlign, type AnchorName } from './collate-anchors';

interface Job {
  name: AnchorName;
  a: string[];
  b: string[];
  runs: number;
}

const job = workerData as Job;
const times: number[] = [];
let aToB: Int32Array = new Int32Array(0);
// Warm the code up on a slice, so a small size does not measure the compiler.
anchorAlign(job.name, job.a.slice(0, 200), job.b.slice(0, 200));
for (let r = 0; r < job.runs; r++) {
  const t0 = process.hrtime.bigint();
  aToB = anchorAlign(job.name, job.a, job.b);
  times.push(Number(process.hrtime.bigint() - t0) / 1e6);
}
times.sort((x, y) => x - y);
parentPort!.postMessage({ ms: times[times.length >> 1]!, aToB });
