import * as people from '../modules/people/service.ts';
import * as recruitment from '../modules/recruitment/service.ts';
import * as transfers from '../modules/transfers/service.ts';
import type { DemoContext } from './types.ts';

// People-facing records of the demo, through the modules' services:
// - 周志强 (account dangyuan) works at the tax bureau, so its liaison can issue
//   his dual registration (the walk-through in the browser tests);
// - 定福里's six themed grid branches (docs/domain/seed-models.md §5) make its talent pool: each
//   branch's people offer the branch's theme as a skill;
// - 光明社区第二网格 recruits: one person at each stage of the pipeline;
// - a 定福里 member moving out of the region waits for the sending side's
//   approval (a destination inside is checked against the caller's directory,
//   and the demo loader has no caller).

const DFL_SKILLS = ['人民调解', '科普讲解', '环境整治', '志愿服务', '邻里互助', '治安巡逻'];
const AVAILABILITY = [['weekend'], ['evening'], ['weekday', 'weekend']] as const;

/** Days of each stage for the one recruited to that stage (activist a year before candidate, a year of probation). */
const PIPELINE = [
  { stage: 'applicant', applied: '2026-03-02' },
  { stage: 'activist', applied: '2025-09-01', activist: '2025-10-15' },
  { stage: 'candidate', applied: '2024-03-01', activist: '2024-05-10', candidate: '2025-06-01', notice: ['2025-06-20', '2025-06-26'] },
  { stage: 'probationary', applied: '2023-03-01', activist: '2023-04-20', candidate: '2024-05-06', notice: ['2024-06-03', '2024-06-09'], probationary: '2024-07-01' },
] as const;

async function everyone(ctx: DemoContext, orgKey: string, kind: 'member' | 'resident') {
  return (await people.list(ctx.q, { orgId: ctx.org(orgKey), kind, page: 1, pageSize: 200 })).items;
}

export async function membersDemo(ctx: DemoContext): Promise<void> {
  const { q, cipher } = ctx;
  const [zhou] = (await people.list(q, { q: '周志强', kind: 'member', page: 1, pageSize: 1 })).items;
  if (zhou) await people.update(q, cipher, zhou.id, { unitId: ctx.unit('tax'), skills: ['税法宣传'], availability: ['weekend'] });

  for (const [i, skill] of DFL_SKILLS.entries()) {
    for (const [j, p] of (await everyone(ctx, `dfl-g${i + 1}`, 'member')).concat(await everyone(ctx, `dfl-g${i + 1}`, 'resident')).entries()) {
      await people.update(q, cipher, p.id, { skills: [skill], availability: [...AVAILABILITY[j % AVAILABILITY.length]!] });
    }
  }

  const branch = ctx.org('gm-g2');
  const sponsors = (await everyone(ctx, 'gm-g2', 'member')).slice(0, 2).map((p) => p.id);
  for (const id of sponsors) await people.update(q, cipher, id, { memberStatus: 'full' });
  const applicants = await everyone(ctx, 'gm-g2', 'resident');
  for (const [i, plan] of PIPELINE.entries()) {
    const person = applicants[i];
    if (!person) break;
    const r = await recruitment.start(q, { personId: person.id, orgId: branch, appliedOn: plan.applied });
    if ('activist' in plan) await recruitment.advance(q, cipher, r.id, { stage: 'activist', on: plan.activist });
    if ('candidate' in plan) {
      await recruitment.advance(q, cipher, r.id, { stage: 'candidate', on: plan.candidate });
      await recruitment.setSponsors(q, r.id, sponsors);
      await recruitment.setNotice(q, r.id, { startsOn: plan.notice[0], endsOn: plan.notice[1] });
    }
    if ('probationary' in plan) await recruitment.advance(q, cipher, r.id, { stage: 'probationary', on: plan.probationary });
  }

  const [mover] = await everyone(ctx, 'dfl-g1', 'member');
  if (mover) await transfers.request(q, { personId: mover.id, toOutside: '中共唐山市路南区学院南路社区委员会', reason: '随子女迁居唐山' });
}
