#!/usr/bin/env node
// The `throughline` command: runs the TypeScript CLI through tsx's loader (see docs/adr/0001-run-typescript-with-tsx.md).
import { register } from "tsx/esm/api";

register();
await import(new URL("../src/cli/main.ts", import.meta.url).href);
