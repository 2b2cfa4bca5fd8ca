import { filterDay, idParam, ordered, year, z } from '../../kernel/validation.ts';
import { E } from './errors.ts';

/** The longest period the page counts over. */
export const MAX_YEARS = 10;

export const StatisticsParams = z.object({ orgId: idParam('组织') });

export const StatisticsQuery = ordered(
  z.object({
    from: filterDay('起始日期').optional(),
    to: filterDay('截止日期').optional(),
  }),
  'from',
  'to',
).superRefine((v, ctx) => {
  if (!v.from || !v.to) return;
  const last = `${Number(v.from.slice(0, 4)) + MAX_YEARS}${v.from.slice(4)}`;
  if (v.to >= last) ctx.addIssue({ code: 'custom', path: ['to'], message: E.period_too_long.code, params: { years: MAX_YEARS } });
});

const Label = z.object({ zh: z.string(), en: z.string() }).meta({ id: 'StatisticsLabel' });

const Figure = z
  .object({
    key: z.string().describe('指标'),
    label: Label,
    value: z.number().describe('数值（从记录统计得出）'),
    period: z.boolean().describe('是否按期间统计（否则为当前数）'),
    link: z.string().nullable().describe('同样筛选的列表页'),
  })
  .meta({ id: 'StatisticsFigure' });

export const Statistics = z
  .object({
    orgId: z.number(),
    orgName: z.string(),
    from: z.string(),
    to: z.string(),
    figures: z.array(Figure),
    trend: z.object({
      months: z.array(z.string()).describe('月份（YYYY-MM）'),
      series: z.array(z.object({ key: z.string(), label: Label, values: z.array(z.number()) })),
    }),
    children: z.array(z.object({ orgId: z.number(), name: z.string(), values: z.record(z.string(), z.number()) })).describe('下级组织并列对比'),
  })
  .meta({ id: 'Statistics' });
export type Statistics = z.infer<typeof Statistics>;

export const StatisticsAreas = z
  .object({
    orgId: z.number(),
    from: z.string(),
    to: z.string(),
    indicators: z.array(z.object({ key: z.string(), label: Label })).describe('可用于着色的指标（按期间统计）'),
    areas: z
      .array(z.object({
        orgId: z.number(),
        name: z.string(),
        groupId: z.number().describe('所属上级（街道）'),
        groupName: z.string(),
        values: z.record(z.string(), z.number()),
      }))
      .describe('区域图的各块：街道及以上为其下各社区，社区为其下级组织'),
  })
  .meta({ id: 'StatisticsAreas' });
export type StatisticsAreas = z.infer<typeof StatisticsAreas>;

export const AnnualReportQuery = z.object({ year });

const Bilingual = z.object({ zh: z.string(), en: z.string() });

export const AnnualReport = z
  .object({
    orgId: z.number(),
    orgName: z.string(),
    year: z.number(),
    from: z.string(),
    to: z.string().describe('统计截止日期（当年为今天）'),
    figures: z.array(Figure.extend({ previous: z.number().nullable().describe('上一年度全年（当前数为空）') })),
    commendations: z
      .array(z.object({
        key: z.string(),
        label: Label,
        people: z.array(z.object({ name: z.string(), orgName: z.string().nullable(), because: Bilingual })).describe('按姓名排列，不排名'),
      }))
      .describe('评优候选：由当年记录得出'),
  })
  .meta({ id: 'AnnualReport' });
export type AnnualReport = z.infer<typeof AnnualReport>;
