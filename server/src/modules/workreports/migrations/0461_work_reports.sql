-- 述职 / 工作报告: an organization reports up the structure to the one it
-- answers to (a field office to its administrative group, a regional
-- organization to the street committee): a periodic report assembled from
-- its records (meeting tasks done, needs done, activities held), kept as
-- found when it is filed, with a statement in its own words. The receiving
-- committee (to_org_id) reads it and comments; the reporter reads the
-- comments.

CREATE TABLE work_reports (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  org_id bigint NOT NULL,
  to_org_id bigint NOT NULL,
  period_kind text NOT NULL CHECK (period_kind IN ('month', 'quarter', 'year')),
  period_from date NOT NULL,
  period_to date NOT NULL,
  statement text NOT NULL CHECK (btrim(statement) <> ''),
  -- The records as found at filing: {tasksDone: [...], needsDone: [...], activitiesHeld: [...]}.
  records jsonb NOT NULL,
  filed_by text NOT NULL,
  filed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  CONSTRAINT work_reports_org_key UNIQUE (region_id, id, org_id),
  CONSTRAINT work_reports_org_fkey FOREIGN KEY (region_id, org_id) REFERENCES organizations (region_id, id),
  CONSTRAINT work_reports_to_org_fkey FOREIGN KEY (region_id, to_org_id) REFERENCES organizations (region_id, id),
  CONSTRAINT work_reports_period CHECK (period_from <= period_to)
);
CREATE INDEX work_reports_id ON work_reports (id);
CREATE INDEX work_reports_org ON work_reports (org_id, period_from);
CREATE INDEX work_reports_to_org ON work_reports (to_org_id, period_from);
-- One report per organization and period.
CREATE UNIQUE INDEX work_reports_period_key ON work_reports (region_id, org_id, period_kind, period_from);
SELECT gj_protect_table('work_reports', 'org_id', other_org_col => 'to_org_id');

-- The receiving committee's comments. A comment names the committee in
-- org_id and follows its report's organization (report_org_id), so the
-- reporter reads what was said about its report.
CREATE TABLE work_report_comments (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  org_id bigint NOT NULL,
  report_id bigint NOT NULL,
  report_org_id bigint NOT NULL,
  body text NOT NULL CHECK (btrim(body) <> ''),
  by_name text NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  CONSTRAINT work_report_comments_report_fkey FOREIGN KEY (region_id, report_id, report_org_id) REFERENCES work_reports (region_id, id, org_id) ON UPDATE CASCADE,
  CONSTRAINT work_report_comments_org_fkey FOREIGN KEY (region_id, org_id) REFERENCES organizations (region_id, id)
);
CREATE INDEX work_report_comments_id ON work_report_comments (id);
CREATE INDEX work_report_comments_report ON work_report_comments (report_id);
SELECT gj_protect_table('work_report_comments', 'org_id', other_org_col => 'report_org_id');
