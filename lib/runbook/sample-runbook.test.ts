import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterEach, describe, expect, it, vi } from "vitest";

import { readSampleRunbook, SAMPLE_RUNBOOK_PATH } from "./sample-runbook";

describe("readSampleRunbook", () => {
  const temporaryDirectories: string[] = [];

  afterEach(() => {
    vi.unstubAllEnvs();

    for (const directory of temporaryDirectories.splice(0)) {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  function makeTemporaryDirectory(): string {
    const directory = mkdtempSync(path.join(tmpdir(), "runbridge-sample-"));
    temporaryDirectories.push(directory);
    return directory;
  }

  it("reads the bundled sample", () => {
    vi.stubEnv("RUNBRIDGE_SAMPLE_RUNBOOK", "");

    const markdown = readSampleRunbook();

    expect(markdown.split("\n")[0]).toContain("DISASTER RECOVERY RUNBOOK");
    expect(markdown.split("\n")).toHaveLength(297);
  });

  it("reads the environment override", () => {
    const file = path.join(makeTemporaryDirectory(), "custom.md");
    writeFileSync(file, "# Custom runbook\n");
    vi.stubEnv("RUNBRIDGE_SAMPLE_RUNBOOK", file);

    expect(readSampleRunbook()).toBe("# Custom runbook\n");
  });

  it("names the path when missing", () => {
    const file = path.join(makeTemporaryDirectory(), "missing.md");
    vi.stubEnv("RUNBRIDGE_SAMPLE_RUNBOOK", file);

    expect(() => readSampleRunbook()).toThrow(file);
    expect(() => readSampleRunbook()).toThrow("RUNBRIDGE_SAMPLE_RUNBOOK");
  });

  it("resolves from the working directory", () => {
    const directory = makeTemporaryDirectory();
    vi.stubEnv("RUNBRIDGE_SAMPLE_RUNBOOK", "");
    const spy = vi.spyOn(process, "cwd").mockReturnValue(directory);

    try {
      expect(() => readSampleRunbook()).toThrow(path.join(directory, SAMPLE_RUNBOOK_PATH));
    } finally {
      spy.mockRestore();
    }
  });
});
