import { registerConstraint } from '../../kernel/errors.ts';
import { defineVocabulary, type ValueOf } from '../../kernel/vocabulary.ts';
import { idParam, z } from '../../kernel/validation.ts';
import { CADENCES } from '../commitments/schema.ts';
import { NEED_CATEGORIES } from '../needs/schema.ts';
import { ORG_KINDS, UNIT_KINDS } from '../orgs/schema.ts';
import { PROJECT_STATUSES } from '../projects/schema.ts';
import { VENUE_TYPES } from '../resources/schema.ts';
import { E } from './errors.ts';

registerConstraint('alliance_pages_slug_key', 'slug', E.slug_taken);
registerConstraint('alliance_pages_slug_check', 'slug', E.slug_format);

/** What a page may show; each is off until the organization's staff turn it on (glossary 联盟公开页). */
export const ALLIANCE_SECTIONS = defineVocabulary('AllianceSection', [
  { value: 'activities', zh: '近期活动', en: 'Upcoming activities' },
  { value: 'venues', zh: '开放阵地', en: 'Open venues' },
  { value: 'projects', zh: '共建项目', en: 'Alliance projects' },
  { value: 'wishes', zh: '微心愿', en: 'Micro-wishes' },
  { value: 'units', zh: '共建单位与承诺', en: 'Units and their pledges' },
]);
export type AllianceSection = ValueOf<typeof ALLIANCE_SECTIONS>;

export const ALLIANCE_PAGE_ACTIONS = defineVocabulary('AlliancePageAction', [{ value: 'edit', zh: '设置公开内容', en: 'Set what is public' }]);
export type AlliancePageAction = ValueOf<typeof ALLIANCE_PAGE_ACTIONS>;

const SLUG = /^[a-z0-9][a-z0-9-]{1,38}[a-z0-9]$/;

export const AlliancePageParams = z.object({ orgId: idParam('组织编号') });
export const PublicPageParams = z.object({
  allianceKey: z.string().regex(/^([0-9]{1,18}|[a-z0-9][a-z0-9-]{1,38}[a-z0-9])$/, E.no_page.code).describe('组织编号或页面地址'),
});

export const AlliancePage = z.object({
  orgId: z.number(),
  orgName: z.string(),
  slug: z.string().nullable().describe('页面地址'),
  sections: z.array(ALLIANCE_SECTIONS.schema).describe('公开的内容'),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
  actions: z.array(ALLIANCE_PAGE_ACTIONS.schema),
}).meta({ id: 'AlliancePage' });

export const UpdateAlliancePage = z.object({
  slug: z.string().trim().toLowerCase().regex(SLUG, E.slug_format.code).nullable().optional().describe('页面地址'),
  sections: z.array(ALLIANCE_SECTIONS.field('公开的内容')).max(5).describe('公开的内容'),
});

const when = z.string().describe('时间（ISO 8601）');
export const PublicAlliancePage = z.object({
  orgId: z.number(),
  slug: z.string().nullable(),
  name: z.string().describe('街道或社区党组织'),
  kind: ORG_KINDS.schema,
  sections: z.array(ALLIANCE_SECTIONS.schema),
  activities: z.array(z.object({
    id: z.number(), title: z.string(), kind: z.string(), kindLabel: z.string(), place: z.string(), startsAt: when, endsAt: when, capacity: z.number(), host: z.string(),
  })).nullable().describe('面向居民的近期活动（未公开时为空）'),
  venues: z.array(z.object({
    id: z.number(), name: z.string(), venueType: VENUE_TYPES.schema, location: z.string().nullable(), capacity: z.number().nullable(),
    openDays: z.array(z.number()).describe('开放日（1 为周一）'), opensAt: z.string(), closesAt: z.string(), conditions: z.string().nullable(), owner: z.string(),
  })).nullable().describe('向居民开放的阵地'),
  projects: z.array(z.object({
    id: z.number(), name: z.string(), summary: z.string(), status: PROJECT_STATUSES.schema, startedOn: z.string(), completedOn: z.string().nullable(),
    outcome: z.string().nullable(), host: z.string(), progress: z.number().describe('进度（%）'), units: z.number().describe('参与单位数'),
  })).nullable().describe('共建项目及进展'),
  wishes: z.array(z.object({
    category: NEED_CATEGORIES.schema, waiting: z.number(), claimed: z.number(), fulfilled: z.number(),
  })).nullable().describe('微心愿（只有分类和数量，不含心愿内容和居民信息）'),
  units: z.array(z.object({
    id: z.number(), name: z.string(), kind: UNIT_KINDS.schema,
    pledges: z.array(z.object({ what: z.string(), cadence: CADENCES.schema })).describe('生效中的承诺事项'),
  })).nullable().describe('共建单位及其承诺'),
}).meta({ id: 'PublicAlliancePage' });
export type PublicAlliancePage = z.infer<typeof PublicAlliancePage>;
