import type { Queryable } from '../../kernel/db.ts';
import { html, labelledRow, page, type Html } from '../../kernel/html.ts';
import * as people from '../people/service.ts';
import { CATEGORIES, type Category } from '../people/schema.ts';
import { CARDS, GRID_ROLES, type CardKind } from './schema.ts';
import { getGrid, listBuildings, listGridUnits, listRoles } from './service.ts';

// 四卡: printable cards generated from the grid's records, never typed again.
// One A4 page per kind; the browser prints it (like the transfer letter).

/** The grid's duty posts and their holders, as posts publishes them (duty_post_holders). */
async function dutyPosts(q: Queryable, gridId: number) {
  const rows = await q.query<{ post_id: number; name: string; person_id: number | null; person_name: string | null }>(
    `SELECT h.post_id, h.name, h.person_id, p.name AS person_name FROM duty_post_holders h LEFT JOIN person_labels p ON p.id = h.person_id
      WHERE h.grid_id = $1 ORDER BY h.post_id, h.person_id`,
    [gridId],
  );
  const posts = new Map<number, { name: string; holders: string[] }>();
  for (const r of rows) {
    const post = posts.get(r.post_id) ?? posts.set(r.post_id, { name: r.name, holders: [] }).get(r.post_id)!;
    if (r.person_name) post.holders.push(r.person_name);
  }
  return { posts: [...posts.values()], held: rows.filter((r) => r.person_id !== null) };
}

const oneCard = (title: string, rows: Html[]) => html`<section class="card"><h2>${title}</h2><table>${rows}</table></section>`;

export async function card(q: Queryable, gridId: number, kind: CardKind): Promise<string> {
  const grid = await getGrid(q, gridId);
  const roles = await listRoles(q, gridId);
  const { posts, held } = await dutyPosts(q, gridId);
  const roster = grid.branchId ? await people.rosterUnder(q, grid.branchId) : [];
  const rolesOf = (personId: number) => roles.filter((r) => r.personId === personId).map((r) => r.roleLabel).join('、');
  const postsOf = (personId: number) => held.filter((p) => p.person_id === personId).map((p) => p.name).join('、');
  const org = grid.branchName ?? grid.name;
  let cards: Html[];
  switch (kind) {
    case 'organization': {
      const buildings = await listBuildings(q, gridId);
      const units = await listGridUnits(q, gridId);
      cards = [
        oneCard(org, [
          labelledRow('网格', `${grid.name}${grid.theme ? `（${grid.theme}）` : ''}`),
          labelledRow('所属社区', grid.communityName),
          labelledRow(GRID_ROLES.labels.branch_secretary, grid.secretaryName),
          labelledRow(GRID_ROLES.labels.responsible_member, grid.responsibleName),
          labelledRow('党员', `${roster.filter((p) => p.isMember).length} 名`),
          labelledRow('楼栋 / 单元 / 住户', `${buildings.length} 栋 / ${buildings.reduce((s, b) => s + b.entrances, 0)} 个单元 / ${grid.householdCount} 户`),
          labelledRow('五员', roles.filter((r) => r.role !== 'responsible_member' && r.role !== 'branch_secretary').map((r) => `${r.roleLabel}：${r.personName}`).join('；')),
          labelledRow('设岗定责', posts.map((p) => `${p.name}${p.holders.length ? `（${p.holders.join('、')}）` : ''}`).join('；')),
          labelledRow('驻区单位', units.map((u) => u.unitName).join('、')),
        ]),
      ];
      break;
    }
    case 'member':
      cards = roster.filter((p) => p.isMember).map((p) =>
        oneCard(p.name, [labelledRow('所在组织', org), labelledRow('党员类别', p.category ? CATEGORIES.labels[p.category as Category] : ''), labelledRow('党内职务', p.partyPost), labelledRow('网格职责', rolesOf(p.id)), labelledRow('认领岗位', postsOf(p.id))]),
      );
      break;
    case 'talent':
      cards = roster.filter((p) => p.skills.length > 0).map((p) => oneCard(p.name, [labelledRow('所在网格', grid.name), labelledRow('特长', p.skills.join('、')), labelledRow('身份', p.isMember ? '党员' : '群众')]));
      break;
    case 'volunteer': {
      const volunteers = [...new Map(roles.filter((r) => r.role !== 'responsible_member').map((r) => [r.personId, r])).values()];
      cards = volunteers.map((r) => oneCard(r.personName ?? '', [labelledRow('服务网格', grid.name), labelledRow('服务岗位', rolesOf(r.personId)), labelledRow('认领岗位', postsOf(r.personId))]));
      break;
    }
  }
  const title = `${grid.name} · ${CARDS.labels[kind]}`;
  return page({
    title,
    print: true,
    style: `body{font-family:"SimSun","Songti SC",serif;max-width:760px;margin:24px auto}h1{text-align:center;font-size:24px}
.card{border:2px solid #c8161d;border-radius:6px;padding:8px 16px;margin:12px 0;break-inside:avoid}.card h2{color:#c8161d;font-size:18px;margin:4px 0}
table{width:100%;border-collapse:collapse}th{width:8em;text-align:left;vertical-align:top;color:#555;font-weight:normal}td,th{padding:3px 0}
.empty{text-align:center;color:#888}`,
    body: html`<h1>${title}</h1>
${cards.length ? cards : html`<p class="empty">暂无可生成卡片的记录</p>`}`,
  });
}
