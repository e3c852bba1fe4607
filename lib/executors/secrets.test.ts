import { describe, expect, it } from "vitest";
import { RunbridgeError } from "../errors";
import { readSecrets, redactSecrets, resolveSecretReferences, StreamRedactor } from "./secrets";

const secrets = readSecrets({ RUNBRIDGE_SECRET_DB_PASSWORD: "hunter2-long", RUNBRIDGE_SECRET_TOKEN: "abc123", OTHER: "x" } as unknown as NodeJS.ProcessEnv);

describe("secrets", () => {
  it("reads only RUNBRIDGE_SECRET_ variables", () => {
    expect([...secrets.keys()].sort()).toEqual(["DB_PASSWORD", "TOKEN"]);
  });

  it("resolves bare and braced references", () => {
    expect(resolveSecretReferences("p=$DB_PASSWORD;t=${TOKEN}x;$1;$home", secrets)).toBe("p=hunter2-long;t=abc123x;$1;$home");
  });

  it("names the variable of a missing secret", () => {
    expect(() => resolveSecretReferences("$MISSING", secrets)).toThrow(RunbridgeError);
    expect(() => resolveSecretReferences("$MISSING", secrets)).toThrow("RUNBRIDGE_SECRET_MISSING");
  });

  it("redacts values in text", () => {
    expect(redactSecrets("login hunter2-long then abc123", secrets)).toBe("login [redacted $DB_PASSWORD] then [redacted $TOKEN]");
  });

  it("redacts a value split across chunks", () => {
    const redactor = new StreamRedactor(secrets);
    const emitted = [redactor.push("user=admin pass=hun"), redactor.push("ter2-lo"), redactor.push("ng done\n"), redactor.end()];
    expect(emitted.join("")).toBe("user=admin pass=[redacted $DB_PASSWORD] done\n");
    expect(emitted.join("")).not.toContain("hunter");
  });

  it("emits unrelated text at once", () => {
    const redactor = new StreamRedactor(secrets);
    expect(redactor.push("ready\n")).toBe("ready\n");
    expect(redactor.push("value=ab")).toBe("value=");
    expect(redactor.push("x")).toBe("abx");
  });
});
