/**
 * Entry of the `throughline` command (bin/throughline.mjs). Exit codes and conventions are in the
 * program's help epilogue (program.ts).
 */
import { buildProgram } from "./program.js";

// `throughline export projects | head` closes the pipe early; that is not an error.
process.stdout.on("error", (err: NodeJS.ErrnoException) => {
  if (err.code !== "EPIPE") throw err;
});

await buildProgram().parseAsync(process.argv);
