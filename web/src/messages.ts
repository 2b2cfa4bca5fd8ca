import { en as kernelEn } from './kernel/messages/en';
import { zhCN as kernelZhCN } from './kernel/messages/zh-CN';
import * as grids from './modules/grids/messages';
import * as census from './modules/census/messages';
import * as people from './modules/people/messages';
import * as recruitment from './modules/recruitment/messages';
import * as reportIns from './modules/reportins/messages';
import * as needs from './modules/needs/messages';
import * as projects from './modules/projects/messages';
import * as activities from './modules/activities/messages';
import * as points from './modules/points/messages';
import * as funds from './modules/funds/messages';
import * as posts from './modules/posts/messages';
import * as meetings from './modules/meetings/messages';
import * as pushedtasks from './modules/pushedtasks/messages';
import * as reception from './modules/reception/messages';
import * as campaigns from './modules/campaigns/messages';
import * as workreports from './modules/workreports/messages';
import * as broadcast from './modules/broadcast/messages';
import * as resources from './modules/resources/messages';
import * as transfers from './modules/transfers/messages';
import * as commitments from './modules/commitments/messages';
import * as alliance from './modules/alliance/messages';
import * as evaluation from './modules/evaluation/messages';
import * as homestudy from './modules/homestudy/messages';
import * as statistics from './modules/statistics/messages';

/**
 * All dictionaries, merged. A module keeps its words in its own messages.ts
 * (keys prefixed with the module's name, `export const zhCN = {…} as const`
 * and `export const en: Record<keyof typeof zhCN, string>`) and is listed
 * here once, so modules built side by side never edit the same file.
 */
export const zhCN = {
  ...kernelZhCN,
  ...resources.zhCN,
  ...grids.zhCN,
  ...census.zhCN,
  ...people.zhCN,
  ...reportIns.zhCN,
  ...transfers.zhCN,
  ...recruitment.zhCN,
  ...needs.zhCN,
  ...projects.zhCN,
  ...activities.zhCN,
  ...points.zhCN,
  ...posts.zhCN,
  ...commitments.zhCN,
  ...funds.zhCN,
  ...evaluation.zhCN,
  ...alliance.zhCN,
  ...homestudy.zhCN,
  ...statistics.zhCN,
  ...meetings.zhCN,
  ...pushedtasks.zhCN,
  ...reception.zhCN,
  ...campaigns.zhCN,
  ...workreports.zhCN,
  ...broadcast.zhCN,
} as const;
export const en: Record<MessageKey, string> = {
  ...kernelEn,
  ...resources.en,
  ...grids.en,
  ...census.en,
  ...people.en,
  ...reportIns.en,
  ...transfers.en,
  ...recruitment.en,
  ...needs.en,
  ...projects.en,
  ...activities.en,
  ...points.en,
  ...posts.en,
  ...commitments.en,
  ...funds.en,
  ...evaluation.en,
  ...alliance.en,
  ...homestudy.en,
  ...statistics.en,
  ...meetings.en,
  ...pushedtasks.en,
  ...reception.en,
  ...campaigns.en,
  ...workreports.en,
  ...broadcast.en,
};

export type MessageKey = keyof typeof zhCN;
