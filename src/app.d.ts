import type { ErrorCode } from '$core/errors.ts';

// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
  namespace App {
    /** What an error page and an unexpected API failure may show: never a stack or a query. */
    interface Error {
      message: string;
      code: ErrorCode;
    }
    interface Locals {
      /** The error a route threw, kept by handleError so `handle` can give it its proper status. */
      failure?: unknown;
    }
  }
}

export {};
