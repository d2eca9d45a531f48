CREATE TABLE person (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  role TEXT NOT NULL DEFAULT 'other' CHECK (role IN ('wethouder', 'bestuurder', 'projectleider', 'beleidsmaker', 'controller', 'inkoper', 'contractmanager', 'toezichthouder', 'informatiemanager', 'uitvoerder', 'other')),
  email TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  updated_at TEXT NOT NULL DEFAULT '',
  updated_by TEXT NOT NULL DEFAULT ''
);
CREATE TABLE programme (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  title TEXT NOT NULL CHECK (length(trim(title)) > 0),
  municipality TEXT NOT NULL DEFAULT '',
  domains TEXT NOT NULL DEFAULT '',
  lead_id INTEGER REFERENCES person (id) ON DELETE SET NULL,
  start_date TEXT CHECK (start_date IS NULL OR date(julianday(start_date)) IS start_date),
  end_date TEXT CHECK (end_date IS NULL OR date(julianday(end_date)) IS end_date),
  ambition TEXT NOT NULL DEFAULT '',
  review_cycle TEXT NOT NULL DEFAULT 'monthly' CHECK (review_cycle IN ('monthly', 'quarterly')),
  headline_rule TEXT NOT NULL DEFAULT 'worst' CHECK (headline_rule IN ('worst', 'median')),
  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  updated_at TEXT NOT NULL DEFAULT '',
  updated_by TEXT NOT NULL DEFAULT '',
  CHECK (start_date IS NULL OR end_date IS NULL OR end_date >= start_date)
);
CREATE TABLE topic (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  description TEXT NOT NULL DEFAULT '',
  position INTEGER NOT NULL DEFAULT 0,
  descriptor_serious TEXT NOT NULL DEFAULT '',
  descriptor_vigilant TEXT NOT NULL DEFAULT '',
  descriptor_in_control TEXT NOT NULL DEFAULT '',
  challenges TEXT NOT NULL DEFAULT '',
  target_level TEXT CHECK (target_level IS NULL OR target_level IN ('serious', 'vigilant', 'in-control')),
  target_date TEXT CHECK (target_date IS NULL OR date(julianday(target_date)) IS target_date),
  owner_id INTEGER REFERENCES person (id) ON DELETE SET NULL,
  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  updated_at TEXT NOT NULL DEFAULT '',
  updated_by TEXT NOT NULL DEFAULT ''
);
CREATE TABLE assessment (
  id INTEGER PRIMARY KEY,
  topic_id INTEGER NOT NULL REFERENCES topic (id) ON DELETE CASCADE,
  date TEXT NOT NULL CHECK (date IS NULL OR date(julianday(date)) IS date),
  level TEXT NOT NULL CHECK (level IN ('serious', 'vigilant', 'in-control')),
  rationale TEXT NOT NULL CHECK (length(trim(rationale)) > 0),
  confidence INTEGER NOT NULL DEFAULT 5 CHECK (confidence BETWEEN 0 AND 10),
  assessed_by_id INTEGER REFERENCES person (id) ON DELETE SET NULL,
  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  updated_at TEXT NOT NULL DEFAULT '',
  updated_by TEXT NOT NULL DEFAULT ''
);
CREATE TABLE focus_project (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  goal TEXT NOT NULL DEFAULT '',
  owner_id INTEGER REFERENCES person (id) ON DELETE SET NULL,
  chain_phase TEXT NOT NULL DEFAULT 'cross-cutting' CHECK (chain_phase IN ('inflow', 'throughput', 'outflow', 'cross-cutting')),
  domains TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'active', 'paused', 'done', 'stopped')),
  health TEXT NOT NULL DEFAULT 'on-track' CHECK (health IN ('on-track', 'at-risk', 'off-track')),
  health_reason TEXT NOT NULL DEFAULT '',
  start_date TEXT CHECK (start_date IS NULL OR date(julianday(start_date)) IS start_date),
  end_date TEXT CHECK (end_date IS NULL OR date(julianday(end_date)) IS end_date),
  budget_cents INTEGER CHECK (budget_cents IS NULL OR budget_cents >= 0),
  saving_cents INTEGER,
  position INTEGER NOT NULL DEFAULT 0,
  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  updated_at TEXT NOT NULL DEFAULT '',
  updated_by TEXT NOT NULL DEFAULT '',
  CHECK (status <> 'active' OR owner_id IS NOT NULL),
  CHECK (start_date IS NULL OR end_date IS NULL OR end_date >= start_date)
);
CREATE TABLE project_topic (
  id INTEGER PRIMARY KEY,
  project_id INTEGER NOT NULL REFERENCES focus_project (id) ON DELETE CASCADE,
  topic_id INTEGER NOT NULL REFERENCES topic (id) ON DELETE CASCADE,
  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  updated_at TEXT NOT NULL DEFAULT '',
  updated_by TEXT NOT NULL DEFAULT '',
  UNIQUE (project_id, topic_id)
);
CREATE TABLE measure (
  id INTEGER PRIMARY KEY,
  project_id INTEGER NOT NULL REFERENCES focus_project (id) ON DELETE CASCADE,
  title TEXT NOT NULL CHECK (length(trim(title)) > 0),
  description TEXT NOT NULL DEFAULT '',
  owner_id INTEGER REFERENCES person (id) ON DELETE SET NULL,
  status TEXT NOT NULL DEFAULT 'idea' CHECK (status IN ('idea', 'planned', 'in-progress', 'done', 'dropped')),
  kind TEXT NOT NULL DEFAULT 'structural' CHECK (kind IN ('quick-win', 'structural')),
  start_date TEXT CHECK (start_date IS NULL OR date(julianday(start_date)) IS start_date),
  due_date TEXT CHECK (due_date IS NULL OR date(julianday(due_date)) IS due_date),
  done_date TEXT CHECK (done_date IS NULL OR date(julianday(done_date)) IS done_date),
  progress INTEGER NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  expected_effect TEXT NOT NULL DEFAULT '',
  saving_cents INTEGER,
  position INTEGER NOT NULL DEFAULT 0,
  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  updated_at TEXT NOT NULL DEFAULT '',
  updated_by TEXT NOT NULL DEFAULT '',
  CHECK (start_date IS NULL OR due_date IS NULL OR due_date >= start_date)
);
CREATE TABLE measure_target (
  id INTEGER PRIMARY KEY,
  measure_id INTEGER NOT NULL REFERENCES measure (id) ON DELETE CASCADE,
  topic_id INTEGER NOT NULL REFERENCES topic (id) ON DELETE CASCADE,
  target_level TEXT NOT NULL CHECK (target_level IN ('serious', 'vigilant', 'in-control')),
  target_date TEXT CHECK (target_date IS NULL OR date(julianday(target_date)) IS target_date),
  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  updated_at TEXT NOT NULL DEFAULT '',
  updated_by TEXT NOT NULL DEFAULT '',
  UNIQUE (measure_id, topic_id)
);
CREATE TABLE measure_link (
  id INTEGER PRIMARY KEY,
  from_measure_id INTEGER NOT NULL REFERENCES measure (id) ON DELETE CASCADE,
  to_measure_id INTEGER NOT NULL REFERENCES measure (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('reinforces', 'depends-on', 'conflicts-with')),
  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  updated_at TEXT NOT NULL DEFAULT '',
  updated_by TEXT NOT NULL DEFAULT '',
  CHECK (from_measure_id <> to_measure_id),
  UNIQUE (from_measure_id, to_measure_id, kind)
);
CREATE TABLE indicator (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  description TEXT NOT NULL DEFAULT '',
  unit TEXT NOT NULL DEFAULT 'count' CHECK (unit IN ('euro', 'count', 'percent', 'days', 'weeks', 'other')),
  direction TEXT NOT NULL DEFAULT 'lower' CHECK (direction IN ('lower', 'higher')),
  frequency TEXT NOT NULL DEFAULT 'monthly' CHECK (frequency IN ('monthly', 'quarterly', 'yearly')),
  baseline_value REAL,
  baseline_date TEXT CHECK (baseline_date IS NULL OR date(julianday(baseline_date)) IS baseline_date),
  target_value REAL,
  target_date TEXT CHECK (target_date IS NULL OR date(julianday(target_date)) IS target_date),
  signal_serious REAL,
  signal_control REAL,
  source TEXT NOT NULL DEFAULT '',
  position INTEGER NOT NULL DEFAULT 0,
  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  updated_at TEXT NOT NULL DEFAULT '',
  updated_by TEXT NOT NULL DEFAULT '',
  CHECK (signal_serious IS NULL OR signal_control IS NULL OR (direction = 'lower' AND signal_serious >= signal_control) OR (direction = 'higher' AND signal_serious <= signal_control))
);
CREATE TABLE indicator_topic (
  id INTEGER PRIMARY KEY,
  indicator_id INTEGER NOT NULL REFERENCES indicator (id) ON DELETE CASCADE,
  topic_id INTEGER NOT NULL REFERENCES topic (id) ON DELETE CASCADE,
  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  updated_at TEXT NOT NULL DEFAULT '',
  updated_by TEXT NOT NULL DEFAULT '',
  UNIQUE (indicator_id, topic_id)
);
CREATE TABLE indicator_project (
  id INTEGER PRIMARY KEY,
  indicator_id INTEGER NOT NULL REFERENCES indicator (id) ON DELETE CASCADE,
  project_id INTEGER NOT NULL REFERENCES focus_project (id) ON DELETE CASCADE,
  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  updated_at TEXT NOT NULL DEFAULT '',
  updated_by TEXT NOT NULL DEFAULT '',
  UNIQUE (indicator_id, project_id)
);
CREATE TABLE measurement (
  id INTEGER PRIMARY KEY,
  indicator_id INTEGER NOT NULL REFERENCES indicator (id) ON DELETE CASCADE,
  period_date TEXT NOT NULL CHECK (period_date IS NULL OR date(julianday(period_date)) IS period_date),
  value REAL NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  entered_by TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  updated_at TEXT NOT NULL DEFAULT '',
  updated_by TEXT NOT NULL DEFAULT '',
  UNIQUE (indicator_id, period_date)
);
CREATE TABLE journal_entry (
  id INTEGER PRIMARY KEY,
  date TEXT NOT NULL CHECK (date IS NULL OR date(julianday(date)) IS date),
  author TEXT NOT NULL DEFAULT '',
  kind TEXT NOT NULL DEFAULT 'progress' CHECK (kind IN ('progress', 'decision', 'risk')),
  text TEXT NOT NULL CHECK (length(trim(text)) > 0),
  topic_id INTEGER REFERENCES topic (id) ON DELETE CASCADE,
  project_id INTEGER REFERENCES focus_project (id) ON DELETE CASCADE,
  measure_id INTEGER REFERENCES measure (id) ON DELETE CASCADE,
  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  updated_at TEXT NOT NULL DEFAULT '',
  updated_by TEXT NOT NULL DEFAULT '',
  CHECK ((topic_id IS NOT NULL) + (project_id IS NOT NULL) + (measure_id IS NOT NULL) <= 1)
);
CREATE TABLE catalogue_measure (
  id INTEGER PRIMARY KEY,
  topic_name TEXT NOT NULL DEFAULT '',
  title TEXT NOT NULL CHECK (length(trim(title)) > 0),
  description TEXT NOT NULL DEFAULT '',
  kind TEXT NOT NULL DEFAULT 'structural' CHECK (kind IN ('quick-win', 'structural')),
  expected_effect TEXT NOT NULL DEFAULT '',
  chain_phase TEXT NOT NULL DEFAULT 'cross-cutting' CHECK (chain_phase IN ('inflow', 'throughput', 'outflow', 'cross-cutting')),
  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  updated_at TEXT NOT NULL DEFAULT '',
  updated_by TEXT NOT NULL DEFAULT ''
);
CREATE TABLE change_log (
  id INTEGER PRIMARY KEY,
  changed_at TEXT NOT NULL,
  changed_by TEXT NOT NULL DEFAULT '',
  table_name TEXT NOT NULL,
  row_id INTEGER NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
  summary TEXT NOT NULL DEFAULT '',
  changes TEXT NOT NULL DEFAULT ''
);
CREATE TABLE revision (
  id INTEGER PRIMARY KEY,
  revision TEXT NOT NULL,
  parent TEXT NOT NULL DEFAULT '',
  merged TEXT NOT NULL DEFAULT '',
  published_at TEXT NOT NULL,
  published_by TEXT NOT NULL DEFAULT '',
  host TEXT NOT NULL DEFAULT '',
  UNIQUE (revision)
);
CREATE INDEX assessment_by_topic ON assessment (topic_id, date);
CREATE INDEX topic_by_owner ON topic (owner_id);
CREATE INDEX project_by_owner ON focus_project (owner_id);
CREATE INDEX project_topic_by_topic ON project_topic (topic_id);
CREATE INDEX measure_by_project ON measure (project_id, position);
CREATE INDEX measure_by_owner ON measure (owner_id);
CREATE INDEX measure_target_by_topic ON measure_target (topic_id);
CREATE INDEX measure_link_by_target ON measure_link (to_measure_id);
CREATE INDEX indicator_topic_by_topic ON indicator_topic (topic_id);
CREATE INDEX indicator_project_by_project ON indicator_project (project_id);
CREATE INDEX journal_by_date ON journal_entry (date);
CREATE INDEX journal_by_topic ON journal_entry (topic_id);
CREATE INDEX journal_by_project ON journal_entry (project_id);
CREATE INDEX journal_by_measure ON journal_entry (measure_id);
CREATE INDEX change_log_by_row ON change_log (table_name, row_id);
