/**
 * The benefits API's types, inferred from the server's zod schemas. Type-only imports: no server
 * code reaches the bundle.
 */
import type { z } from "zod";
import type {
  ACTION_STATUSES,
  AppraisalSchema,
  BENEFIT_STATUSES,
  BENEFIT_TYPES,
  Benefit,
  BenefitMapSchema,
  BenefitPageSchema,
  BenefitSummary,
  BusinessCase,
  CategorySchema,
  CorrectiveAction,
  CreateBenefitSchema,
  CreateCorrectiveActionSchema,
  CreateMapNodeSchema,
  CreateMeasurementSchema,
  CreateRiskSchema,
  DIRECTIONS,
  DoamSchema,
  FREQUENCIES,
  HandoverSchema,
  ImportReportSchema,
  MAP_NODE_KINDS,
  Measurement,
  PIR_STATUSES,
  Pir,
  PirListSchema,
  ProfileInput,
  PutBusinessCaseSchema,
  RecommendationSchema,
  Risk,
  Rollup,
  TOLERANCE_KINDS,
  TRACKING_STATUSES,
  Tracking,
  UpdateBenefitSchema,
  UpdateCorrectiveActionSchema,
  UpdateMapNodeSchema,
  UpdateMeasurementSchema,
  UpdatePirSchema,
  UpdateRiskSchema,
} from "../../../server/modules/benefits/benefits.schema.js";

export type {
  Benefit,
  BenefitSummary,
  BusinessCase,
  CorrectiveAction,
  Measurement,
  Pir,
  ProfileInput,
  Risk,
  Rollup,
  Tracking,
};

export type BenefitType = (typeof BENEFIT_TYPES)[number];
export type BenefitStatus = (typeof BENEFIT_STATUSES)[number];
export type TrackingStatus = (typeof TRACKING_STATUSES)[number];
export type Direction = (typeof DIRECTIONS)[number];
export type Frequency = (typeof FREQUENCIES)[number];
export type ToleranceKind = (typeof TOLERANCE_KINDS)[number];
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export type PirStatus = (typeof PIR_STATUSES)[number];
export type MapNodeKind = (typeof MAP_NODE_KINDS)[number];

export type BenefitPage = z.infer<typeof BenefitPageSchema>;
export type BenefitCategory = z.infer<typeof CategorySchema>;
export type Doam = z.infer<typeof DoamSchema>;
export type CreateBenefitBody = z.input<typeof CreateBenefitSchema>;
export type UpdateBenefitBody = z.input<typeof UpdateBenefitSchema>;
export type CreateMeasurementBody = z.input<typeof CreateMeasurementSchema>;
export type UpdateMeasurementBody = z.input<typeof UpdateMeasurementSchema>;
export type MeasurementImportReport = z.infer<typeof ImportReportSchema>;
export type CreateRiskBody = z.input<typeof CreateRiskSchema>;
export type UpdateRiskBody = z.input<typeof UpdateRiskSchema>;
export type Recommendation = z.infer<typeof RecommendationSchema>;
export type TrackingRecommendation = Tracking["recommendations"][number];
export type CreateActionBody = z.input<typeof CreateCorrectiveActionSchema>;
export type UpdateActionBody = z.input<typeof UpdateCorrectiveActionSchema>;
export type HandoverBody = z.input<typeof HandoverSchema>;
export type PirSummary = z.infer<typeof PirListSchema>["items"][number];
export type PirItem = Pir["items"][number];
export type UpdatePirBody = z.input<typeof UpdatePirSchema>;
export type BenefitMap = z.infer<typeof BenefitMapSchema>;
export type MapNode = BenefitMap["nodes"][number];
export type MapEdge = BenefitMap["edges"][number];
export type CreateChangeBody = z.input<typeof CreateMapNodeSchema>;
export type UpdateChangeBody = z.input<typeof UpdateMapNodeSchema>;
export type PutBusinessCaseBody = z.input<typeof PutBusinessCaseSchema>;
export type Appraisal = z.infer<typeof AppraisalSchema>;
export type RollupBy = Rollup["by"];
export type AssessResult = {
  doam: Doam;
  profile: { period: string; planned: number }[] | null;
  problems: { path: string; message: string }[];
};
