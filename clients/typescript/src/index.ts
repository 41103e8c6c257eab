export {
  createClient,
  DOCUMENT_MOUNT,
  type ClientOptions,
  type Fallback,
  type FrameworkQuery,
  type GoalQuery,
  type KommunnatverkClient,
  type Locale,
  type NavigationQuery,
  type OrganisationQuery,
  type PageQuery,
  type QueryOf,
  type SnippetType,
} from "./client.js";
export { EtagCache, etagMiddleware, type CachedAnswer } from "./etag-cache.js";
export { paginate, type Batch } from "./paging.js";
export { ApiError, ApiProblem, errorFor, type Problem, type ProblemKind } from "./problem.js";
export type { components, operations, paths } from "./schema.js";
export type * from "./types.js";
