import { lazy, type ReactNode, Suspense } from "react";
import { createBrowserRouter, Navigate } from "react-router";
import type { Capability } from "../../domain/identity/permissions.js";
import { PageLoader } from "../components/PageLoader.js";
import { useSignedInMe } from "../features/identity/session.js";
import { RequireCapability } from "./RequireCapability.js";
import { RouteError } from "./RouteError.js";
import { SessionGate } from "./SessionGate.js";

// Each page is its own chunk; the first load carries only the frame.
const SignInPage = lazy(() => import("../routes/SignInPage.js"));
const WelcomePage = lazy(() => import("../routes/WelcomePage.js"));
const ProjectsPage = lazy(() => import("../routes/ProjectsPage.js"));
const ProjectNewPage = lazy(() => import("../routes/ProjectNewPage.js"));
const ProjectImportPage = lazy(() => import("../routes/ProjectImportPage.js"));
const ProjectDetailPage = lazy(() => import("../routes/ProjectDetailPage.js"));
const ProjectEditPage = lazy(() => import("../routes/ProjectEditPage.js"));
const PortfoliosPage = lazy(() => import("../routes/PortfoliosPage.js"));
const PortfolioDetailPage = lazy(() => import("../routes/PortfolioDetailPage.js"));
const StrategyMapPage = lazy(() => import("../routes/strategy/StrategyMapPage.js"));
const GoalsPage = lazy(() => import("../routes/strategy/GoalsPage.js"));
const GoalNewPage = lazy(() => import("../routes/strategy/GoalNewPage.js"));
const GoalDetailPage = lazy(() => import("../routes/strategy/GoalDetailPage.js"));
const GoalEditPage = lazy(() => import("../routes/strategy/GoalEditPage.js"));
const PrioritizationsPage = lazy(() => import("../routes/strategy/PrioritizationsPage.js"));
const PrioritizationPage = lazy(() => import("../routes/strategy/PrioritizationPage.js"));
const CriteriaPage = lazy(() => import("../routes/strategy/CriteriaPage.js"));
const RankingPage = lazy(() => import("../routes/strategy/RankingPage.js"));
const ScenariosPage = lazy(() => import("../routes/selection/ScenariosPage.js"));
const ScenarioPage = lazy(() => import("../routes/selection/ScenarioPage.js"));
const ComparisonPage = lazy(() => import("../routes/selection/ComparisonPage.js"));
const BenefitsPage = lazy(() => import("../routes/benefits/BenefitsPage.js"));
const BenefitNewPage = lazy(() => import("../routes/benefits/BenefitNewPage.js"));
const BenefitEditPage = lazy(() => import("../routes/benefits/BenefitEditPage.js"));
const BenefitDetailPage = lazy(() => import("../routes/benefits/BenefitDetailPage.js"));
const MeasurementImportPage = lazy(() => import("../routes/benefits/MeasurementImportPage.js"));
const BenefitMapPage = lazy(() => import("../routes/benefits/BenefitMapPage.js"));
const RecommendationsPage = lazy(() => import("../routes/benefits/RecommendationsPage.js"));
const CorrectiveActionsPage = lazy(() => import("../routes/benefits/CorrectiveActionsPage.js"));
const ReviewsPage = lazy(() => import("../routes/benefits/ReviewsPage.js"));
const ReviewPage = lazy(() => import("../routes/benefits/ReviewPage.js"));
const ReviewPrintPage = lazy(() => import("../routes/benefits/ReviewPrintPage.js"));
const RollupPage = lazy(() => import("../routes/benefits/RollupPage.js"));
const AuditPage = lazy(() => import("../routes/AuditPage.js"));
const MeetingsPage = lazy(() => import("../routes/meetings/MeetingsPage.js"));
const MeetingDetailPage = lazy(() => import("../routes/meetings/MeetingDetailPage.js"));
const DecisionLogPage = lazy(() => import("../routes/meetings/DecisionLogPage.js"));
const ActionItemsPage = lazy(() => import("../routes/meetings/ActionItemsPage.js"));
const UsersPage = lazy(() => import("../routes/UsersPage.js"));
const TokensPage = lazy(() => import("../routes/TokensPage.js"));
const ChangePasswordPage = lazy(() => import("../routes/ChangePasswordPage.js"));
const NotFoundPage = lazy(() => import("../routes/NotFoundPage.js"));

function guarded(capability: Capability, page: ReactNode): ReactNode {
  return <RequireCapability capability={capability}>{page}</RequireCapability>;
}

/** "/" leads an empty organization to the welcome page, everyone else to the projects. */
function HomeRedirect() {
  const me = useSignedInMe();
  return <Navigate to={me.isEmpty ? "/welcome" : "/projects"} replace />;
}

export const router = createBrowserRouter([
  {
    path: "/sign-in",
    element: (
      <Suspense fallback={<PageLoader />}>
        <SignInPage />
      </Suspense>
    ),
  },
  {
    // Printable pages: signed in, without the navigation frame.
    element: <SessionGate bare />,
    errorElement: <RouteError />,
    children: [{ path: "benefits/reviews/:id/print", element: guarded("benefit.read", <ReviewPrintPage />) }],
  },
  {
    element: <SessionGate />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <HomeRedirect /> },
      { path: "welcome", element: <WelcomePage /> },
      { path: "projects", element: guarded("project.read", <ProjectsPage />) },
      { path: "projects/new", element: guarded("project.create", <ProjectNewPage />) },
      { path: "projects/import", element: guarded("project.import", <ProjectImportPage />) },
      { path: "projects/:id", element: guarded("project.read", <ProjectDetailPage />) },
      { path: "projects/:id/edit", element: guarded("project.update", <ProjectEditPage />) },
      { path: "portfolios", element: guarded("portfolio.read", <PortfoliosPage />) },
      { path: "portfolios/:id", element: guarded("portfolio.read", <PortfolioDetailPage />) },
      { path: "strategy", element: guarded("strategy.read", <StrategyMapPage />) },
      { path: "strategy/goals", element: guarded("strategy.read", <GoalsPage />) },
      { path: "strategy/goals/new", element: guarded("goal.write", <GoalNewPage />) },
      { path: "strategy/goals/:id", element: guarded("strategy.read", <GoalDetailPage />) },
      { path: "strategy/goals/:id/edit", element: guarded("goal.write", <GoalEditPage />) },
      { path: "strategy/prioritizations", element: guarded("strategy.read", <PrioritizationsPage />) },
      { path: "strategy/prioritizations/:id", element: guarded("strategy.read", <PrioritizationPage />) },
      { path: "strategy/criteria", element: guarded("strategy.read", <CriteriaPage />) },
      { path: "strategy/ranking", element: guarded("strategy.read", <RankingPage />) },
      { path: "selection", element: guarded("selection.read", <ScenariosPage />) },
      { path: "selection/compare", element: guarded("selection.read", <ComparisonPage />) },
      { path: "selection/:id", element: guarded("selection.read", <ScenarioPage />) },
      { path: "benefits", element: guarded("benefit.read", <BenefitsPage />) },
      { path: "benefits/new", element: guarded("benefit.write", <BenefitNewPage />) },
      { path: "benefits/import", element: guarded("benefit.measure", <MeasurementImportPage />) },
      { path: "benefits/map", element: guarded("benefit.read", <BenefitMapPage />) },
      { path: "benefits/recommendations", element: guarded("benefit.read", <RecommendationsPage />) },
      { path: "benefits/actions", element: guarded("benefit.read", <CorrectiveActionsPage />) },
      { path: "benefits/reviews", element: guarded("benefit.read", <ReviewsPage />) },
      { path: "benefits/reviews/:id", element: guarded("benefit.read", <ReviewPage />) },
      { path: "benefits/rollup", element: guarded("benefit.read", <RollupPage />) },
      { path: "benefits/:id", element: guarded("benefit.read", <BenefitDetailPage />) },
      { path: "benefits/:id/edit", element: guarded("benefit.write", <BenefitEditPage />) },
      { path: "meetings", element: guarded("meeting.read", <MeetingsPage />) },
      { path: "meetings/:id", element: guarded("meeting.read", <MeetingDetailPage />) },
      { path: "decisions", element: guarded("meeting.read", <DecisionLogPage />) },
      { path: "actions", element: guarded("meeting.read", <ActionItemsPage />) },
      { path: "audit", element: guarded("audit.read", <AuditPage />) },
      { path: "admin/users", element: guarded("user.manage", <UsersPage />) },
      { path: "admin/tokens", element: guarded("token.manage_own", <TokensPage />) },
      { path: "account/password", element: <ChangePasswordPage /> },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
]);
