-- 社区工作事项准入 (权随事走、费随事转): a department (a unit of kind
-- department) registers each task it hands down to communities, with the
-- authority that goes with it (the legal basis, the power handed over) and
-- the money (an amount, a fund source, or both). A task with neither is
-- still registered, so the community can show what it carries without
-- them. The task names the department's organization in org_id and the
-- department in unit_id (its liaison registers and withdraws); each
-- community it is pushed onto has a row of its own naming that community,
-- so the community reads the tasks on it by its own scope.

CREATE TABLE pushed_tasks (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  org_id bigint NOT NULL,
  unit_id bigint NOT NULL,
  -- As the department was named when it pushed the task: a community reads it without reading the department's unit.
  department_name text NOT NULL,
  title text NOT NULL CHECK (btrim(title) <> ''),
  nature text NOT NULL CHECK (nature IN ('administrative', 'public_service', 'self_governance')),
  authority text CHECK (authority IS NULL OR btrim(authority) <> ''),
  funds_fen bigint CONSTRAINT pushed_tasks_funds CHECK (funds_fen IS NULL OR funds_fen >= 0),
  fund_source_id bigint,
  starts_on date NOT NULL,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'withdrawn')),
  registered_by text NOT NULL,
  withdrawn_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  CONSTRAINT pushed_tasks_org_key UNIQUE (region_id, id, org_id),
  CONSTRAINT pushed_tasks_org_fkey FOREIGN KEY (region_id, org_id) REFERENCES organizations (region_id, id),
  CONSTRAINT pushed_tasks_unit_fkey FOREIGN KEY (region_id, unit_id) REFERENCES units (region_id, id),
  CONSTRAINT pushed_tasks_source_fkey FOREIGN KEY (region_id, fund_source_id) REFERENCES fund_sources (region_id, id),
  CONSTRAINT pushed_tasks_withdrawn CHECK ((status = 'withdrawn') = (withdrawn_at IS NOT NULL))
);
CREATE INDEX pushed_tasks_id ON pushed_tasks (id);
CREATE INDEX pushed_tasks_org ON pushed_tasks (org_id);
CREATE INDEX pushed_tasks_unit ON pushed_tasks (unit_id);
SELECT gj_protect_table('pushed_tasks', 'org_id', unit_col => 'unit_id', unit_writes => true);

-- The communities a task is pushed onto. The row follows its task's
-- organization (task_org_id, ON UPDATE CASCADE), so the department's
-- administrators and liaison read and write it; the community reads it by
-- org_id.
CREATE TABLE pushed_task_communities (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  org_id bigint NOT NULL,
  task_id bigint NOT NULL,
  task_org_id bigint NOT NULL,
  unit_id bigint NOT NULL,
  PRIMARY KEY (region_id, id),
  CONSTRAINT pushed_task_communities_task_fkey FOREIGN KEY (region_id, task_id, task_org_id) REFERENCES pushed_tasks (region_id, id, org_id) ON UPDATE CASCADE,
  CONSTRAINT pushed_task_communities_org_fkey FOREIGN KEY (region_id, org_id) REFERENCES organizations (region_id, id)
);
CREATE INDEX pushed_task_communities_id ON pushed_task_communities (id);
CREATE INDEX pushed_task_communities_org ON pushed_task_communities (org_id);
CREATE INDEX pushed_task_communities_task ON pushed_task_communities (task_id);
CREATE UNIQUE INDEX pushed_task_communities_key ON pushed_task_communities (region_id, task_id, org_id);
SELECT gj_protect_table('pushed_task_communities', 'org_id', unit_col => 'unit_id', unit_writes => true, other_org_col => 'task_org_id');

-- A community reads the tasks pushed onto it, wherever the department sits.
CREATE POLICY gj_pushed_onto_read ON pushed_tasks FOR SELECT TO gongjian_app
  USING (id IN (SELECT c.task_id FROM pushed_task_communities c));
