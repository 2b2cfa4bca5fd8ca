import type { Queryable } from '../../kernel/db.ts';
import * as people from '../people/service.ts';
import { CATEGORIES, type Category } from '../people/schema.ts';
import { CARDS, GRID_ROLES, type CardKind } from './schema.ts';
import { getGrid, listBuildings, listDutyPosts, listGridUnits, listRoles } from './service.ts';

// 四卡: printable cards generated from the grid's records, never typed again.
// One A4 page per kind; the browser prints it (like the transfer letter).

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** A template whose interpolations are escaped; arrays are joined (already-built fragments pass through as Raw). */
class Raw {
  constructor(readonly html: string) {}
}
function html(parts: TemplateStringsArray, ...values: unknown[]): Raw {
  const piece = (v: unknown): string =>
    v instanceof Raw ? v.html : Array.isArray(v) ? v.map(piece).join('') : String(v ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c]!);
  return new Raw(parts.reduce((out, p, i) => out + p + (i < values.length ? piece(values[i]) : ''), ''));
}

const row = (label: string, value: unknown) => html`<tr><th>${label}</th><td>${value || '—'}</td></tr>`;
const oneCard = (title: string, rows: Raw[]) => html`<section class="card"><h2>${title}</h2><table>${rows}</table></section>`;

export async function card(q: Queryable, gridId: number, kind: CardKind): Promise<string> {
  const grid = await getGrid(q, gridId);
  const roles = await listRoles(q, gridId);
  const posts = await listDutyPosts(q, gridId);
  const roster = grid.branchId ? await people.rosterUnder(q, grid.branchId) : [];
  const rolesOf = (personId: number) => roles.filter((r) => r.personId === personId).map((r) => r.roleLabel).join('、');
  const postsOf = (personId: number) => posts.filter((p) => p.personId === personId).map((p) => p.name).join('、');
  const org = grid.branchName ?? grid.name;
  let cards: Raw[];
  switch (kind) {
    case 'organization': {
      const buildings = await listBuildings(q, gridId);
      const units = await listGridUnits(q, gridId);
      cards = [
        oneCard(org, [
          row('网格', `${grid.name}${grid.theme ? `（${grid.theme}）` : ''}`),
          row('所属社区', grid.communityName),
          row(GRID_ROLES.branch_secretary, grid.secretaryName),
          row(GRID_ROLES.responsible_member, grid.responsibleName),
          row('党员', `${roster.filter((p) => p.isMember).length} 名`),
          row('楼栋 / 单元 / 住户', `${buildings.length} 栋 / ${buildings.reduce((s, b) => s + b.entrances, 0)} 个单元 / ${grid.householdCount} 户`),
          row('五员', roles.filter((r) => r.role !== 'responsible_member' && r.role !== 'branch_secretary').map((r) => `${r.roleLabel}：${r.personName}`).join('；')),
          row('设岗定责', posts.map((p) => `${p.name}${p.personName ? `（${p.personName}）` : ''}`).join('；')),
          row('驻区单位', units.map((u) => u.unitName).join('、')),
        ]),
      ];
      break;
    }
    case 'member':
      cards = roster.filter((p) => p.isMember).map((p) =>
        oneCard(p.name, [row('所在组织', org), row('党员类别', p.category ? CATEGORIES[p.category as Category] : ''), row('党内职务', p.partyPost), row('网格职责', rolesOf(p.id)), row('认领岗位', postsOf(p.id))]),
      );
      break;
    case 'talent':
      cards = roster.filter((p) => p.skills.length > 0).map((p) => oneCard(p.name, [row('所在网格', grid.name), row('特长', p.skills.join('、')), row('身份', p.isMember ? '党员' : '群众')]));
      break;
    case 'volunteer': {
      const volunteers = [...new Map(roles.filter((r) => r.role !== 'responsible_member').map((r) => [r.personId, r])).values()];
      cards = volunteers.map((r) => oneCard(r.personName ?? '', [row('服务网格', grid.name), row('服务岗位', rolesOf(r.personId)), row('认领岗位', postsOf(r.personId))]));
      break;
    }
  }
  const title = `${grid.name} · ${CARDS[kind]}`;
  return html`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title>
<style>body{font-family:"SimSun","Songti SC",serif;max-width:760px;margin:24px auto}h1{text-align:center;font-size:24px}
.card{border:2px solid #c8161d;border-radius:6px;padding:8px 16px;margin:12px 0;break-inside:avoid}.card h2{color:#c8161d;font-size:18px;margin:4px 0}
table{width:100%;border-collapse:collapse}th{width:8em;text-align:left;vertical-align:top;color:#555;font-weight:normal}td,th{padding:3px 0}
.empty{text-align:center;color:#888}@media print{button{display:none}}</style></head><body>
<button onclick="window.print()">打印</button>
<h1>${title}</h1>
${cards.length ? cards : html`<p class="empty">暂无可生成卡片的记录</p>`}
</body></html>`.html;
}
