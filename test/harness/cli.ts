import { parseArgs } from 'node:util';
import { seedExpenses } from './seed';
import { startHarness } from './server';

const USAGE = `Usage: npm run harness -- [--port 4780] [--seed N] [--data-dir DIR]

Serves the built renderer (npm run build first) with window.shoebox bound to real services,
for exploring the UI in any browser. Without --data-dir the ledger is a temp folder removed on exit.`;

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4780' },
    seed: { type: 'string', default: '0' },
    'data-dir': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const port = Number(values.port);
const seed = Number(values.seed);
if (!Number.isInteger(port) || port < 0 || port > 65_535 || !Number.isInteger(seed) || seed < 0) {
  console.error(USAGE);
  process.exit(2);
}

const harness = await startHarness({ port, dataDir: values['data-dir'], injectBridge: true }).catch((err: unknown) => {
  const inUse = (err as NodeJS.ErrnoException).code === 'EADDRINUSE';
  console.error(inUse ? `Port ${port} is in use (another harness?): pass --port.` : err instanceof Error ? err.message : err);
  process.exit(1);
});
// Ctrl+C reaches this process both from the terminal and relayed by tsx: close() runs once and
// every copy of the signal waits for it (the default action would skip removing the temp ledger).
const stop = () => void harness.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

if (seed > 0) {
  const started = performance.now();
  seedExpenses(harness.services, seed);
  console.log(`Seeded ${seed} expenses in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
}
console.log(`Shoebox harness: ${harness.url} (ledger in ${harness.services.dataDir}; Ctrl+C stops it)`);
