// The layers of conform, kept by `npm run layers` (and so by CI). From the bottom:
//   sources/ (parsers), standards/, repair/ (value repairs), report/ (issue sink, report building)
//   check/  the engine: records or cells in, issues out; no files, no threads
//   run/    one file: reading, re-reading, row files, fix's passes;  io/ files and temporaries
//   parallel/ (threads), batch/ (many files), config/, commands/, serve/, formatters/, run.ts, cli.ts
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'engine-touches-no-files-or-threads',
      comment: 'check/ is the pure engine: reading and writing files, temporaries and threads belong to run/, io/ and parallel/.',
      severity: 'error',
      from: { path: '^src/check/' },
      to: { path: ['^(node:)?(fs|fs/promises|worker_threads|child_process|os|net|http|https|stream|readline)$'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'engine-below-its-adapters',
      comment: 'check/ is called by run/, parallel/, batch/ and the commands; it never calls them, directly or through another module.',
      severity: 'error',
      from: { path: '^src/check/' },
      to: { path: '^src/(io|run|parallel|batch|commands|serve|config|formatters)/|^src/(run|cli|validate|index)\\.ts$', reachable: true },
    },
    {
      name: 'lower-layers-below-the-engine',
      comment: 'Parsers, standards, value repairs, reports and the catalog are used by the engine and must not depend on it or on what is above it.',
      severity: 'error',
      from: { path: '^src/(sources|standards|repair|report|issues)/' },
      to: { path: '^src/(check|run|parallel|batch|commands|serve|config)/|^src/(run|cli|validate|index)\\.ts$' },
    },
    {
      name: 'no-circular',
      comment: 'A module never depends on itself through others (types and modules loaded on first use aside: they make no load-order knot).',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only', 'dynamic-import'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: require('node:path').join(__dirname, 'tsconfig.json') },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.js'] },
  },
};
