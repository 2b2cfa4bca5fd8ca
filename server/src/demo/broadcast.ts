import * as broadcast from '../modules/broadcast/service.ts';
import { scopeOf } from './needs.ts';
import type { DemoContext } from './types.ts';

/**
 * 光明社区's alliance group on 钉钉 gets a weekly digest of the community's
 * wishes, dispatches, overdue needs and tasks (seed 004: the platform pushes
 * needs and invitations to the alliance regularly). The demo cannot know a
 * real robot's token, so the digest's delivery fails visibly on the page
 * until someone replaces the subscription with their group's.
 */
export async function broadcastDemo({ q, cipher, org, user }: DemoContext): Promise<void> {
  const secretary = await scopeOf(q, user('guangming'));
  await broadcast.create(q, cipher, secretary, {
    orgId: org('guangming'),
    personal: false,
    channel: 'dingtalk',
    name: '光明社区党建联盟群',
    target: 'https://oapi.dingtalk.com/robot/send?access_token=demo-token-replace-me',
    secret: 'SECdemo-replace-me',
    kinds: ['need.claimed', 'need.dispatched', 'need.overdue', 'meeting.task_assigned', 'activity.published'],
    mode: 'weekly',
    quietFrom: 22 * 60,
    quietTo: 7 * 60,
  }, false);
}
