-- The workspace schema: projects and everything a SPIN or SFT run produces.
-- Timestamps are ISO-8601 UTC text; JSON columns hold the full configuration as given.

CREATE TABLE projects (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL CHECK (length(trim(name)) > 0),
    name_key    TEXT    NOT NULL UNIQUE,           -- the name normalised and lower-cased, for uniqueness
    description TEXT    NOT NULL DEFAULT '',
    folder      TEXT    NOT NULL UNIQUE,           -- folder under <workspace>/projects/
    created_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL
);

-- A base model or a model a run produced, in Hugging Face layout on disk.
CREATE TABLE models (
    id              INTEGER PRIMARY KEY,
    project_id      INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    name            TEXT    NOT NULL,
    path            TEXT    NOT NULL,
    architecture    TEXT    NOT NULL,
    parameter_count INTEGER,
    config_json     TEXT    NOT NULL,
    content_hash    TEXT    NOT NULL,               -- sha256 over the folder's files
    registered_at   TEXT    NOT NULL
);
CREATE INDEX models_by_project ON models (project_id);

CREATE TABLE datasets (
    id            INTEGER PRIMARY KEY,
    project_id    INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    name          TEXT    NOT NULL,
    path          TEXT    NOT NULL,
    format        TEXT    NOT NULL,                 -- spin, messages, alpaca, sharegpt, prompt_response
    content_hash  TEXT    NOT NULL,                 -- sha256 of the file's bytes
    row_count     INTEGER NOT NULL CHECK (row_count >= 0),
    registered_at TEXT    NOT NULL
);
CREATE INDEX datasets_by_project ON datasets (project_id);

CREATE TABLE runs (
    id              INTEGER PRIMARY KEY,
    project_id      INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    kind            TEXT    NOT NULL CHECK (kind IN ('spin', 'sft')),
    status          TEXT    NOT NULL CHECK (status IN ('created', 'running', 'completed', 'failed', 'cancelled')),
    base_model_id   INTEGER REFERENCES models (id),
    dataset_id      INTEGER REFERENCES datasets (id),
    eval_dataset_id INTEGER REFERENCES datasets (id),
    config_json     TEXT    NOT NULL,               -- every hyper-parameter, as launched
    seed            INTEGER NOT NULL,
    message         TEXT,                           -- why it failed or stopped, for the user
    created_at      TEXT    NOT NULL,
    started_at      TEXT,
    finished_at     TEXT
);
CREATE INDEX runs_by_project ON runs (project_id);

-- Iteration t trains model t from model t-1 (model 0 is the base model).
CREATE TABLE iterations (
    id          INTEGER PRIMARY KEY,
    run_id      INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    iteration   INTEGER NOT NULL CHECK (iteration >= 1),
    status      TEXT    NOT NULL CHECK (status IN ('generating', 'scoring', 'training', 'evaluating',
                                                   'completed', 'failed', 'cancelled')),
    started_at  TEXT    NOT NULL,
    finished_at TEXT,
    UNIQUE (run_id, iteration)
);

-- One prompt of one iteration: the real response beside the model's own synthetic one.
-- ref_* are log-probs under the frozen opponent (model t-1); policy_* under the trained
-- model t; rewards are beta * (policy - ref). Log-probs sum over response tokens only.
CREATE TABLE samples (
    id                    INTEGER PRIMARY KEY,
    iteration_id          INTEGER NOT NULL REFERENCES iterations (id) ON DELETE CASCADE,
    split                 TEXT    NOT NULL CHECK (split IN ('train', 'eval')),
    example_index         INTEGER NOT NULL CHECK (example_index >= 0),
    prompt                TEXT    NOT NULL,
    real_response         TEXT    NOT NULL,
    synthetic_response    TEXT    NOT NULL,
    real_tokens           INTEGER,
    synthetic_tokens      INTEGER,
    ref_logp_real         REAL,
    ref_logp_synthetic    REAL,
    policy_logp_real      REAL,
    policy_logp_synthetic REAL,
    reward_real           REAL,
    reward_synthetic      REAL,
    UNIQUE (iteration_id, split, example_index)
);

-- Training and evaluation metrics under the reference names (loss, rewards/real, ...,
-- eval_loss); step counts optimiser steps from the start of the run.
CREATE TABLE metrics (
    run_id    INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    iteration INTEGER NOT NULL CHECK (iteration >= 0),
    step      INTEGER NOT NULL CHECK (step >= 0),
    name      TEXT    NOT NULL,
    value     REAL,                                 -- NULL stands for NaN or infinity
    PRIMARY KEY (run_id, name, step, iteration)
) WITHOUT ROWID;

-- One evaluation of the model an iteration produced (iteration 0: the base model).
-- dataset_id NULL: the held-out split of the run's own dataset.
CREATE TABLE evaluations (
    id           INTEGER PRIMARY KEY,
    run_id       INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    iteration    INTEGER NOT NULL CHECK (iteration >= 0),
    dataset_id   INTEGER REFERENCES datasets (id),
    metrics_json TEXT    NOT NULL,                  -- {"eval_loss": ..., "eval_accuracy": ...}
    evaluated_at TEXT    NOT NULL
);
-- One evaluation per run, iteration and dataset. A UNIQUE constraint on dataset_id would
-- let any number of NULL rows through (SQLite's NULLs are distinct), hence the expression.
CREATE UNIQUE INDEX evaluations_once ON evaluations (run_id, iteration, ifnull(dataset_id, 0));

CREATE TABLE checkpoints (
    id           INTEGER PRIMARY KEY,
    run_id       INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    iteration    INTEGER NOT NULL CHECK (iteration >= 0),
    step         INTEGER NOT NULL CHECK (step >= 0),
    path         TEXT    NOT NULL,
    size_bytes   INTEGER NOT NULL CHECK (size_bytes >= 0),
    content_hash TEXT    NOT NULL,
    created_at   TEXT    NOT NULL,
    UNIQUE (run_id, iteration, step)
);

-- Workbench preferences kept with the workspace: language, window geometry, devices.
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
