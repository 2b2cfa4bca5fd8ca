import { Converter } from 'opencc-js/cn2t';
import type { Database } from '../server/src/kernel/db.ts';
import { searchKeys } from '../server/src/kernel/text.ts';
import type { GeneratedRegion } from './generate.ts';

/**
 * Finding a person by name across a whole region (issues 3/4): the Chinese
 * name, the same name typed in Traditional characters, its full pinyin and
 * its pinyin initials, as the district admin types them into the people
 * search (`GET /api/people?q=`), against the same predicate in plain SQL.
 *
 * The generator writes names without search keys; they are set here as
 * people.create and the census set them (kernel/text.ts searchKeys), one
 * statement for every distinct name, audit trigger off as generate.ts does.
 */
export const NAME_PAGE = 50;

const toTraditional: (s: string) => string = Converter({ from: 'cn', to: 'tw' });

export async function fillNameKeys(db: Database): Promise<{ names: number; seconds: number }> {
  const started = performance.now();
  const names = await db.system(async (q) => {
    const distinct = (await q.query<{ name: string }>(`SELECT DISTINCT name FROM people`)).map((r) => r.name);
    const keys = distinct.map((n) => searchKeys(n));
    await q.exec(`ALTER TABLE people DISABLE TRIGGER gj_audit`);
    await q.query(
      `UPDATE people p SET name_initials = k.initials, name_pinyin = k.pinyin
         FROM unnest($1::text[], $2::text[], $3::text[]) AS k(name, initials, pinyin) WHERE p.name = k.name`,
      [distinct, keys.map((k) => k.initials), keys.map((k) => k.pinyin)],
    );
    await q.exec(`ALTER TABLE people ENABLE TRIGGER gj_audit`);
    return distinct.length;
  });
  await db.maintenance('VACUUM (ANALYZE) people');
  return { names, seconds: (performance.now() - started) / 1000 };
}

/**
 * The four ways to type one person's name: a three-character name whose
 * Traditional form differs (so the Traditional query is a real test), as
 * Simplified, Traditional, full pinyin and initials.
 */
export async function nameQueries(db: Database): Promise<{ personId: number; name: string; queries: { label: string; q: string }[] }> {
  const rows = await db.system((q) => q.query<{ id: number; name: string; name_pinyin: string; name_initials: string }>(
    `SELECT id, name, name_pinyin, name_initials FROM people WHERE char_length(name) = 3 ORDER BY id LIMIT 2000`,
  ));
  const target = rows.find((r) => toTraditional(r.name) !== r.name);
  if (!target) throw new Error('names: no generated name has a Traditional form');
  return {
    personId: target.id,
    name: target.name,
    queries: [
      { label: 'Chinese', q: target.name },
      { label: 'Traditional', q: toTraditional(target.name) },
      { label: 'pinyin', q: target.name_pinyin },
      { label: 'initials', q: target.name_initials },
    ],
  };
}

/** The people service's predicate (people/service.ts filtered) over everyone in the region, on the system connection. */
export const RAW_NAME_COUNT = `SELECT count(*)::int AS n FROM people p
  WHERE p.left_region_on IS NULL AND (p.name LIKE '%' || $1 || '%' OR p.name_initials LIKE $1 || '%' OR p.name_pinyin LIKE $1 || '%')`;
export const RAW_NAME_PAGE = `SELECT p.id FROM people p
  WHERE p.left_region_on IS NULL AND (p.name LIKE '%' || $1 || '%' OR p.name_initials LIKE $1 || '%' OR p.name_pinyin LIKE $1 || '%')
  ORDER BY p.id LIMIT ${NAME_PAGE}`;

export const nameUrl = (q: string) => `/api/people?q=${encodeURIComponent(q)}&page=1&pageSize=${NAME_PAGE}`;

export type NameRegion = Pick<GeneratedRegion, 'rootId' | 'rootPath' | 'people'>;
