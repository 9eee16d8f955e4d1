import type { Command } from "commander";
import { aggregateMatrices, evaluateMatrix } from "../server/modules/strategy/prioritization.service.js";
import { AggregateAhpSchema, EvaluateAhpSchema } from "../server/modules/strategy/strategy.schema.js";
import { action, parseWith, readJson } from "./runtime.js";

/** `ahp evaluate FILE` and `ahp aggregate FILE`: the same JSON in and out as the API's pure interfaces. */
export function registerAhpCommands(program: Command): void {
  const ahp = program.command("ahp").description("Analytic Hierarchy Process calculations (no database needed)");

  ahp
    .command("evaluate")
    .description(
      'Weights, λmax, CI, CR and the most inconsistent judgments of a pairwise matrix. FILE (or - for stdin) holds {"matrix": number[][]}, as POST /api/v1/strategy/ahp/evaluate; the answer is printed as JSON.',
    )
    .argument("<file>", "JSON file, or - for stdin")
    .action(
      action(async (file: string) => {
        const input = parseWith(EvaluateAhpSchema, await readJson(file));
        console.log(JSON.stringify(evaluateMatrix(input.matrix, input.randomIndex), null, 2));
      }),
    );

  ahp
    .command("aggregate")
    .description(
      'Aggregates several decision makers\' matrices by element-wise geometric mean and evaluates the result. FILE (or -) holds {"matrices": number[][][], "weights"?: number[]}, as POST /api/v1/strategy/ahp/aggregate.',
    )
    .argument("<file>", "JSON file, or - for stdin")
    .action(
      action(async (file: string) => {
        const input = parseWith(AggregateAhpSchema, await readJson(file));
        console.log(JSON.stringify(aggregateMatrices(input.matrices, input.weights, input.randomIndex), null, 2));
      }),
    );
}
