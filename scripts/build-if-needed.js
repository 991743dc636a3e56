// `npm start` on a fresh clone: build once when dist/ is missing or older than the sources.
const { execSync } = require('node:child_process');
const { existsSync, statSync, readdirSync } = require('node:fs');
const { join } = require('node:path');

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

const built = 'dist/src/main.js';
// Everything tsconfig.build.json compiles, plus the email templates.
const sources = Math.max(
  newest('src'),
  newest('migrations'),
  newest('scripts'),
  newest('templates'),
);
if (!existsSync(built) || statSync(built).mtimeMs < sources) {
  console.log('Building (dist/ is missing or stale)…');
  execSync('npx nest build', { stdio: 'inherit' });
}
