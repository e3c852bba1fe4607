// Type declarations for the parts of s3rver 3.7 (a test-only S3 server) that the tests use.
declare module "s3rver" {
  interface S3rverOptions {
    address?: string;
    port?: number;
    silent?: boolean;
    directory: string;
    resetOnClose?: boolean;
    configureBuckets?: { name: string }[];
  }

  export default class S3rver {
    constructor(options: S3rverOptions);
    run(): Promise<{ address: string; port: number }>;
    close(): Promise<void>;
    store: { getResourcePath(bucket: string, key?: string, resource?: string): string };
  }
}
