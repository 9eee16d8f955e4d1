/**
 * The real Throughline server for browser tests: the web app built by Vite (only when no build of
 * the current sources exists), and `node --import tsx src/server/main.ts` as a child process on a free
 * port with a fresh data directory, plus a small API client to set up data quickly.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import type { Role } from "../../../src/domain/identity/permissions.js";
import { ConfigSchema } from "../../../src/server/config.js";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const WEB_ROOT = path.join(ROOT, "src/web");

/** The directory, its subdirectories (a deleted file changes its directory's mtime) and their files. */
function listFiles(dir: string): string[] {
  return [
    dir,
    ...fs
      .readdirSync(dir, { withFileTypes: true })
      .flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name)) : [path.join(dir, e.name)])),
  ];
}

const IMPORT_RE = /(?:from\s+|import\s*\(\s*|import\s+)["'](\.{1,2}\/[^"']+)["']/g;

/** A relative import as written (`./x.js`) to the source file it names (`./x.ts`, `./x.tsx`). */
function resolveImport(fromFile: string, specifier: string): string | undefined {
  const base = path.resolve(path.dirname(fromFile), specifier);
  const stem = base.replace(/\.(js|jsx|mjs)$/, "");
  return [base, `${stem}.ts`, `${stem}.tsx`, path.join(base, "index.ts")].find((f) =>
    fs.statSync(f, { throwIfNoEntry: false })?.isFile(),
  );
}

/**
 * What the web build reads: every file under src/web, the files outside it that they import
 * (the pure src/domain code), and Vite's config. Other src/domain work does not force a rebuild.
 */
function webInputs(): string[] {
  const seen = new Set<string>([path.join(ROOT, "vite.config.ts")]);
  const queue = listFiles(WEB_ROOT);
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    if (!/\.(ts|tsx)$/.test(file)) continue;
    for (const m of fs.readFileSync(file, "utf8").matchAll(IMPORT_RE)) {
      const target = resolveImport(file, m[1] as string);
      if (target && !seen.has(target)) queue.push(target);
    }
  }
  return [...seen];
}

export const ADMIN_EMAIL = "admin@example.test";
/** Twenty characters, so the admin keeps it (only a generated password must be changed). */
export const ADMIN_PASSWORD = "E2e-Passw0rd-2027!xy";

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, NO_COLOR: "1" },
    });
    let output = "";
    child.stdout?.on("data", (d) => {
      output += d;
    });
    child.stderr?.on("data", (d) => {
      output += d;
    });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited with ${code}:\n${output}`)),
    );
  });
}

/** Built web apps by the hash of their inputs, outside the repository (os.tmpdir()). */
const WEB_CACHE = path.join(os.tmpdir(), "throughline-e2e-web");

function webInputsHash(): string {
  const hash = createHash("sha256");
  const files = webInputs().filter((f) => fs.statSync(f, { throwIfNoEntry: false })?.isFile());
  for (const file of [...files, path.join(ROOT, "package-lock.json")].sort()) {
    hash.update(`${path.relative(ROOT, file)}\0`);
    hash.update(fs.readFileSync(file));
  }
  return hash.digest("hex").slice(0, 16);
}

/** Removes cached builds not used for a day (each is about 2 MB). */
function pruneWebCache(keep: string): void {
  for (const entry of fs.readdirSync(WEB_CACHE)) {
    const dir = path.join(WEB_CACHE, entry);
    const age = Date.now() - (fs.statSync(dir, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
    if (dir !== keep && age > 24 * 3600_000) fs.rmSync(dir, { recursive: true, force: true });
  }
}

let building: Promise<string> | undefined;

/**
 * The web app built from the current sources, once per content: `vite build` runs only when no
 * build of these exact inputs exists. It is written to a private directory, not dist/web, because
 * several people (and their test runs) share this checkout: a rebuild of dist/web in the middle of
 * a run replaces the hashed chunks a loaded page still asks for, and the page breaks with "Failed
 * to fetch dynamically imported module".
 */
export function ensureWebBuilt(): Promise<string> {
  building ??= (async () => {
    const dir = path.join(WEB_CACHE, webInputsHash());
    if (fs.existsSync(path.join(dir, "index.html"))) {
      fs.utimesSync(dir, new Date(), new Date());
      return dir;
    }
    fs.mkdirSync(WEB_CACHE, { recursive: true });
    const partial = fs.mkdtempSync(path.join(WEB_CACHE, "building-"));
    try {
      await run("npx", ["vite", "build", "--logLevel", "warn", "--outDir", partial, "--emptyOutDir"]);
      try {
        fs.renameSync(partial, dir);
      } catch (e) {
        // Another run built the same inputs first: use theirs.
        if (!fs.existsSync(path.join(dir, "index.html"))) throw e;
      }
    } finally {
      fs.rmSync(partial, { recursive: true, force: true });
    }
    pruneWebCache(dir);
    return dir;
  })();
  return building;
}

/**
 * A private copy of the server (src without the web app and tests, package.json, tsconfig.json,
 * node_modules linked) whose dist/web is the build above. The server serves dist/web next to its
 * own code, so this is how it serves a build no one else rewrites; it also keeps a run on one
 * version of the server code while others edit src/.
 */
function snapshotServer(webDir: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tl-e2e-app-"));
  const web = path.join(ROOT, "src", "web");
  fs.cpSync(path.join(ROOT, "src"), path.join(dir, "src"), {
    recursive: true,
    filter: (from) => from !== web && !/\.test\.tsx?$/.test(from),
  });
  for (const file of ["package.json", "tsconfig.json"]) fs.copyFileSync(path.join(ROOT, file), path.join(dir, file));
  fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
  fs.cpSync(webDir, path.join(dir, "dist", "web"), { recursive: true });
  return dir;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** The parent's environment without Throughline's own settings (a DATABASE_URL must not leak in). */
function inheritedEnv(): Record<string, string> {
  const own = new Set(Object.keys(ConfigSchema.shape));
  return Object.fromEntries(
    Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined && !own.has(e[0])),
  );
}

export type RunningServer = {
  baseUrl: string;
  dataDir: string;
  /** Everything the server wrote, for failure messages. */
  output(): string;
  /** SIGTERM, then waits for the process to exit (SIGKILL after 10 s); removes the data directory. */
  stop(): Promise<void>;
};

/** Builds the web app if needed and starts a server (a snapshot of src/) on a fresh SQLite data directory. */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const appDir = snapshotServer(await ensureWebBuilt());
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tl-e2e-data-"));
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
    cwd: appDir,
    env: {
      ...inheritedEnv(),
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      ADMIN_EMAIL,
      ADMIN_PASSWORD,
      LOG_LEVEL: "warn",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d) => {
    output += d;
  });
  child.stderr?.on("data", (d) => {
    output += d;
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  let hasExited = false;
  // If the test process ends without stop() (a crash, a killed worker), the server must not outlive it.
  const killOnExit = () => {
    child.kill("SIGKILL");
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(appDir, { recursive: true, force: true });
  };
  process.once("exit", killOnExit);
  void exited.then(() => {
    hasExited = true;
    process.off("exit", killOnExit);
  });

  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (!hasExited) {
      child.kill("SIGTERM");
      const killer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(killer);
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(appDir, { recursive: true, force: true });
  };

  // Wait for /healthz: the server migrates and bootstraps before it listens.
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (hasExited) {
      await stop();
      throw new Error(`The server exited before it was healthy:\n${output}`);
    }
    try {
      const res = await fetch(`${baseUrl}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`The server was not healthy within 60 s:\n${output}`);
    }
    await delay(100); // polling a process that has no "ready" event for us
  }
  return { baseUrl, dataDir, output: () => output, stop };
}

export type Me = {
  user: { id: string; email: string; name: string; mustChangePassword: boolean };
  organization: { id: string; name: string; currency: string };
  role: Role;
  csrfToken: string | null;
  isEmpty: boolean;
};

/** An API caller with a signed-in session: the cookie, and X-CSRF-Token from /me on writes. */
export class ApiSession {
  private constructor(
    readonly baseUrl: string,
    private readonly cookie: string,
    private readonly csrfToken: string,
    readonly me: Me,
  ) {}

  static async signIn(baseUrl: string, email = ADMIN_EMAIL, password = ADMIN_PASSWORD): Promise<ApiSession> {
    const res = await fetch(`${baseUrl}/api/v1/auth/sign-in`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ email, password }),
    });
    if (!res.ok) throw new Error(`sign-in as ${email}: ${res.status} ${await res.text()}`);
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const meRes = await fetch(`${baseUrl}/api/v1/me`, { headers: { Cookie: cookie } });
    if (!meRes.ok) throw new Error(`/me: ${meRes.status} ${await meRes.text()}`);
    const me = (await meRes.json()) as Me;
    if (!me.csrfToken) throw new Error("/me returned no CSRF token for a cookie session");
    return new ApiSession(baseUrl, cookie, me.csrfToken, me);
  }

  /** The session cookie(s) as name/value pairs, to sign a browser context in without the form. */
  cookies(): { name: string; value: string }[] {
    return this.cookie.split("; ").map((pair) => {
      const i = pair.indexOf("=");
      return { name: pair.slice(0, i), value: pair.slice(i + 1) };
    });
  }

  async request<T>(method: string, url: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { Cookie: this.cookie, Accept: "application/json" };
    if (method !== "GET") headers["X-CSRF-Token"] = this.csrfToken;
    if (body !== undefined) headers["Content-Type"] = "application/json";
    const res = await fetch(`${this.baseUrl}/api/v1${url}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  get<T>(url: string): Promise<T> {
    return this.request<T>("GET", url);
  }

  post<T>(url: string, body: unknown = {}): Promise<T> {
    return this.request<T>("POST", url, body);
  }

  patch<T>(url: string, body: unknown): Promise<T> {
    return this.request<T>("PATCH", url, body);
  }

  /** A user with a known password (they will be asked to change it, since an admin set it). */
  createUser(input: { email: string; name: string; role: Role; password?: string }) {
    return this.post<{ user: { id: string; email: string; name: string; role: Role }; oneTimePassword: string | null }>(
      "/users",
      input,
    );
  }

  /** A personal API token of the signed-in user; the secret is returned once. */
  createToken(name: string, expiresInDays: number | null = null) {
    return this.post<{ token: { id: string; name: string; prefix: string }; secret: string }>("/tokens", {
      name,
      expiresInDays,
    });
  }

  /** A project with a sensible schedule and no budget; pass the fields a test cares about. */
  createProject(input: { code: string; name: string; portfolioId: string } & Record<string, unknown>) {
    return this.post<{ id: string; code: string; name: string; version: number }>("/projects", {
      category: "grow",
      plannedStart: "2027-01-01",
      plannedEnd: "2027-06-30",
      ...input,
    });
  }

  createPortfolio(name: string, description = "") {
    return this.post<{ id: string; name: string; version: number }>("/portfolios", { name, description });
  }
}
