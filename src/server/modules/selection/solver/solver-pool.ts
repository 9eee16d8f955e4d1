/**
 * Warm HiGHS worker threads. Starting a worker costs 0.2–1 s here (loading tsx and HiGHS), which
 * would dominate the many small re-solves of explanations and frontiers, so a worker that finished
 * a job waits (unreferenced, so it never keeps the process alive) for the next one.
 *
 * A worker is discarded instead of reused when its job was cancelled or overran (it is terminated
 * mid-solve), when it failed, when more than `MAX_IDLE` are idle, after `IDLE_MS` without work,
 * and when its WebAssembly memory — which never shrinks — has grown past `RETIRE_BYTES`.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import type { WorkerMessage } from "./solver-protocol.js";

const MAX_IDLE = 2;
const IDLE_MS = 30_000;
const RETIRE_BYTES = 512 * 1024 * 1024;

export interface PooledWorker {
  worker: Worker;
  idleTimer?: ReturnType<typeof setTimeout>;
}

const idle: PooledWorker[] = [];
let wasmModule: Promise<WebAssembly.Module> | undefined;

function compileHighs(): Promise<WebAssembly.Module> {
  wasmModule ??= (async () => {
    const path = createRequire(import.meta.url).resolve("highs/runtime");
    return WebAssembly.compile(await readFile(path));
  })();
  return wasmModule;
}

/** An idle warm worker, or a new one once it has loaded HiGHS. */
export async function acquireWorker(): Promise<PooledWorker> {
  const warm = idle.pop();
  if (warm) {
    clearTimeout(warm.idleTimer);
    warm.worker.ref();
    return warm;
  }
  const module = await compileHighs();
  const worker = new Worker(new URL("./highs-worker.mjs", import.meta.url), { workerData: { wasmModule: module } });
  const pooled: PooledWorker = { worker };
  worker.on("exit", () => {
    const at = idle.indexOf(pooled);
    if (at >= 0) idle.splice(at, 1);
  });
  await new Promise<void>((resolve, reject) => {
    const onMessage = (message: WorkerMessage) => {
      if (message.type === "ready") {
        done();
        resolve();
      } else if (message.type === "error") {
        done();
        reject(new Error(message.message));
      }
    };
    const onError = (error: Error) => {
      done();
      reject(error);
    };
    const onExit = (code: number) => {
      done();
      reject(new Error(`solver worker exited with code ${code}`));
    };
    const done = () => {
      worker.off("message", onMessage);
      worker.off("error", onError);
      worker.off("exit", onExit);
    };
    worker.on("message", onMessage);
    worker.on("error", onError);
    worker.on("exit", onExit);
  });
  return pooled;
}

/** Give a worker back after a completed job; it is kept warm unless it should retire. */
export function releaseWorker(pooled: PooledWorker, memoryBytes: number): void {
  if (memoryBytes > RETIRE_BYTES || idle.length >= MAX_IDLE) {
    discardWorker(pooled);
    return;
  }
  pooled.worker.unref();
  pooled.idleTimer = setTimeout(() => discardWorker(pooled), IDLE_MS);
  pooled.idleTimer.unref();
  idle.push(pooled);
}

/** Terminate a worker (mid-solve or idle); its WebAssembly memory goes back to the system. */
export function discardWorker(pooled: PooledWorker): void {
  clearTimeout(pooled.idleTimer);
  const at = idle.indexOf(pooled);
  if (at >= 0) idle.splice(at, 1);
  void pooled.worker.terminate();
}

/** Start `count` workers (default 1, at most 2 stay idle) ahead of the first solve (e.g. at server start). */
export async function warmUpSolver(count = 1): Promise<void> {
  const started = await Promise.all(Array.from({ length: Math.min(count, MAX_IDLE) }, () => acquireWorker()));
  for (const pooled of started) releaseWorker(pooled, 0);
}

/** Terminate every idle worker (graceful shutdown, tests). */
export async function shutdownSolverPool(): Promise<void> {
  const all = idle.splice(0);
  await Promise.all(
    all.map((p) => {
      clearTimeout(p.idleTimer);
      return p.worker.terminate();
    }),
  );
}
