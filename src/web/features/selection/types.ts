/**
 * The portfolio-selection API's types, inferred from the server's zod schemas. Type-only imports:
 * no server code reaches the bundle.
 */
import type { z } from "zod";
import type {
  CANDIDATE_STATUSES,
  CAPACITY_UNITS,
  Candidate,
  CandidateSetting,
  CommitResultSchema,
  CommitScenarioSchema,
  Comparison,
  CreateScenarioSchema,
  RUN_STATUSES,
  Run,
  RunListSchema,
  RunResult,
  Scenario,
  ScenarioConstraints,
  ScenarioListSchema,
  ScenarioRunSummary,
  ScenarioSummary,
  StartRunSchema,
  UpdateScenarioSchema,
  VALUE_SOURCES,
} from "../../../server/modules/selection/selection.schema.js";

export type {
  Candidate,
  CandidateSetting,
  Comparison,
  Run,
  RunResult,
  Scenario,
  ScenarioConstraints,
  ScenarioRunSummary,
  ScenarioSummary,
};

export type ValueSource = (typeof VALUE_SOURCES)[number];
export type CapacityUnit = (typeof CAPACITY_UNITS)[number];
export type CandidateStatus = (typeof CANDIDATE_STATUSES)[number];
export type RunStatus = (typeof RUN_STATUSES)[number];

export type CreateScenarioBody = z.input<typeof CreateScenarioSchema>;
export type UpdateScenarioBody = z.input<typeof UpdateScenarioSchema>;
export type StartRunBody = z.input<typeof StartRunSchema>;
export type CommitScenarioBody = z.input<typeof CommitScenarioSchema>;
export type CommitResult = z.infer<typeof CommitResultSchema>;
export type ScenarioList = z.infer<typeof ScenarioListSchema>;
export type RunList = z.infer<typeof RunListSchema>;

export type RunProgress = NonNullable<Run["progress"]>;
export type SelectedProject = RunResult["selected"][number];
export type NotSelectedProject = RunResult["notSelected"][number];
export type ConstraintRef = RunResult["binding"][number];
export type Relaxation = RunResult["relaxations"][number];
export type GreedyResult = RunResult["greedy"]["byValue"];
export type FrontierPoint = RunResult["frontier"][number];
export type Usage = NonNullable<RunResult["usage"]>;
export type ComparedScenario = Comparison["scenarios"][number];
export type ComparedProject = Comparison["projects"][number];
export type ExclusionGroup = ScenarioConstraints["exclusionGroups"][number];
export type ScenarioDependency = ScenarioConstraints["dependencies"][number];
export type BalanceRule = ScenarioConstraints["balance"][number];
