#!/usr/bin/env node
// better-sqlite3 13 is built for Node 22 and crashes on older versions instead of failing cleanly.
const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  process.stderr.write(
    `shoebox needs Node.js 22 or newer; this is ${process.version}.\n` +
      'From a checkout, "npm run shoebox -- <command>" uses the Node 22 the project installs.\n'
  );
  process.exit(1);
}

const { register } = await import('tsx/esm/api');
register();
await import('./index.ts');
