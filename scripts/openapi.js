// `npm run openapi` / `npm run openapi:check`: make sure dist/ is built from the current code,
// then run the generator in a hermetic environment: NODE_ENV=test (a developer's .env is not
// read, so it cannot leak into the committed file) and PostgreSQL/Redis/SMTP URLs pointing at a
// closed port, which proves that generation touches none of them.
const { execSync, spawnSync } = require('node:child_process');

const generator = 'dist/scripts/generate-openapi.js';

function run(command) {
  try {
    execSync(command, { stdio: 'inherit' });
  } catch {
    console.error(
      `\n\`${command}\` failed: fix the build first, the document is generated from dist/.`,
    );
    process.exit(1);
  }
}

run('node scripts/build-if-needed.js');

const closed = '127.0.0.1:9';
const env = {
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  NODE_ENV: 'test',
  DATABASE_URL: `postgres://openapi@${closed}/openapi_generation_only`,
  REDIS_URL: `redis://${closed}`,
  SMTP_URL: `smtp://${closed}`,
  LOG_LEVEL: 'error',
};
const result = spawnSync(process.execPath, [generator, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env,
});
process.exit(result.status ?? 1);
