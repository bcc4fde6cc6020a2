import { fileURLToPath } from 'node:url';
import { ensureUiBuilt } from './ui-build';

/** `pnpm --filter @pandesk/web build:if-needed`: the e2e global setup builds the UI once, only when stale. */
const webRoot = fileURLToPath(new URL('../..', import.meta.url));
ensureUiBuilt(webRoot).then(
  (built) => console.log(built ? 'PanDesk UI built.' : 'PanDesk UI is up to date.'),
  (error: unknown) => {
    console.error(
      `Building the PanDesk UI failed: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(1);
  },
);
