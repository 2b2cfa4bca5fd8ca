import assert from 'node:assert/strict';
import { checkCharacter } from '../../server/src/kernel/idnumber.ts';
import { testApp, type Response, type TestApp } from './app.ts';

// What the census tests share: the demo signed in as 光明社区's secretary,
// identity numbers that pass their check, and an upload followed to its end.

/** A valid identity number born on a day (1975-03-02 or 19750302); seq odd for men. */
export const idNumber = (birth: string, seq: number): string => {
  const body = `220581${birth.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  return body + checkCharacter(body);
};

export interface Upload {
  /** 普查.xlsx unless named. */
  fileName?: string;
  /** The secretary's unless given. */
  cookie?: string;
  /** 光明社区党委 unless given. */
  orgId?: number;
  /** More of the request: a column mapping, values for the whole file. */
  extra?: Record<string, unknown>;
}

export interface CensusApp {
  t: TestApp;
  /** 光明社区's secretary, signed in. */
  secretary: string;
  guangming: number;
  grid1: number;
  orgId(name: string): Promise<number>;
  upload(file: Buffer, o?: Upload): Promise<Response>;
  /** The import once it has stopped running. */
  finished(importId: number, cookie?: string): Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** Uploads, expects it accepted, and waits for the import to finish. */
  importFile(file: Buffer, o?: Upload): Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export async function censusApp(): Promise<CensusApp> {
  const t = await testApp({ demo: true });
  const secretary = await t.login('guangming');
  const orgId = async (name: string) =>
    (await t.kernel.db.system((q) => q.query<{ id: number }>(`SELECT id FROM organizations WHERE name = $1`, [name])))[0]!.id;
  const guangming = await orgId('光明社区党委');
  const upload = (file: Buffer, o: Upload = {}) =>
    t.request('POST', '/api/census/imports', {
      cookie: o.cookie ?? secretary,
      body: { orgId: o.orgId ?? guangming, fileName: o.fileName ?? '普查.xlsx', file: file.toString('base64'), ...o.extra },
    });
  const finished = async (importId: number, cookie = secretary) => {
    for (;;) {
      const job = await t.request('GET', `/api/census/imports/${importId}`, { cookie });
      if (job.body.status !== 'running') return job.body;
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const importFile = async (file: Buffer, o: Upload = {}) => {
    const res = await upload(file, o);
    assert.equal(res.status, 200, res.text);
    return finished(res.body.id, o.cookie);
  };
  return { t, secretary, guangming, grid1: await orgId('光明社区第一网格党支部'), orgId, upload, finished, importFile };
}
