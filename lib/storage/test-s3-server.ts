// A real S3-compatible server for tests: s3rver (npm) on 127.0.0.1 with its data in a
// temporary folder that `stop` removes. It accepts the access key "S3RVER" with the secret
// "S3RVER".
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import S3rver from "s3rver";
import type { S3Connection } from "./s3-client";

export interface TestS3Server {
  endpoint: string;
  /** Connection settings for createS3Client. */
  connection: S3Connection;
  /** Path of an object's data file, to change its modification time in tests. */
  objectFilePath(bucket: string, key: string): string;
  stop(): Promise<void>;
}

/** Starts s3rver on 127.0.0.1:`port` (0 for a free port) with the given buckets created. */
export async function startTestS3Server(port: number, buckets: string[]): Promise<TestS3Server> {
  const directory = mkdtempSync(path.join(os.tmpdir(), "runbridge-s3-"));
  const server = new S3rver({
    address: "127.0.0.1",
    port,
    silent: true,
    directory,
    configureBuckets: buckets.map((name) => ({ name })),
  });
  const address = await server.run();

  const endpoint = `http://127.0.0.1:${address.port}`;
  return {
    endpoint,
    connection: { endpoint, region: "us-east-1", forcePathStyle: true, credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } },
    objectFilePath: (bucket, key) => server.store.getResourcePath(bucket, key, "object"),
    async stop() {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
