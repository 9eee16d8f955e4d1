/**
 * Read throughput of the portfolio API on a generated organization.
 *
 *   npm run bench -- [--projects 10000] [--seconds 10] [--connections 20]
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench   (adds PostgreSQL)
 *
 * Builds a fresh database per engine, loads the demo organization plus generated projects
 * (budget and demand lines for every month), starts the real server in a child process, drives
 * it with autocannon from this process, and prints one JSON line per engine × endpoint:
 * {"bench","engine","projects","endpoint","requestsPerSec","p50Ms","p97_5Ms","p99Ms","errors","serverRssMb"}.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import pg from "pg";
import { buildServices } from "../src/server/app.js";
import { systemContext } from "../src/server/platform/context.js";
import { type DatabaseHandle, migrateToLatest, openDatabase } from "../src/server/platform/db/database.js";
import { newId } from "../src/server/platform/ids.js";

const { values: args } = parseArgs({
  options: {
    projects: { type: "string", default: "10000" },
    seconds: { type: "string", default: "10" },
    connections: { type: "string", default: "20" },
  },
});
const PROJECTS = Number(args.projects);
const SECONDS = Number(args.seconds);
const CONNECTIONS = Number(args.connections);
const ADMIN = { email: "bench@example.test", password: "bench password 1234" };

type Target = {
  engine: "sqlite" | "postgres";
  env: Record<string, string>;
  open: () => DatabaseHandle;
  drop: () => Promise<void>;
};

async function targets(): Promise<Target[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tl-bench-"));
  const list: Target[] = [
    {
      engine: "sqlite",
      env: { DATA_DIR: dir },
      open: () => openDatabase({ dataDir: dir }),
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    },
  ];
  const base = process.env.BENCH_DATABASE_URL;
  if (base) {
    const name = `tl_bench_${Date.now()}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const u = new URL(base);
    u.pathname = `/${name}`;
    list.push({
      engine: "postgres",
      env: { DATABASE_URL: u.toString() },
      open: () => openDatabase({ databaseUrl: u.toString(), dataDir: "" }),
      drop: async () => {
        const c = new pg.Client({ connectionString: base });
        await c.connect();
        await c.query(`drop database if exists ${name} with (force)`);
        await c.end();
      },
    });
  }
  return list;
}

async function seed(handle: DatabaseHandle): Promise<{ token: string; projectIds: string[] }> {
  await migrateToLatest(handle.db);
  const services = buildServices(handle);
  const boot = await services.identity.bootstrap({ ...ADMIN, organizationName: "Bench Co" });
  if (!boot) throw new Error("database not empty");
  const ctx = systemContext(boot.organizationId, "bench");
  await services.demo.load(ctx);
  const page = await services.projects.list(ctx, { limit: 40, sort: "code", order: "asc", archived: "exclude" });
  const templates = await Promise.all(page.items.map((p) => services.projects.get(ctx, p.id)));
  const started = Date.now();
  await handle.db.transaction().execute(async (trx) => {
    for (let i = 0; i < PROJECTS - templates.length; i++) {
      const t = templates[i % templates.length];
      if (!t) continue;
      await services.projects.insertDraft(
        trx,
        ctx,
        newId(),
        {
          code: `GEN-${String(i).padStart(6, "0")}`,
          name: `${t.name} ${i}`,
          description: t.description,
          portfolioId: t.portfolioId,
          programId: t.programId,
          category: t.category,
          lifecycleStage: t.lifecycleStage,
          status: t.status,
          sponsorId: t.sponsorId,
          managerId: t.managerId,
          plannedStart: t.plannedStart,
          plannedEnd: t.plannedEnd,
          budget: t.budget,
          demand: t.demand,
          dependencies: [],
          team: [],
        },
        { action: "bench" },
      );
    }
  });
  const user = await services.identity.findUserByEmail(ADMIN.email);
  if (!user) throw new Error("admin missing");
  const { secret } = await services.identity.issueToken(ctx, user.id, { name: "bench", expiresInDays: 1 });
  const ids = (
    await services.projects.list(ctx, { limit: 200, sort: "updatedAt", order: "desc", archived: "exclude" })
  ).items.map((p) => p.id);
  console.error(`seeded ${PROJECTS} projects in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { token: secret, projectIds: ids };
}

async function waitForHealth(port: number): Promise<void> {
  for (let i = 0; i < 200; i++) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (r.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("server did not start");
}

function rssOf(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

type Result = {
  requests: { average: number };
  latency: { p50: number; p97_5: number; p99: number };
  errors: number;
  non2xx: number;
};

for (const target of await targets()) {
  const handle = target.open();
  const { token, projectIds } = await seed(handle);
  await handle.close();
  const port = 18_000 + Math.floor(Math.random() * 1000);
  const server = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
    cwd: path.resolve(import.meta.dirname, ".."),
    env: { ...process.env, ...target.env, PORT: String(port), LOG_LEVEL: "warn" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    await waitForHealth(port);
    const endpoints: { name: string; path: string | (() => string) }[] = [
      { name: "GET /api/v1/projects?limit=50", path: "/api/v1/projects?limit=50" },
      { name: "GET /api/v1/projects?q=meter&status=active", path: "/api/v1/projects?q=meter&status=active&limit=50" },
      {
        name: "GET /api/v1/projects/:id",
        path: () => `/api/v1/projects/${projectIds[Math.floor(Math.random() * projectIds.length)]}`,
      },
      { name: "GET /api/v1/portfolios", path: "/api/v1/portfolios" },
      { name: "GET /healthz", path: "/healthz" },
    ];
    for (const ep of endpoints) {
      const result = (await autocannon({
        url: `http://127.0.0.1:${port}`,
        connections: CONNECTIONS,
        duration: SECONDS,
        headers: { authorization: `Bearer ${token}` },
        requests: [
          typeof ep.path === "string"
            ? { method: "GET", path: ep.path }
            : {
                method: "GET",
                setupRequest: (req: Record<string, unknown>) => ({ ...req, path: (ep.path as () => string)() }),
              },
        ],
      })) as unknown as Result;
      console.log(
        JSON.stringify({
          bench: "read-throughput",
          engine: target.engine,
          projects: PROJECTS,
          endpoint: ep.name,
          connections: CONNECTIONS,
          requestsPerSec: Math.round(result.requests.average),
          p50Ms: result.latency.p50,
          p97_5Ms: result.latency.p97_5,
          p99Ms: result.latency.p99,
          errors: result.errors + result.non2xx,
          serverRssMb: server.pid ? rssOf(server.pid) : null,
        }),
      );
    }
  } finally {
    server.kill("SIGTERM");
    await new Promise((r) => server.once("exit", r));
    await target.drop();
  }
}
