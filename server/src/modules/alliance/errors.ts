import { defineErrors } from '../../kernel/errors.ts';

/** The public alliance page's refusals (codes `alliance.*`); see DEVELOPERS.md, "Errors". */
export const E = defineErrors('alliance', {
  staff_only: {
    status: 403,
    zh: '只有本社区或街道的书记、管理员可以设置联盟公开页',
    en: 'Only the secretary or administrators of the community or street may set its alliance page',
  },
  not_place: {
    status: 400, field: 'orgId',
    zh: '联盟公开页只为街道和社区设置',
    en: 'Alliance pages are for streets and communities only',
  },
  slug_taken: { status: 409, field: 'slug', zh: '这个页面地址已被使用，请换一个', en: 'This page address is already in use; choose another' },
  slug_format: {
    status: 400, field: 'slug',
    zh: '页面地址须为 3 至 40 个小写字母、数字或连字符，且不以连字符开头或结尾',
    en: 'The page address is 3 to 40 lowercase letters, digits or hyphens, not starting or ending with a hyphen',
  },
  too_many: {
    status: 429,
    zh: '访问过于频繁，请 {seconds} 秒后再试',
    en: 'Too many requests; please try again in {seconds} seconds',
  },
  no_page: { status: 404, zh: '这个联盟公开页不存在或尚未公开', en: 'This alliance page does not exist or is not public' },
});
