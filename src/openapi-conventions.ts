import type { INestApplication, Type } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import type {
  OpenAPIObject,
  OperationObject,
  PathItemObject,
  ResponsesObject,
} from '@nestjs/swagger';
import { IS_PUBLIC_KEY, ROLES_KEY, problemResponse } from './common/decorators';

/** What the route decorators say about one handler, keyed by its method name (= operationId). */
export interface RouteFacts {
  isPublic: boolean;
  roles: string[];
}

const HTTP_METHODS = ['get', 'put', 'post', 'patch', 'delete', 'head', 'options'] as const;

/**
 * Route facts for every controller method. Read from decorator metadata on the classes, so it
 * works in preview mode (no provider or controller is instantiated).
 */
export function collectRouteFacts(app: INestApplication): Map<string, RouteFacts> {
  const facts = new Map<string, RouteFacts>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type | null;
      if (!controller) continue;
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        if (name === 'constructor') continue;
        const handler: unknown = Reflect.get(controller.prototype as object, name);
        if (typeof handler !== 'function') continue;
        facts.set(name, {
          isPublic: Boolean(metadata(IS_PUBLIC_KEY, handler, controller)),
          roles: (metadata(ROLES_KEY, handler, controller) as string[] | undefined) ?? [],
        });
      }
    }
  }
  return facts;
}

function metadata(key: string, handler: object, controller: object): unknown {
  return (
    (Reflect.getMetadata(key, handler) as unknown) ??
    (Reflect.getMetadata(key, controller) as unknown)
  );
}

/** `listShows` → `List shows`: a summary for operations whose method has no JSDoc. */
export function summaryFromOperationId(operationId: string): string {
  const words = operationId.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * The CLI plugin puts a method's whole JSDoc in `summary`; UIs show it as a one-line title. Keep
 * the first sentence there and the full text as the description. No JSDoc: the operationId.
 */
function splitSummary(operation: OperationObject): void {
  const text = operation.summary?.trim();
  if (!text) {
    if (operation.operationId) operation.summary = summaryFromOperationId(operation.operationId);
    return;
  }
  const first = text.split(/(?<=\.)\s+(?=[A-Z0-9`])|\n/)[0].replace(/\.$/, '');
  operation.summary = first;
  if (first !== text.replace(/\.$/, '')) operation.description ??= text;
}

/**
 * `limit: number = 20` (no `?`) makes the CLI plugin mark a query parameter required although
 * the validation pipe fills its default: a parameter with a default is optional to the caller.
 */
function relaxDefaultedQueryParameters(operation: OperationObject): void {
  for (const parameter of operation.parameters ?? []) {
    if ('$ref' in parameter || parameter.in !== 'query') continue;
    const schema = parameter.schema;
    if (schema && !('$ref' in schema) && schema.default !== undefined) parameter.required = false;
  }
}

function addProblem(responses: ResponsesObject, status: number): void {
  responses[status] ??= problemResponse(status);
}

/**
 * Machine-wide facts every operation shares, so feature controllers need not repeat them:
 * security (explicit `[]` on @Public routes, bearer elsewhere — auth is global), the 401/403
 * problems that the guards answer, the 400 the validation pipe answers when there is input,
 * the 413 of the body limit, and a summary when the method has none.
 */
export function applyRouteConventions(
  operation: OperationObject,
  facts: RouteFacts | undefined,
): void {
  const responses = operation.responses;
  if (facts?.isPublic) {
    operation.security = [];
  } else {
    operation.security ??= [{ bearer: [] }];
    addProblem(responses, 401);
  }
  if (facts?.roles.length) addProblem(responses, 403);
  relaxDefaultedQueryParameters(operation);
  const hasInput = Boolean(operation.requestBody) || (operation.parameters?.length ?? 0) > 0;
  if (hasInput) addProblem(responses, 400);
  if (operation.requestBody) addProblem(responses, 413);
  splitSummary(operation);
  operation.responses = sortKeys(responses);
}

function sortKeys<T extends object>(value: T): T {
  const entries = Object.entries(value).sort(([a], [b]) => a.localeCompare(b));
  return Object.fromEntries(entries) as T;
}

/** Applies the conventions and gives paths, methods and schemas a stable order. */
export function applyConventions(
  document: OpenAPIObject,
  facts: Map<string, RouteFacts>,
): OpenAPIObject {
  const paths: OpenAPIObject['paths'] = {};
  for (const path of Object.keys(document.paths).sort()) {
    const item: PathItemObject = document.paths[path];
    const ordered: PathItemObject = {};
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!operation) continue;
      applyRouteConventions(operation, facts.get(operation.operationId ?? ''));
      ordered[method] = operation;
    }
    paths[path] = { ...item, ...ordered };
  }
  document.paths = paths;
  // Domains whose routes have not landed (or were removed) would show as empty sections.
  const used = new Set(
    Object.values(paths).flatMap((item) =>
      HTTP_METHODS.flatMap((method) => item[method]?.tags ?? []),
    ),
  );
  document.tags = document.tags?.filter((tag) => used.has(tag.name));
  if (document.components?.schemas) {
    document.components.schemas = sortKeys(document.components.schemas);
  }
  return document;
}
