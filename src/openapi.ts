import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ProblemDocumentDto } from './common/errors/problem.dto';
import { applyConventions, collectRouteFacts } from './openapi-conventions';
import { applyExamples } from './openapi-examples';

/** One tag per domain; operations name theirs with `@ApiTags('<name>')`. */
export const API_TAGS: ReadonlyArray<[name: string, description: string]> = [
  ['auth', 'Sign up, log in, rotate and revoke tokens, and read the caller.'],
  ['users', 'People and what they booked; a user sees only their own data.'],
  ['venues', 'Places that host shows. Anyone reads; admins write.'],
  ['shows', 'What is on, when and where, with live seat counts. Anyone reads; admins write.'],
  ['bookings', 'Seats booked for shows; never oversold, cancellable, idempotent on retry.'],
  ['exports', "CSV exports of a venue's shows and bookings, built by a queue job."],
  ['reports', "The caller's monthly entertainment report as PDF."],
  ['admin', 'Operator actions such as running a scheduled job now.'],
  ['mail', 'Email links that work without a token, such as one-click unsubscribe.'],
  ['health', 'Liveness and readiness probes for load balancers and orchestrators.'],
  ['legacy', "The original app's paths, kept for old clients. Deprecated: use the routes above."],
];

function documentConfig(): Omit<OpenAPIObject, 'paths'> {
  const builder = new DocumentBuilder()
    .setTitle('Ticket Show API')
    .setDescription(
      'Sell seats to shows at venues. Errors are RFC 9457 problem documents ' +
        '(`application/problem+json`) with a stable `code`. Lists are `{items, total, limit, offset}`. ' +
        'Protected operations need `Authorization: Bearer <accessToken>` from `POST /auth/login`.',
    )
    .setVersion('1.0.0')
    // Relative: Swagger UI calls the server that served it; generated clients pass a baseUrl.
    .addServer('/', 'The server that serves this document')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'bearer');
  for (const [name, description] of API_TAGS) builder.addTag(name, description);
  const config = builder.build();
  // Proprietary (package.json: UNLICENSED); there is no public license URL to point at.
  config.info.license = { name: 'Proprietary' };
  return config;
}

/**
 * Builds the OpenAPI 3 document from the code (controllers, DTOs via the CLI plugin), then
 * applies the conventions every route shares (src/openapi-conventions.ts). Works on an app
 * created in preview mode, so `npm run openapi` never connects to PostgreSQL or Redis.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(app, documentConfig(), {
    // Method names are the operation ids (`listShows`, `createBooking`): they read well in a client.
    operationIdFactory: (_controllerKey, methodKey) => methodKey,
    extraModels: [ProblemDocumentDto],
    // Tags are the domains above; without this, a controller whose operations carry their tags at
    // method level also gets its class name as a second tag (e.g. `LegacyBookings`).
    autoTagControllers: false,
  });
  applyExamples(document);
  return applyConventions(document, collectRouteFacts(app));
}

export function setupSwagger(app: INestApplication): void {
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('docs', app, document, {
    jsonDocumentUrl: 'docs-json',
    yamlDocumentUrl: 'docs-yaml',
    customSiteTitle: 'Ticket Show API',
    // No validator badge: it would fetch an image from validator.swagger.io (no internet here).
    swaggerOptions: { persistAuthorization: true, validatorUrl: null },
  });
}
