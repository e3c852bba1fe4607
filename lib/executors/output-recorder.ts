import type { OutputStream } from "./executor";
import { StreamRedactor, type SecretValues } from "./secrets";

/** Output kept and streamed per run; the rest is counted but dropped. */
export const MAX_OUTPUT_BYTES = 64 * 1024;

export interface OutputChunk {
  stream: OutputStream;
  text: string;
  /** Length in characters of the run's kept output before this chunk. */
  offset: number;
}

/**
 * Collects a run's output: redacts secrets, keeps the first MAX_OUTPUT_BYTES bytes, and passes
 * every kept chunk to `onChunk` for live streaming. `finish` appends a line that states where
 * the output was cut and how much was dropped.
 */
export class OutputRecorder {
  private text = "";
  private keptBytes = 0;
  private totalBytes = 0;
  private truncated = false;
  private readonly redactors: Record<OutputStream, StreamRedactor>;

  constructor(
    secrets: SecretValues,
    private readonly onChunk: (chunk: OutputChunk) => void,
    private readonly maxBytes = MAX_OUTPUT_BYTES,
  ) {
    this.redactors = { stdout: new StreamRedactor(secrets), stderr: new StreamRedactor(secrets), info: new StreamRedactor(secrets) };
  }

  write(stream: OutputStream, raw: string): void {
    this.append(stream, this.redactors[stream].push(raw));
  }

  /** Flushes the redactors and closes the output; returns what is stored on the execution. */
  finish(): { output: string; outputBytes: number; truncated: boolean } {
    for (const stream of ["stdout", "stderr", "info"] as const) this.append(stream, this.redactors[stream].end());
    if (this.truncated) {
      const dropped = this.totalBytes - this.keptBytes;
      this.emit("info", `\n[output cut after ${this.keptBytes} bytes: ${dropped} more bytes were not kept]\n`);
    }
    return { output: this.text, outputBytes: this.totalBytes, truncated: this.truncated };
  }

  /** Output kept so far, for a browser that opens the incident while the run is going. */
  snapshot(): string {
    return this.text;
  }

  private append(stream: OutputStream, text: string): void {
    if (!text) return;
    const bytes = Buffer.byteLength(text);
    this.totalBytes += bytes;
    if (this.truncated) return;

    const room = this.maxBytes - this.keptBytes;
    if (bytes <= room) {
      this.keptBytes += bytes;
      this.emit(stream, text);
      return;
    }
    // Cut on a character boundary: decoding the byte prefix drops a split last character.
    const head = Buffer.from(text).subarray(0, room).toString("utf8").replace(/\uFFFD$/, "");
    this.keptBytes += Buffer.byteLength(head);
    this.truncated = true;
    if (head) this.emit(stream, head);
  }

  private emit(stream: OutputStream, text: string): void {
    const offset = this.text.length;
    this.text += text;
    this.onChunk({ stream, text, offset });
  }
}
