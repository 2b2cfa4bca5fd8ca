import type { IsolationPart } from './types.ts';

export const broadcastPart: IsolationPart = {
  plant: async (q, b) => {
    await q.query(`SELECT gj_record_event('need.claimed', $1, NULL, NULL, 'need', 1, $2)`, [b.communityId, `${b.tag}心愿事件`]);
    const [s] = await q.query<{ id: number }>(
      `INSERT INTO broadcast_subscriptions (org_id, channel, name, target_enc, target_hint, kinds) VALUES ($1, 'dingtalk', $2, 'sealed', 'oapi.dingtalk.com/…', '{need.claimed}') RETURNING id`,
      [b.communityId, `${b.tag}钉钉群`],
    );
    const [own] = await q.query<{ id: number }>(
      `INSERT INTO broadcast_subscriptions (org_id, user_id, channel, name, target_enc, target_hint, kinds) VALUES ($1, $2, 'email', $3, 'sealed', 'abc＊＊＊@example.cn', '{need.claimed}') RETURNING id`,
      [b.communityId, b.userId, `${b.tag}个人邮件`],
    );
    await q.query(`INSERT INTO broadcast_deliveries (org_id, region_id, subscription_id, event_id, status, last_error) SELECT $1, region_id, $2, (SELECT max(id) FROM events), 'failed', $3 FROM broadcast_subscriptions WHERE id = $2`, [b.communityId, s!.id, `${b.tag}失败`]);
    const [job] = await q.query<{ id: number }>(`INSERT INTO jobs (name, payload, status, last_error, region_id) SELECT 'broadcast.deliver', '{"deliveryId": 0}', 'dead', $1, region_id FROM organizations WHERE id = $2 RETURNING id`,
      [`${b.tag}任务`, b.communityId],);
    const [event] = await q.query<{ id: number }>(`SELECT max(id) AS id FROM events WHERE org_id = $1`, [b.communityId]);
    return { subscriptionId: s!.id, ownSubscriptionId: own!.id, jobId: job!.id, eventId: event!.id };
  },
  writes: {
    'POST /api/broadcast/subscriptions': (t) => [
      { body: { orgId: t.orgId, channel: 'dingtalk', name: '越权', target: 'https://oapi.dingtalk.com/robot/send?access_token=x', kinds: ['need.claimed'] } },
      { body: { orgId: t.orgId, personal: true, channel: 'email', name: '越权', target: 'a@example.cn', kinds: ['need.claimed'] } },
    ],
    'PATCH /api/broadcast/subscriptions/:subscriptionId': () => [{ body: { active: false } }],
    'DELETE /api/broadcast/subscriptions/:subscriptionId': () => [{}],
    'POST /api/broadcast/subscriptions/:subscriptionId/unsubscribe': () => [{}],
    'POST /api/jobs/:jobId/retry': () => [{}],
    'POST /api/messages/read': (t) => [{ body: { eventIds: [t.ids.eventId] } }],
  },
  digest: [
    ...['broadcast_subscriptions', 'broadcast_deliveries', 'events'].map((table) => `SELECT t::text FROM ${table} t WHERE org_id IN (SELECT id FROM o)`),
    `SELECT t::text FROM jobs t WHERE status = 'dead' AND name = 'broadcast.deliver' AND payload = '{"deliveryId": 0}'`,
  ],
};
