// Worker bootstrap. Node 20 cannot start a Worker from a .ts file, and a worker does not inherit the
// tsx loader of a `node --import tsx` parent: load compiled JS when it exists, else register tsx in
// this thread and import the TypeScript worker.
import { existsSync } from "node:fs";

const compiled = new URL("./highs-worker.js", import.meta.url);
if (existsSync(compiled)) {
  await import(compiled.href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import(new URL("./highs-worker.ts", import.meta.url).href);
}
