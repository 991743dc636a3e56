import globalSetup from '../support/global-setup';

/**
 * `npm test` runs the e2e and browser projects together and Jest calls each project's global
 * setup: the second would start another run (a new TEST_RUN_ID and template database) and the
 * first run's template would never be dropped. Reuse the run when one is already set up.
 */
export default async function browserGlobalSetup(): Promise<void> {
  if (process.env.TEST_RUN_ID) return;
  await globalSetup();
}
