/**
 * The API's errors as exceptions. It answers every error with a problem document
 * (RFC 9457, `application/problem+json`); anything else that is not a success, such as a
 * proxy's HTML 502, is an {@link ApiError} with the status and the text.
 */
import type { components } from "./schema.js";

/** A problem document as the API sends it. */
export type Problem = components["schemas"]["Problem"];

/** The problem types docs/reference/api.md#errors lists, by the anchor their `type` ends in. */
export type ProblemKind =
  | "invalid-parameter"
  | "not-found"
  | "translation-missing"
  | "preview-token-invalid"
  | "preview-token-expired"
  | "preview-token-mismatch"
  | "service-unavailable";

/** Any answer that is not a success (or a 304 the client's cache answers). */
export class ApiError extends Error {
  readonly status: number;
  readonly url: string;
  /** The body as text, or the parsed JSON. */
  readonly body: unknown;

  constructor(response: Response, body: unknown, message?: string) {
    super(message ?? `${response.status} ${response.statusText} from ${response.url}`);
    this.name = "ApiError";
    this.status = response.status;
    this.url = response.url;
    this.body = body;
  }
}

/** An error the API explained with a problem document. */
export class ApiProblem extends ApiError {
  readonly problem: Problem;

  constructor(response: Response, problem: Problem) {
    super(response, problem, problem.detail);
    this.name = "ApiProblem";
    this.problem = problem;
  }

  get type(): string {
    return this.problem.type;
  }

  get title(): string {
    return this.problem.title;
  }

  get detail(): string {
    return this.problem.detail;
  }

  /** Which parameters were refused and why; empty for other problems. */
  get invalidParams(): NonNullable<Problem["invalid_params"]> {
    return this.problem.invalid_params ?? [];
  }

  /** Whether this is the problem `kind`, e.g. `error.is("translation-missing")`. */
  is(kind: ProblemKind): boolean {
    return this.problem.type.endsWith(`#problem-${kind}`);
  }
}

function isProblem(body: unknown): body is Problem {
  if (typeof body !== "object" || body === null) return false;
  const { type, title, status } = body as Record<string, unknown>;
  return typeof type === "string" && typeof title === "string" && typeof status === "number";
}

/** The exception for a failed answer, from openapi-fetch's `error` (the parsed body). */
export function errorFor(response: Response, body: unknown): ApiError {
  const contentType = response.headers.get("Content-Type") ?? "";
  if (/^application\/(problem\+)?json\b/.test(contentType) && isProblem(body)) {
    return new ApiProblem(response, body);
  }
  return new ApiError(response, body);
}
