import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.js";

describe("loadConfig", () => {
  it("applies the documented defaults", () => {
    const c = loadConfig({});
    expect(c.port).toBe(8080);
    expect(c.host).toBe("127.0.0.1");
    expect(c.dataDir).toBe("./data");
    expect(c.databaseUrl).toBeUndefined();
  });

  it("treats empty strings as unset", () => {
    expect(loadConfig({ PORT: "", DATABASE_URL: "" }).port).toBe(8080);
  });

  it("lists every problem at once", () => {
    try {
      loadConfig({ PORT: "http", DATABASE_URL: "mysql://x", ADMIN_EMAIL: "nope", ADMIN_PASSWORD: "short" });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const problems = (e as ConfigError).problems.join("\n");
      expect(problems).toMatch(/PORT/);
      expect(problems).toMatch(/DATABASE_URL/);
      expect(problems).toMatch(/ADMIN_EMAIL/);
      expect(problems).toMatch(/ADMIN_PASSWORD/);
    }
  });
});
