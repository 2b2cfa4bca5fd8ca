-- Projects list (项目清单): alliance projects (党建联盟项目) joining several
-- units and members to meet a set of needs, with what each party pledges,
-- progress updates, and completion with its outcome.
CREATE TABLE projects (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  -- The organization that leads it (a community, a street, a joint committee).
  org_id bigint NOT NULL,
  name text NOT NULL CHECK (btrim(name) <> ''),
  summary text NOT NULL DEFAULT '',
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'completed', 'cancelled')),
  started_on date NOT NULL DEFAULT current_date,
  completed_on date,
  outcome text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  CONSTRAINT projects_org_fkey FOREIGN KEY (region_id, org_id) REFERENCES organizations (region_id, id),
  CONSTRAINT projects_org_name_key UNIQUE (region_id, org_id, name),
  CONSTRAINT projects_outcome CHECK (status <> 'completed' OR (completed_on IS NOT NULL AND btrim(coalesce(outcome, '')) <> ''))
);
CREATE INDEX projects_id ON projects (id);
CREATE INDEX projects_org ON projects (org_id, status);
SELECT gj_protect_table('projects', 'org_id');

-- The parties: units and members, each with what they pledge (funds, a
-- venue, a service, goods). The pledged resource is described in words until
-- the resources list can be linked.
CREATE TABLE project_parties (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  org_id bigint NOT NULL,
  project_id bigint NOT NULL,
  unit_id bigint,
  person_id bigint,
  party_name text NOT NULL,
  pledge text NOT NULL CHECK (btrim(pledge) <> ''),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  CONSTRAINT project_parties_project_fkey FOREIGN KEY (region_id, project_id) REFERENCES projects (region_id, id),
  CONSTRAINT project_parties_unit_fkey FOREIGN KEY (region_id, unit_id) REFERENCES units (region_id, id),
  CONSTRAINT project_parties_person_fkey FOREIGN KEY (region_id, person_id) REFERENCES people (region_id, id),
  CONSTRAINT project_parties_one CHECK ((unit_id IS NULL) <> (person_id IS NULL))
);
CREATE INDEX project_parties_id ON project_parties (id);
CREATE INDEX project_parties_project ON project_parties (project_id);
CREATE UNIQUE INDEX project_parties_unit_key ON project_parties (region_id, project_id, unit_id) WHERE unit_id IS NOT NULL;
CREATE UNIQUE INDEX project_parties_person_key ON project_parties (region_id, project_id, person_id) WHERE person_id IS NOT NULL;
-- A unit's liaison sees what the unit pledged.
SELECT gj_protect_table('project_parties', 'org_id', unit_col => 'unit_id');

CREATE TABLE project_needs (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  org_id bigint NOT NULL,
  project_id bigint NOT NULL,
  need_id bigint NOT NULL,
  PRIMARY KEY (region_id, id),
  CONSTRAINT project_needs_project_fkey FOREIGN KEY (region_id, project_id) REFERENCES projects (region_id, id),
  CONSTRAINT project_needs_need_fkey FOREIGN KEY (region_id, need_id) REFERENCES needs (region_id, id),
  CONSTRAINT project_needs_key UNIQUE (region_id, project_id, need_id)
);
CREATE INDEX project_needs_id ON project_needs (id);
CREATE INDEX project_needs_need ON project_needs (need_id);
SELECT gj_protect_table('project_needs', 'org_id');

CREATE TABLE project_updates (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  org_id bigint NOT NULL,
  project_id bigint NOT NULL,
  body text NOT NULL CHECK (btrim(body) <> ''),
  progress smallint NOT NULL CHECK (progress BETWEEN 0 AND 100),
  author text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  CONSTRAINT project_updates_project_fkey FOREIGN KEY (region_id, project_id) REFERENCES projects (region_id, id)
);
CREATE INDEX project_updates_id ON project_updates (id);
CREATE INDEX project_updates_project ON project_updates (project_id, created_at);
SELECT gj_protect_table('project_updates', 'org_id');
