import { execFile } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appraise } from "../../src/domain/benefits/finance.js";
import { createTestApp, type TestApp, type TestUser } from "../helpers/app.js";

/**
 * The business-case calculator over HTTP and on the command line. It reads and writes no
 * database, so one engine (SQLite) is enough; the permissions walk covers who may call it.
 */

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

// numpy-financial's npv example (https://numpy.org/numpy-financial/latest/npv.html): 3065.22267;
// exactly 542995000/177147 (see src/domain/benefits/finance.test.ts).
const NUMPY_EXAMPLE = { rate: 0.08, cashflows: [-40_000, 5_000, 8_000, 12_000, 30_000] };

type Problem = { status: number; code: string; errors: { path: string; message: string }[] };

describe("POST /api/v1/finance/appraise", () => {
  let t: TestApp;
  let viewer: TestUser;
  beforeAll(async () => {
    t = await createTestApp("sqlite");
    viewer = await t.makeUser("viewer");
  });
  afterAll(async () => t.close());

  it("appraises a business case for any signed-in caller", async () => {
    const res = await t.call(viewer, "POST", "/api/v1/finance/appraise", NUMPY_EXAMPLE);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toEqual(appraise(NUMPY_EXAMPLE));
    expect(Math.abs(body.npv - 542_995_000 / 177_147)).toBeLessThan(1e-6);
    expect(body.irrKind).toBe("unique");
    // Cumulative −40000, −35000, −27000, −15000, +15000: 3 + 15000/30000 periods.
    expect(body.paybackPeriods).toBe(3.5);
    expect(body.roi).toBeCloseTo(15_000 / 40_000, 12);

    // Excel's MIRR example (MIRR function reference): finance 10 %, reinvest 12 % → 12.61 %.
    const excel = await t.call(viewer, "POST", "/api/v1/finance/appraise", {
      rate: 0.1,
      cashflows: [-120_000, 39_000, 30_000, 21_000, 37_000, 46_000],
      financeRate: 0.1,
      reinvestRate: 0.12,
    });
    expect(excel.statusCode).toBe(200);
    expect(Math.abs(excel.json().mirr - 0.126094)).toBeLessThan(5e-7);
  });

  it("answers null, never a missing field, for measures that are undefined", async () => {
    const multiple = await t.call(t.admin, "POST", "/api/v1/finance/appraise", {
      rate: 0.05,
      cashflows: [-100, 230, -132], // NPV = 0 at 10 % and at 20 %
    });
    expect(multiple.statusCode).toBe(200);
    expect(multiple.json()).toMatchObject({ irr: null, irrKind: "multiple" });
    const gains = await t.call(t.admin, "POST", "/api/v1/finance/appraise", { rate: 0.05, cashflows: [10, 20] });
    expect(gains.json()).toMatchObject({ irr: null, irrKind: "none", mirr: null, roi: null, bcr: null });
    // NPV beyond the largest double (1 + r = 1e−6 over 1,199 periods) comes back null, not an error.
    const extreme = await t.call(t.admin, "POST", "/api/v1/finance/appraise", {
      rate: -0.999999,
      cashflows: [-1, ...Array.from({ length: 1_199 }, () => 1)],
    });
    expect(extreme.statusCode).toBe(200);
    expect(extreme.json().npv).toBeNull();
  });

  it("refuses bad input with problem+json naming the field", async () => {
    const cases: [unknown, string][] = [
      [{ rate: 0.1, cashflows: [-100, 50, "x"] }, "cashflows.2"],
      [{ rate: 0.1, cashflows: [-100, null] }, "cashflows.1"],
      [{ rate: -1, cashflows: [-100, 150] }, "rate"],
      [{ rate: 0.1, cashflows: [-100, 150], financeRate: -2 }, "financeRate"],
      [{ rate: 0.1, cashflows: [] }, "cashflows"],
      [{ rate: 0.1, cashflows: Array.from({ length: 1_201 }, () => 1) }, "cashflows"],
      [{ cashflows: [-100, 150] }, "rate"],
      [{ rate: 0.1, cashflows: [-100, 150], discount: 0.1 }, "discount"],
    ];
    for (const [body, path] of cases) {
      const res = await t.call(t.admin, "POST", "/api/v1/finance/appraise", body);
      expect(res.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(String(res.headers["content-type"])).toMatch(/^application\/problem\+json/);
      const problem = res.json() as Problem;
      expect(problem.code).toBe("validation");
      expect(problem.errors.map((e) => e.path)).toContain(path);
    }
    // JSON has no NaN or Infinity, but 1e999 parses to Infinity: refused as not a finite number.
    const infinite = await t.call(
      t.admin,
      "POST",
      "/api/v1/finance/appraise",
      '{"rate":0.1,"cashflows":[-100,1e999]}',
      {
        "content-type": "application/json",
      },
    );
    expect(infinite.statusCode).toBe(400);
    expect((infinite.json() as Problem).errors.map((e) => e.path)).toEqual(["cashflows.1"]);
  });

  it("requires signing in", async () => {
    const res = await t.call(null, "POST", "/api/v1/finance/appraise", NUMPY_EXAMPLE);
    expect(res.statusCode).toBe(401);
  });

  it("gives the same JSON on the command line (stdin), and one line naming the field on bad input", async () => {
    const [ok, bad, api] = await Promise.all([
      run(["finance", "appraise", "-"], JSON.stringify(NUMPY_EXAMPLE)),
      run(["finance", "appraise", "-"], JSON.stringify({ rate: 0.08, cashflows: [-40_000, "x"] })),
      t.call(viewer, "POST", "/api/v1/finance/appraise", NUMPY_EXAMPLE),
    ]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual(api.json());
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe("");
    expect(bad.stderr.trim().split("\n")).toHaveLength(1);
    expect(bad.stderr).toMatch(/^error: validation: cashflows\.1: /);
  }, 60_000);
});
