import type { Actor } from '$core/access/actor.ts';
import type { DomainError, ErrorCode } from '$core/errors.ts';

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
      /** Who is asking: set by `handle` from the session cookie for every request. */
      actor: Actor;
      /**
       * Set by `handle` when the route's access rule refuses a page to this actor; the area's
       * layout load throws it, so the error page renders with its status.
       */
      denied?: DomainError;
    }
  }
}

export {};
