import fs from "node:fs";
import type { Command } from "commander";
import { aggregateMatrices, evaluateMatrix } from "../server/modules/strategy/prioritization.service.js";
import { AggregateAhpSchema, EvaluateAhpSchema } from "../server/modules/strategy/strategy.schema.js";
import { validationError } from "../server/platform/errors.js";
import { action, readStdin } from "./runtime.js";

async function readJson(file: string): Promise<unknown> {
  const text = file === "-" ? (await readStdin()).toString("utf8") : fs.readFileSync(file, "utf8");
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw validationError([{ path: "(body)", message: `is not valid JSON: ${(e as Error).message}` }]);
  }
}

function parseWith<T>(
  schema: {
    safeParse(
      v: unknown,
    ): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
  },
  value: unknown,
): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw validationError(
      parsed.error.issues.map((i) => ({ path: i.path.map(String).join(".") || "(body)", message: i.message })),
    );
  }
  return parsed.data;
}

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
