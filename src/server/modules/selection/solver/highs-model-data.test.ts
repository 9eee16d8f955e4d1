import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildSelectionModel } from "../../../../domain/selection/selection-model.js";
import { scenarioArbitrary } from "../../../../domain/selection/selection-test-support.js";
import { fromSparseModel, toSparseModel } from "./highs-model-data.js";

describe("fromSparseModel", () => {
  it("gives back the model's variables, rows and objective (metadata aside)", () => {
    fc.assert(
      fc.property(scenarioArbitrary(), fc.boolean(), (scenario, elastic) => {
        const built = buildSelectionModel(scenario, { elastic });
        if (!built.ok) throw new Error(JSON.stringify(built.problems));
        const sparse = toSparseModel(built.model);
        const back = fromSparseModel(sparse);
        expect(back.sense).toBe(built.model.sense);
        expect(back.objectiveConstant).toBe(built.model.objectiveConstant);
        expect(back.variables.map((v) => [v.name, v.type, v.lower, v.upper, v.objective])).toEqual(
          built.model.variables.map((v) => [
            v.name,
            v.type === "binary" ? "binary" : v.type,
            v.type === "binary" ? Math.max(0, v.lower) : v.lower,
            v.type === "binary" ? Math.min(1, v.upper) : v.upper,
            v.objective,
          ]),
        );
        expect(back.constraints.map((r) => [r.name, r.lower, r.upper])).toEqual(
          built.model.constraints.map((r) => [r.name, r.lower, r.upper]),
        );
        expect(toSparseModel(back)).toEqual(sparse);
      }),
      { numRuns: 40 },
    );
  });
});
