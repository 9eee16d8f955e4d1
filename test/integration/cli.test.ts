/**
 * The `throughline` command line, run as users run it: `node bin/throughline.mjs …` in a child
 * process, against a temporary SQLite database. These tests exercise the CLI (arguments, output,
 * exit codes); they run on SQLite only because the services underneath are covered on both
 * engines by the other integration tests.
 *
 * Each spawn costs about a second of tsx start-up, so the tests are steps of one scenario on one
 * database (migrate → demo → org → user → token → export → import), and independent spawns run
 * in parallel.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { type Command, CommanderError } from "commander";
import { parse as parseCsv } from "csv-parse/sync";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildProgram } from "../../src/cli/program.js";
import { buildApp, type Services } from "../../src/server/app.js";
import { loadConfig } from "../../src/server/config.js";
import { ListProjectsQuerySchema } from "../../src/server/modules/portfolio/portfolio.schema.js";
import { systemContext } from "../../src/server/platform/context.js";
import { type DatabaseHandle, openDatabase } from "../../src/server/platform/db/database.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const PASSWORD = "correct horse battery staple";
const execFileAsync = promisify(execFile);

type Run = { code: number; stdout: string; stderr: string };

let dataDir: string;
let env: Record<string, string>;

/** Runs the CLI with `args` (no shell), feeding `input` on stdin; never rejects on a non-zero exit. */
async function cli(args: string[], input = ""): Promise<Run> {
  const running = execFileAsync(process.execPath, ["bin/throughline.mjs", ...args], {
    cwd: ROOT,
    env,
    timeout: 60_000,
    maxBuffer: 32 * 1024 * 1024,
  });
  running.child.stdin?.end(input);
  try {
    const { stdout, stderr } = await running;
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code?: unknown; stdout?: string; stderr?: string };
    if (typeof err.code !== "number") throw e;
    return { code: err.code, stdout: err.stdout ?? "", stderr: err.stderr ?? "" };
  }
}

const lastLine = (text: string) => text.trimEnd().split("\n").at(-1) ?? "";

/** Expects success and returns stdout, showing stderr when the command failed. */
function ok(run: Run): string {
  expect(run.stderr).not.toMatch(/^error:/m);
  expect(run.code).toBe(0);
  return run.stdout;
}

describe("throughline CLI [sqlite]", { timeout: 90_000 }, () => {
  // An app on the same database file as the CLI, opened once `migrate` has created it.
  let database: DatabaseHandle | undefined;
  let app: FastifyInstance | undefined;
  let services: Services;
  let demoOrgId: string;
  let newOrgId: string;
  let projectCount: () => Promise<number>;

  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tl-cli-test-"));
    // A clean environment: nothing from the developer's shell (DATABASE_URL, ADMIN_*) leaks in.
    env = {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? os.homedir(),
      ...(process.env.TMPDIR ? { TMPDIR: process.env.TMPDIR } : {}),
      DATA_DIR: dataDir,
      LOG_LEVEL: "silent",
      ADMIN_EMAIL: "admin@example.test",
      ADMIN_PASSWORD: PASSWORD,
    };
  });

  afterAll(async () => {
    await app?.close();
    await database?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("migrate applies the migrations to an empty database", async () => {
    const out = ok(await cli(["migrate"]));
    expect(out).toMatch(/^applied \d{14}_initial$/m);

    database = openDatabase({ dataDir });
    const built = await buildApp({
      config: loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: "silent" }),
      database,
      logger: false,
    });
    app = built.app;
    services = built.services;
    await app.ready();
    projectCount = async () =>
      (
        await services.projects.list(
          systemContext(demoOrgId),
          ListProjectsQuerySchema.parse({ limit: 1, archived: "include" }),
        )
      ).total;
  });

  it("demo bootstraps the empty database, prints the sign-in and loads 40 projects", async () => {
    const out = ok(await cli(["demo"]));
    expect(out).toContain("Email:    admin@example.test");
    expect(out).toContain("Password: the ADMIN_PASSWORD you set");
    expect(out).toMatch(/^ {2}projects: 40$/m);

    const first = await services.identity.firstOrganizationId();
    if (!first) throw new Error("demo created no organization");
    demoOrgId = first;
    expect(await projectCount()).toBe(40);
  });

  it("scenario list / solve / model: the demo's scenarios solve, print the portfolio, and export the model", async () => {
    const list = ok(await cli(["scenario", "list"]));
    const lines = list.trim().split("\n");
    expect(lines).toHaveLength(2);
    expect(list).toContain("budget held flat");
    const id = lines.find((l) => l.includes("budget held flat"))!.split(/\s+/)[0]!;
    expect(id).toMatch(UUID);
    const [solved, model] = await Promise.all([
      cli(["scenario", "solve", id, "--no-explain", "--time-limit", "20"]),
      cli(["scenario", "model", id, "--out", path.join(dataDir, "flat.lp")]),
    ]);
    const out = ok(solved);
    expect(out).toMatch(/^Run [0-9a-f-]+: (optimal|feasible)$/m);
    expect(out).toMatch(/^Greedy cut line: by value ÷ cost [\d.]+, by value [\d.]+/m);
    expect(out).toMatch(/^ {2}\+ NET-\d{3} {2}start \d{4}-\d{2}/m);
    expect(lastLine(out)).toMatch(UUID);
    ok(model);
    const lp = fs.readFileSync(path.join(dataDir, "flat.lp"), "utf8");
    expect(lp).toMatch(/^maximize/im);
    expect(lp).toContain("budget_2026_04");
    const missing = await cli(["scenario", "solve", "01a21533-0000-7000-8000-000000000000"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("not_found");
  }, 90_000);

  it("org create prints the new organization's id alone on its last line", async () => {
    const out = ok(await cli(["org", "create", "--name", "Beta Ltd"]));
    newOrgId = lastLine(out);
    expect(newOrgId).toMatch(UUID);
    expect((await services.identity.findOrganization(newOrgId))?.name).toBe("Beta Ltd");
  });

  it("user create reads the password from stdin; token create issues a token that works against the API", async () => {
    const user = ok(
      await cli(
        [
          "user",
          "create",
          "--org",
          newOrgId,
          "--email",
          "Pat@Example.test",
          "--role",
          "pmo",
          "--name",
          "Pat Doe",
          "--password-stdin",
        ],
        `${PASSWORD}\n`,
      ),
    );
    const userId = lastLine(user);
    expect(userId).toMatch(UUID);
    expect(user).not.toContain("Password:");
    // The trailing newline was dropped: the password typed at sign-in is the one piped in.
    const session = await services.identity.signIn("pat@example.test", PASSWORD, { organizationId: newOrgId });
    expect(session.me.user.id).toBe(userId);

    const token = lastLine(
      ok(await cli(["token", "create", "--email", "pat@example.test", "--name", "ci", "--expires-days", "7"])),
    );
    expect(token).toMatch(/^tl_\S+$/);
    const me = await app?.inject({ method: "GET", url: "/api/v1/me", headers: { authorization: `Bearer ${token}` } });
    expect(me?.statusCode).toBe(200);
    expect(me?.json()).toMatchObject({
      user: { id: userId, email: "pat@example.test", name: "Pat Doe" },
      organization: { id: newOrgId, name: "Beta Ltd" },
      role: "pmo",
      via: "token",
    });
  });

  let portfolioName: string;
  let categoryKey: string;

  it("export projects prints CSV of the first organization, header first", async () => {
    const out = ok(await cli(["export", "projects"]));
    expect(out.split("\n")[0]).toMatch(/^code,name,/);
    const rows = parseCsv(out, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(40);
    const first = rows[0];
    if (!first) throw new Error("no rows");
    expect(first.code).toBe("CUS-001");
    portfolioName = first.portfolio ?? "";
    categoryKey = first.category ?? "";
  });

  it("import projects reports a bad row by line and column, exits 1 and imports nothing; a good file imports", async () => {
    const header = "code,name,portfolio,category,planned_start,planned_end,opex:2027-01";
    const good = `NEW-001,Good row,"${portfolioName}",${categoryKey},2027-01-01,2027-06-30,1250.50`;
    const bad = `NEW-002,Bad row,"${portfolioName}",${categoryKey},2027-06-30,2027-01-01,a lot`;
    const file = path.join(dataDir, "projects.csv");
    fs.writeFileSync(file, `${header}\n${good}\n${bad}\n`);

    const failed = await cli(["import", "projects", file]);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toMatch(/^line 3, column planned_end: must be on or after the planned start$/m);
    expect(failed.stdout).toMatch(/^line 3, column opex:2027-01: "a lot" is not an amount/m);
    expect(failed.stdout).not.toMatch(/^line 2,/m);
    expect(failed.stderr).toMatch(/^error: infeasible_input: .*nothing was imported$/m);
    expect(await projectCount()).toBe(40);

    // The good row alone, from stdin ("-"), acting as the demo organization's admin.
    const imported = ok(await cli(["import", "projects", "-", "--as", "admin@example.test"], `${header}\n${good}\n`));
    expect(imported).toMatch(/^created: 1$/m);
    expect(await projectCount()).toBe(41);
  });

  it("rejects bad input with a one-line message and its exit code; migrate has nothing left to do", async () => {
    const [badRole, unknownOrg, xlsxToStdout, badEmail, migrate] = await Promise.all([
      cli(["user", "create", "--email", "sam@example.test", "--role", "boss"]),
      cli(["demo", "--org", "no-such-org"]),
      cli(["export", "projects", "--format", "xlsx"]),
      cli(["user", "create", "--email", "not-an-email", "--role", "viewer"]),
      cli(["migrate"]),
    ]);
    expect(ok(migrate)).toContain("database is up to date");
    expect(migrate.stdout).not.toContain("applied");
    expect(badRole.code).not.toBe(0);
    expect(badRole.stderr).toContain("'boss'");
    expect(badRole.stderr).toContain("project_manager"); // lists the roles there are
    expect(unknownOrg.code).toBe(2);
    expect(unknownOrg.stderr.trim()).toBe("error: not_found: Organization no-such-org was not found");
    expect(xlsxToStdout.code).toBe(1);
    expect(xlsxToStdout.stderr).toMatch(/^error: .*--output/);
    expect(badEmail.code).toBe(1);
    expect(badEmail.stderr.trim()).toBe("error: validation: email: must be an email address");
  });

  it("--help works for every command", async () => {
    // In process for each command (fast), and once through the real binary.
    const commands: { names: string[]; command: Command }[] = [];
    const visit = (command: Command, names: string[]) => {
      commands.push({ names, command });
      for (const sub of command.commands) visit(sub, [...names, sub.name()]);
    };
    visit(buildProgram(), []);
    expect(commands.map((c) => c.names.join(" "))).toEqual(
      expect.arrayContaining([
        "serve",
        "migrate",
        "org create",
        "user create",
        "token create",
        "import projects",
        "export projects",
        "demo",
      ]),
    );
    for (const { names } of commands) {
      const program = buildProgram();
      let help = "";
      const configure = (command: Command) => {
        command.exitOverride().configureOutput({ writeOut: (s) => (help += s), writeErr: (s) => (help += s) });
        for (const sub of command.commands) configure(sub);
      };
      configure(program);
      const thrown = await program.parseAsync([...names, "--help"], { from: "user" }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(thrown, names.join(" ")).toBeInstanceOf(CommanderError);
      expect((thrown as CommanderError).exitCode, names.join(" ")).toBe(0);
      expect(help, names.join(" ")).toContain(`Usage: throughline ${names.join(" ")}`.trimEnd());
      const description = commands.find((c) => c.names.join(" ") === names.join(" "))?.command.description() ?? "";
      expect(description.length, `${names.join(" ")} has a description`).toBeGreaterThan(10);
    }

    const root = ok(await cli(["--help"]));
    expect(root).toContain("Exit codes:");
    expect(root).toContain("import");
  });
});
