import { z } from "zod";

/**
 * Request and response of the pure business-case calculator (`POST /api/v1/finance/appraise`,
 * `throughline finance appraise`). The formulas are in src/domain/benefits/finance.ts.
 */

/** Most cash flows in one appraisal: 100 years of monthly flows. */
export const MAX_CASHFLOWS = 1200;

// z.number() refuses NaN and ±Infinity (zod 4), so "finite" needs no extra rule.
const RateSchema = z.number().gt(-1, "must be greater than -1 (a rate of -100 % or less has no present value)");

export const AppraiseSchema = z.strictObject({
  rate: RateSchema.describe("Discount rate per period as a decimal (0.08 = 8 %)"),
  cashflows: z
    .array(z.number())
    .min(1, "must hold at least one cash flow")
    .max(MAX_CASHFLOWS, `must hold at most ${MAX_CASHFLOWS} cash flows`)
    .describe(
      "Net cash flow per period, inflows positive; cashflows[0] is now (t = 0, not discounted), cashflows[t] the end of period t",
    ),
  financeRate: RateSchema.optional().describe("MIRR: rate paid on the money financing the outflows; defaults to rate"),
  reinvestRate: RateSchema.optional().describe("MIRR: rate earned on reinvested inflows; defaults to rate"),
});
export type AppraiseInput = z.infer<typeof AppraiseSchema>;

export const AppraisalResultSchema = z.object({
  npv: z.number().nullable().describe("Net present value; null only if it is not a finite number"),
  irr: z.number().nullable().describe("Internal rate of return per period, when it is unique (see irrKind)"),
  mirr: z.number().nullable().describe("Modified IRR (Excel's MIRR); null without both an outflow and an inflow"),
  paybackPeriods: z.number().nullable().describe("Periods until the cumulative flow first reaches 0; null if never"),
  discountedPaybackPeriods: z
    .number()
    .nullable()
    .describe("Periods until the cumulative discounted flow first reaches 0; null if never"),
  roi: z.number().nullable().describe("(inflows − outflows) / outflows, undiscounted; null without outflows"),
  bcr: z.number().nullable().describe("PV(inflows) / PV(outflows); null without outflows"),
  irrKind: z
    .enum(["unique", "none", "multiple"])
    .describe("none: no IRR in [-0.99, 10]; multiple: several (irr is null: use NPV or MIRR)"),
});
export type AppraisalResult = z.infer<typeof AppraisalResultSchema>;
