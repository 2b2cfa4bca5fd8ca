// Builds the test database templates (test/support/db.ts) once, before the
// test files start: otherwise every file that starts first finds none and
// builds its own, the same minutes of work done three times over.
// Usage: tsx test/support/prepare.ts demo|empty
import { testDatabase } from './db.ts';

const which = process.argv[2];
if (which !== 'demo' && which !== 'empty') throw new Error('usage: prepare.ts demo|empty');
const made = await testDatabase({ demo: which === 'demo' });
await made.close();
