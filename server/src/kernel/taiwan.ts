/**
 * Traditional Chinese as Taiwan writes it: OpenCC's Taiwan phrases (cn → twp:
 * 数据 → 資料, 导出 → 匯出, 打印 → 列印, 用户 → 使用者), then the platform's own
 * words that the phrase tables leave or get wrong, reviewed here. The web
 * applies the same list (generated into web/src/kernel/vocabularies.ts by
 * `npm run api-types`), so a page and the server's messages read alike.
 */
export const TAIWAN_USAGE: [string, string][] = [
  ['臺賬', '臺帳'],
  ['賬號', '帳號'],
  ['賬戶', '帳戶'],
  // 志愿 is 志願 (a wish to serve), not 誌願: the character mapping takes 今日志 as a diary (日誌).
  ['誌願', '志願'],
  ['登錄', '登入'],
  // The phrase tables read 社区 as an online community (社群) and 程序 as a computer program (程式):
  // here they are the neighbourhood (社區) and a procedure (程序), as Taiwan writes them too.
  ['社群', '社區'],
  ['程式', '程序'],
];

interface OpenCC {
  Converter: (o: { from: string; to: string }) => (s: string) => string;
  CustomConverter: (pairs: [string, string][]) => (s: string) => string;
}

/** The conversion, given the OpenCC module (loaded where and when each side can afford its dictionaries). */
export function taiwanConverter(OpenCC: OpenCC, usage: readonly (readonly [string, string])[] = TAIWAN_USAGE): (s: string) => string {
  const phrases = OpenCC.Converter({ from: 'cn', to: 'twp' });
  const words = OpenCC.CustomConverter(usage.map(([a, b]) => [a, b]));
  return (s) => words(phrases(s));
}
