import { forceRole } from './config';

// Imported first by src/worker.ts: the role must be fixed before any module reads the config.
forceRole('worker');
