/**
 * Module boundaries (STYLE.md 12), checked by `npm run lint:deps` in `npm run lint`:
 * a controller never imports a repository, and a domain reaches another domain only through its
 * exported services, never its repositories.
 */
module.exports = {
  forbidden: [
    {
      name: 'controller-imports-repository',
      comment: 'Controllers delegate to services; only services use repositories.',
      severity: 'error',
      from: { path: '\\.controller\\.ts$' },
      to: { path: '\\.repository\\.ts$' },
    },
    {
      name: 'cross-domain-repository',
      comment: "Use the other domain's exported service, not its repository.",
      severity: 'error',
      from: { path: '^src/([^/]+)/' },
      to: { path: '^src/([^/]+)/.+\\.repository\\.ts$', pathNot: '^src/$1/' },
    },
    {
      name: 'common-imports-domain',
      comment: 'src/common holds cross-cutting pieces only; it must not depend on a domain.',
      severity: 'error',
      from: { path: '^src/common/' },
      to: {
        path: '^src/(auth|users|venues|shows|bookings|exports|mail|reports|admin|compat)/',
        pathNot: '^src/users/entities/user\\.entity\\.ts$',
      },
    },
    {
      name: 'no-circular',
      comment: 'Circular imports make module order fragile.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
  },
};
