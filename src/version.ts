import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The version in package.json, so the tool and the package never disagree. */
export const VERSION: string = (require('../package.json') as { version: string }).version;
