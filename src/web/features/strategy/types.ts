/**
 * The strategy API's types, inferred from the server's zod schemas. Type-only imports: no server
 * code reaches the bundle.
 */
import type { z } from "zod";
import type {
  AhpEvaluation,
  AhpSession,
  CheckIn,
  CRITERION_SOURCES,
  CreateAhpSessionSchema,
  CreateCriterionSchema,
  CreateGoalSchema,
  CreateObjectiveSchema,
  Criterion,
  GOAL_DIRECTIONS,
  GOAL_LEVELS,
  GOAL_STATUSES,
  Goal,
  OBJECTIVE_KINDS,
  OBJECTIVE_STATUSES,
  Objective,
  ProjectStrategySchema,
  Ranking,
  ScoringModel,
  SensitivitySchema,
  StrategySpendSchema,
  UpdateCriterionSchema,
  UpdateGoalSchema,
  UpdateObjectiveSchema,
} from "../../../server/modules/strategy/strategy.schema.js";

export type { AhpEvaluation, AhpSession, CheckIn, Criterion, Goal, Objective, Ranking, ScoringModel };

export type ObjectiveKind = (typeof OBJECTIVE_KINDS)[number];
export type ObjectiveStatus = (typeof OBJECTIVE_STATUSES)[number];
export type GoalLevel = (typeof GOAL_LEVELS)[number];
export type GoalDirection = (typeof GOAL_DIRECTIONS)[number];
export type GoalStatus = (typeof GOAL_STATUSES)[number];
export type CriterionSource = (typeof CRITERION_SOURCES)[number];

export type CreateObjectiveBody = z.input<typeof CreateObjectiveSchema>;
export type UpdateObjectiveBody = z.input<typeof UpdateObjectiveSchema>;
export type CreateGoalBody = z.input<typeof CreateGoalSchema>;
export type UpdateGoalBody = z.input<typeof UpdateGoalSchema>;
export type CreateCriterionBody = z.input<typeof CreateCriterionSchema>;
export type UpdateCriterionBody = z.input<typeof UpdateCriterionSchema>;
export type CreatePrioritizationBody = z.input<typeof CreateAhpSessionSchema>;

export type Participant = AhpSession["participants"][number];
export type RankingRow = Ranking["rows"][number];
export type Sensitivity = z.infer<typeof SensitivitySchema>;
export type StrategySpend = z.infer<typeof StrategySpendSchema>;
export type ProjectStrategy = z.infer<typeof ProjectStrategySchema> & { canEdit: boolean };
export type SmartResult = Goal["smart"];
