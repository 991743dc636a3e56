// The package's `exports` map only allows `@nestjs-modules/mailer/adapters/*`, which Node and
// Jest resolve but TypeScript's `node` (node10) module resolution cannot: point it at the types.
declare module '@nestjs-modules/mailer/adapters/handlebars.adapter' {
  export { HandlebarsAdapter } from '@nestjs-modules/mailer/dist/adapters/handlebars.adapter';
}
