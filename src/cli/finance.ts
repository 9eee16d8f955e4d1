import type { Command } from "commander";
import { appraise } from "../domain/benefits/finance.js";
import { AppraiseSchema } from "../server/modules/benefits/finance.schema.js";
import { action, parseWith, readJson } from "./runtime.js";

/** `finance appraise FILE`: the same JSON in and out as POST /api/v1/finance/appraise (no database needed). */
export function registerFinanceCommands(program: Command): void {
  const finance = program.command("finance").description("Business-case appraisal calculations (no database needed)");

  finance
    .command("appraise")
    .description(
      'NPV, IRR, MIRR, payback, discounted payback, ROI and BCR of a series of net cash flows. FILE (or - for stdin) holds {"rate": number, "cashflows": number[], "financeRate"?: number, "reinvestRate"?: number}, as POST /api/v1/finance/appraise; the answer is printed as JSON.',
    )
    .argument("<file>", "JSON file, or - for stdin")
    .action(
      action(async (file: string) => {
        const input = parseWith(AppraiseSchema, await readJson(file));
        console.log(JSON.stringify(appraise(input), null, 2));
      }),
    );
}
