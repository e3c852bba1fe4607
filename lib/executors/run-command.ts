import { spawn } from "node:child_process";
import { stat } from "node:fs/promises";
import os from "node:os";
import { RunbridgeError } from "../errors";
import { logger } from "../logger";
import { RunCancelledError, type ExecutorContext, type ExecutorOutcome } from "./executor";
import { resolveSecretReferences } from "./secrets";
import type { CommandParams } from "./step-kinds";

/** Time between SIGTERM and SIGKILL when a command is cancelled or times out. */
const KILL_GRACE_MS = 3_000;

/**
 * Runs an allowlisted executable with its arguments as an array (no shell, so nothing in an
 * argument is interpreted) and a minimal environment: the server's own variables, secrets
 * included, are not passed on. The process group is killed on timeout or cancel.
 */
export async function runCommand(params: CommandParams, context: ExecutorContext): Promise<ExecutorOutcome> {
  const allowed = context.settings.commandAllowedExecutables;
  if (!allowed.includes(params.executable)) {
    throw new RunbridgeError(
      "FORBIDDEN",
      allowed.length === 0
        ? `Executable ${params.executable} is not allowed: the command allowlist is empty. An admin can add it under Automation settings.`
        : `Executable ${params.executable} is not on the command allowlist (${allowed.join(", ")}). An admin can add it under Automation settings.`,
    );
  }

  const cwd = params.cwd ?? os.tmpdir();
  const cwdStat = await stat(cwd).catch(() => null);
  if (!cwdStat?.isDirectory()) {
    throw new RunbridgeError("INVALID_INPUT", `Working directory ${cwd} does not exist or is not a directory: fix the step's cwd.`);
  }

  const args = params.args.map((argument) => resolveSecretReferences(argument, context.secrets));
  if (context.signal.aborted) throw new RunCancelledError();

  return new Promise<ExecutorOutcome>((resolve, reject) => {
    // NOTE: the command gets its own process group so that cancel and timeout kill its children
    // too. A server killed with SIGKILL therefore leaves a running command behind.
    const child = spawn(params.executable, args, {
      cwd,
      shell: false,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: { PATH: process.env.PATH ?? "/usr/bin:/bin", LANG: "C.UTF-8", HOME: os.tmpdir() } as unknown as NodeJS.ProcessEnv,
    });

    let timedOut = false;
    let cancelled = false;
    let killTimer: NodeJS.Timeout | undefined;

    const killGroup = (signal: NodeJS.Signals) => {
      if (child.pid === undefined) return;
      try {
        process.kill(-child.pid, signal);
      } catch {
        // The group has already exited.
      }
    };
    const stop = () => {
      killGroup("SIGTERM");
      killTimer = setTimeout(() => killGroup("SIGKILL"), KILL_GRACE_MS);
    };

    const timeout = setTimeout(() => {
      timedOut = true;
      context.write("info", `\n[timed out after ${params.timeoutSeconds} s: stopping the process]\n`);
      stop();
    }, params.timeoutSeconds * 1_000);
    const onAbort = () => {
      cancelled = true;
      stop();
    };
    context.signal.addEventListener("abort", onAbort, { once: true });

    child.stdout.setEncoding("utf8").on("data", (text: string) => context.write("stdout", text));
    child.stderr.setEncoding("utf8").on("data", (text: string) => context.write("stderr", text));

    const cleanUp = () => {
      clearTimeout(timeout);
      clearTimeout(killTimer);
      context.signal.removeEventListener("abort", onAbort);
    };

    child.on("error", (error: NodeJS.ErrnoException) => {
      cleanUp();
      logger.warn({ err: error, executable: params.executable }, "command failed to start");
      resolve({ succeeded: false, verdict: `Could not start ${params.executable}: ${error.code ?? error.message}`, exitCode: null });
    });

    child.on("close", (code, signal) => {
      cleanUp();
      if (cancelled) {
        reject(new RunCancelledError());
        return;
      }
      if (timedOut) {
        resolve({ succeeded: false, verdict: `Timed out after ${params.timeoutSeconds} s`, exitCode: code });
        return;
      }
      if (code === 0) {
        resolve({ succeeded: true, verdict: "Exit code 0", exitCode: 0 });
        return;
      }
      resolve({
        succeeded: false,
        verdict: code === null ? `Killed by ${signal}` : `Exit code ${code}`,
        exitCode: code,
      });
    });
  });
}
