import { execFile } from "node:child_process";
import { describe, expect, it } from "vitest";

/** Runs the real CLI with `input` on stdin; resolves with its exit code and output. */
function run(args: string[], input: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ["bin/throughline.mjs", ...args],
      { cwd: process.cwd() },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
      },
    );
    child.stdin?.end(input);
  });
}

describe("throughline ahp (no database)", () => {
  it("evaluates a matrix from stdin with the same JSON as the API, and names a bad cell", async () => {
    // Consistent 3×3 matrix built from w = (0.6, 0.3, 0.1): weights come back exactly, CR = 0.
    const w = [0.6, 0.3, 0.1];
    const matrix = w.map((wi) => w.map((wj) => wi / wj));
    const [ok, bad] = await Promise.all([
      run(["ahp", "evaluate", "-"], JSON.stringify({ matrix })),
      run(
        ["ahp", "evaluate", "-"],
        JSON.stringify({
          matrix: [
            [1, -2],
            [-0.5, 1],
          ],
        }),
      ),
    ]);
    expect(ok.code).toBe(0);
    const out = JSON.parse(ok.stdout) as { weights: number[]; cr: number; inconsistentJudgments: unknown[] };
    for (const [i, x] of out.weights.entries()) expect(x).toBeCloseTo(w[i] as number, 8);
    expect(out.cr).toBeCloseTo(0, 9);
    expect(out.inconsistentJudgments).toEqual([]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/matrix\.0\.1/);
  }, 60_000);
});
