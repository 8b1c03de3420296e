// Whether this machine can run the end-to-end tests. Without CI a missing tool skips them with the reason; under CI
// (process.env.CI set) nothing may be skipped: the same check fails instead.
import { existsSync } from 'node:fs';
import { checkChromium, isCodeServerInstalled } from '../../../scripts/vscode/install';
import { VSIX } from '../../../scripts/vscode/paths';

/** undefined when everything is there, else why not. */
export function missingPrerequisite(): string | undefined {
  try {
    checkChromium();
  } catch (e) {
    return (e as Error).message;
  }
  if (!isCodeServerInstalled())
    return 'code-server is not installed in the cache; run `npm run test:e2e` (it installs it) or `npm start` once.';
  if (!existsSync(VSIX)) return `${VSIX} does not exist; run \`npm run package\` (npm run test:e2e does it first).`;
  return undefined;
}

/** The `skip` option for a suite: a reason outside CI, and under CI a failure naming what is missing. */
export function skipUnlessReady(): string | false {
  const missing = missingPrerequisite();
  if (!missing) return false;
  if (process.env.CI) throw new Error(`end-to-end tests cannot run under CI: ${missing}`);
  return missing;
}
