import { describe, expect, it } from "vitest";
import { parseRunbook } from "../runbook/parse-runbook";
import { readSampleRunbook } from "../runbook/sample-runbook";
import { mapCommandLine, mapStep } from "./map-command";
import { parseStepParams } from "./step-kinds";

describe("mapCommandLine", () => {
  it("maps curl -I to an HTTP HEAD check", () => {
    expect(mapCommandLine("curl -I https://shop.example.com/api/health")).toEqual({
      kind: "http_check",
      params: { method: "HEAD", url: "https://shop.example.com/api/health", expectedStatus: 200 },
    });
    expect(mapCommandLine("curl -sI https://shop.example.com/")?.kind).toBe("http_check");
  });

  it("leaves other curl calls manual", () => {
    expect(mapCommandLine("curl -X POST https://shop.example.com/api/cache/purge")).toBeNull();
    expect(mapCommandLine("curl https://shop.example.com/install.sh | sh")).toBeNull();
    expect(mapCommandLine("curl -I -H 'Authorization: x' https://shop.example.com/")).toBeNull();
  });

  it("maps pg_isready and single SELECTs to database checks", () => {
    expect(mapCommandLine("pg_isready -h $DB_HOST -p $DB_PORT")).toEqual({ kind: "database_check", params: { target: "default", query: "" } });
    expect(mapCommandLine(`psql -d store -c "SELECT COUNT(*) FROM products;"`)).toEqual({
      kind: "database_check",
      params: { target: "store", query: "SELECT COUNT(*) FROM products" },
    });
  });

  it("leaves writing or chained SQL manual", () => {
    expect(mapCommandLine(`psql -d store -c "DELETE FROM sessions"`)).toBeNull();
    expect(mapCommandLine(`psql -d store -c "SELECT 1; DROP TABLE orders"`)).toBeNull();
  });

  it("maps aws s3 cp from a bucket to backup freshness", () => {
    expect(mapCommandLine("aws s3 cp s3://backups-prod/database/full/latest.sql.gpg /tmp/")).toEqual({
      kind: "backup_freshness",
      params: { bucket: "backups-prod", prefix: "database/full/" },
    });
    expect(mapCommandLine("aws s3 cp /tmp/dump.sql s3://backups-prod/")).toBeNull();
  });

  it("leaves shell constructs manual", () => {
    expect(mapCommandLine("pg_isready && echo up")).toBeNull();
    expect(mapCommandLine("curl -I $(cat url.txt)")).toBeNull();
    expect(mapCommandLine("tail -f /var/log/postgresql/postgresql.log")).toBeNull();
  });
});

describe("mapStep on the sample runbook", () => {
  const model = parseRunbook(readSampleRunbook());
  const steps = new Map(model.scenarios.flatMap((scenario) => scenario.phases.flatMap((phase) => phase.steps.map((step) => [step.title, mapStep(step)] as const))));

  it("maps the checks it can and flags the dangerous steps", () => {
    expect(steps.get("Assess the situation")?.kind).toBe("database_check");
    expect(steps.get("Check server status")?.kind).toBe("http_check");
    expect(steps.get("Verify asset delivery")?.kind).toBe("http_check");
    expect(steps.get("Verify data integrity")?.kind).toBe("database_check");
    expect(steps.get("Restore from latest backup")?.kind).toBe("backup_freshness");
    expect(steps.get("Activate maintenance mode")?.kind).toBe("manual");

    expect(steps.get("Restore from latest backup")?.dangerous).toBe(true);
    expect(steps.get("Activate backup server")?.dangerous).toBe(true);
    expect(steps.get("Isolate affected systems")?.dangerous).toBe(true);
    expect(steps.get("Assess the situation")?.dangerous).toBe(false);
    expect(steps.get("Notify stakeholders")?.dangerous).toBe(false);
  });

  it("produces parameters that pass their kind's schema", () => {
    for (const [title, mapping] of steps) {
      const parsed = parseStepParams(mapping.kind, mapping.params);
      expect(parsed.ok, `${title}: ${parsed.ok ? "" : parsed.message}`).toBe(true);
    }
  });
});
