// npm run admin:create [-- --username U --name 姓名 --region 区域名称]
// Creates the first district admin of a database that has none; asks for
// what the options do not give; the password at a prompt that does not echo
// it, or from GONGJIAN_ADMIN_PASSWORD (never on the command line).
import { createInterface } from 'node:readline/promises';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { createFirstAdmin } from '../server/src/admin.ts';
import { loadConfig } from '../server/src/config.ts';
import { AppError } from '../server/src/kernel/errors.ts';
import { openDatabase } from '../server/src/kernel/db.ts';
import { migrate } from '../server/src/kernel/migrate.ts';

const { values } = parseArgs({ options: { username: { type: 'string' }, name: { type: 'string' }, region: { type: 'string' } } });

// A password typed at the prompt is not echoed.
let muted = false;
const output = new Writable({
  write(chunk, encoding, done) {
    if (!muted) process.stdout.write(chunk, encoding);
    done();
  },
});
const rl = createInterface({ input: process.stdin, output, terminal: process.stdin.isTTY });
const ask = async (question: string, hidden = false) => {
  process.stdout.write(question);
  muted = hidden;
  const answer = await rl.question('');
  muted = false;
  if (hidden && process.stdin.isTTY) process.stdout.write('\n');
  return answer.trim();
};

const cfg = loadConfig(process.env, { demo: false });
const db = await openDatabase({ url: cfg.databaseUrl, dataDir: cfg.dataDir ?? undefined });
try {
  await migrate(db);
  const [root] = await db.system((q) => q.query<{ name: string }>('SELECT name FROM organizations WHERE parent_id IS NULL LIMIT 1'));
  const username = values.username ?? (await ask('用户名 username: '));
  const displayName = values.name ?? (await ask('姓名 name: '));
  const regionName = root ? undefined : (values.region ?? (await ask('区域（根组织）名称 region (root organization) name: ')));
  const password = process.env.GONGJIAN_ADMIN_PASSWORD ?? (await ask('密码（至少 10 位）password (10+ characters): ', true));
  const made = await createFirstAdmin(db, { username, displayName, password, regionName });
  console.log(`已创建区委组织部管理员 ${username}（${made.orgName}）。Created district admin ${username} of ${made.orgName}.`);
} catch (err) {
  console.error(err instanceof AppError ? err.message : err);
  process.exitCode = 1;
} finally {
  rl.close();
  await db.close();
}
