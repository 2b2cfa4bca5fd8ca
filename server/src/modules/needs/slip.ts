import type { Queryable } from '../../kernel/db.ts';
import { E } from './errors.ts';
import { html, labelledRow, page } from '../../kernel/html.ts';
import { ORG_KIND_GROUPS } from '../orgs/schema.ts';
import type { NeedDetail } from './schema.ts';
import * as needs from './service.ts';

// The dispatch slip (派单): the paper a community hands a department when it
// blows the whistle (吹哨), signed by both sides and filed with the matter.
// Whoever sees the need may print it — the community that dispatched it and
// the department it went to — and each sees the person in need as the
// screen shows them (the department: an anonymized name, no phone).


/** The slip's number: the year it was dispatched and the dispatch, so a slip in hand is checked against the matter's record. */
export const slipNumber = (d: Pick<NeedDetail['dispatches'][number], 'id' | 'dispatchedAt'>) => `PD${d.dispatchedAt.slice(0, 4)}${String(d.id).padStart(6, '0')}`;

/**
 * The dispatching community by name: the need's organization or, for a grid
 * branch, the community above it. From the names directory, because the
 * department printing its slip does not see the community's records.
 */
async function dispatchingCommunity(q: Queryable, orgId: number): Promise<{ place: string; community: string }> {
  const [o] = await q.query<{ name: string; kind: string; parent_name: string | null }>(`SELECT name, kind, parent_name FROM gj_org_directory() WHERE id = $1`, [orgId]);
  if (!o) return { place: '', community: '' };
  return { place: o.name, community: ORG_KIND_GROUPS.needCommunity.includes(o.kind) ? o.name : (o.parent_name ?? o.name) };
}

export async function dispatchSlip(q: Queryable, needId: number): Promise<{ number: string; html: string }> {
  const need = await needs.detail(q, needId);
  const d = need.dispatches.find((x) => x.status === 'active');
  if (!d) throw E.slip_not_dispatched();
  const number = slipNumber(d);
  const { place, community } = await dispatchingCommunity(q, need.orgId);
  const note = need.events.filter((e) => e.toStatus === 'dispatched').at(-1)?.note;
  const slip = page({
    title: `派单 ${number}`,
    print: true,
    style: `body{font-family:"Noto Serif CJK SC","SimSun","Songti SC",serif;max-width:760px;margin:32px auto;font-size:15px;color:#000}
h1{text-align:center;letter-spacing:.2em;font-size:24px;margin-bottom:4px}.sub{text-align:center;margin-top:0}.no{display:flex;justify-content:space-between}
table{width:100%;border-collapse:collapse}th,td{border:1px solid #000;padding:8px 10px;text-align:left;vertical-align:top}th{width:7em;white-space:nowrap}
.sign{display:grid;grid-template-columns:1fr 1fr;gap:24px;margin-top:28px}.sign div{border-top:1px solid #000;padding-top:6px;min-height:96px}
.back{margin-top:20px}.back div{border-bottom:1px solid #000;height:32px}
@page{size:A4;margin:1.5cm}@media print{body{margin:0}}`,
    body: html`<h1>吹哨报到派单</h1>
<p class="sub">${community}</p>
<p class="no"><span>派单编号：<strong>${number}</strong></span><span>派单时间：${d.dispatchedAt}</span></p>
<table>
${labelledRow('事项', need.title)}
${labelledRow('类型', `${need.kindLabel}·${need.categoryLabel}（${need.urgencyLabel}）`)}
${labelledRow('地点', [place, need.placeText].filter(Boolean).join('，'))}
${labelledRow('需求人', need.requesterName + (need.phoneMasked ? `（${need.phoneMasked}）` : ''))}
${labelledRow('情况说明', need.description)}
${labelledRow('派单社区', community)}
${labelledRow('派单人', d.dispatchedBy)}
${labelledRow('承办单位', d.unitName)}
${labelledRow('办理时限', `${d.deadline} 前`)}
${labelledRow('派单说明', note)}
</table>
<p>请承办单位收到派单后及时报到响应，在办理时限内办结，并将办理结果反馈派单社区。逾期未办结的，由平台自动上报街道。凭派单编号可在共建平台核对本事项的办理经过。</p>
<div class="sign">
<div>派单社区（盖章）<br><br>经办人签字：<br>日期：&emsp;&emsp;年&emsp;月&emsp;日</div>
<div>承办单位签收（盖章）<br><br>签收人签字：<br>日期：&emsp;&emsp;年&emsp;月&emsp;日</div>
</div>
<div class="back"><p>办理结果反馈：</p><div></div><div></div><div></div></div>
<div class="sign">
<div>承办单位负责人签字：<br>日期：&emsp;&emsp;年&emsp;月&emsp;日</div>
<div>社区验收意见及签字：<br>日期：&emsp;&emsp;年&emsp;月&emsp;日</div>
</div>`,
  });
  return { number, html: slip };
}
