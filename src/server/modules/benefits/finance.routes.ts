import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { appraise } from "../../../domain/benefits/finance.js";
import { contextOf } from "../../platform/http/auth.js";
import { problemResponses } from "../../platform/http/schemas.js";
import { AppraisalResultSchema, AppraiseSchema } from "./finance.schema.js";

/**
 * The pure business-case calculator: no organization data is read or written, so any signed-in
 * caller may use it (like `POST /api/v1/strategy/ahp/evaluate`). The CLI's `finance appraise`
 * answers the same JSON.
 */
export function financeRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    "/api/v1/finance/appraise",
    {
      schema: {
        tags: ["finance"],
        summary:
          "NPV, IRR (with whether it is unique), MIRR, simple and discounted payback, ROI and BCR of a series of net cash flows",
        body: AppraiseSchema,
        response: { 200: AppraisalResultSchema, ...problemResponses },
      },
    },
    async (req) => {
      contextOf(req);
      return appraise(req.body);
    },
  );
}
