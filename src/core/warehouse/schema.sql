-- The analytics warehouse. Every row of police data, boundaries and population points at the source
-- file it came from; a source that is replaced or fails leaves nothing behind (see import/).
CREATE SEQUENCE IF NOT EXISTS source_ids START 1;

CREATE TABLE IF NOT EXISTS sources (
  id INTEGER PRIMARY KEY DEFAULT nextval('source_ids'),
  origin VARCHAR NOT NULL,            -- the path, zip member (archive.zip!/member) or URL it was read from
  sha256 VARCHAR NOT NULL,            -- of the bytes as stored at the origin
  size BIGINT NOT NULL,
  format VARCHAR NOT NULL,            -- police-uk-stop-search-csv | police-uk-stop-search-json | boundaries | census-ts021 | ward-population | lookup
  force VARCHAR,                      -- police data: the force and publication month it covers
  month VARCHAR,
  detail VARCHAR,                     -- boundaries: level and vintage; lookup: which links
  retrieved_at TIMESTAMPTZ,           -- when the bytes were fetched or last modified, if known
  imported_at TIMESTAMPTZ NOT NULL,
  rows_read INTEGER NOT NULL,
  rows_loaded INTEGER NOT NULL,
  rows_quarantined INTEGER NOT NULL,
  status VARCHAR NOT NULL,            -- current | superseded
  replaces INTEGER,                   -- the source this one replaced (same force and month)
  superseded_by INTEGER,
  stored_copy VARCHAR                 -- raw copy under the data folder's imports/
);

-- One row per data.police.uk record. Codes are ENUM types made from the vocabulary (vocabulary.ts);
-- the raw label each came from is kept through `*_label`, an id in `labels`.
CREATE TABLE IF NOT EXISTS stop_search (
  source_id INTEGER NOT NULL,
  record INTEGER NOT NULL,            -- 1-based position of the record in its source file
  force VARCHAR NOT NULL,
  month VARCHAR NOT NULL,             -- publication month of the source (YYYY-MM)
  ts TIMESTAMPTZ NOT NULL,            -- as given (UTC)
  local_date DATE NOT NULL,           -- Europe/London
  local_hour UTINYINT NOT NULL,
  latitude DOUBLE,
  longitude DOUBLE,
  located BOOLEAN NOT NULL,
  lsoa VARCHAR,
  ward VARCHAR,
  borough VARCHAR,
  ward_nearest BOOLEAN,               -- ward given by the nearest ward of the borough (generalised edges)
  type code_type NOT NULL, type_label INTEGER,
  gender code_gender NOT NULL, gender_label INTEGER,
  age_range code_age_range NOT NULL, age_range_label INTEGER,
  self_defined_ethnicity code_self_defined_ethnicity NOT NULL, self_defined_ethnicity_label INTEGER,
  officer_defined_ethnicity code_officer_defined_ethnicity NOT NULL, officer_defined_ethnicity_label INTEGER,
  legislation code_legislation NOT NULL, legislation_label INTEGER,
  object_of_search code_object_of_search NOT NULL, object_of_search_label INTEGER,
  outcome code_outcome NOT NULL, outcome_label INTEGER,
  outcome_linked BOOLEAN,
  removal_more_than_outer BOOLEAN,
  part_of_operation BOOLEAN,
  operation_name VARCHAR,
  street_name VARCHAR
);

-- Every raw label ever seen, with the code it was given when loaded.
CREATE TABLE IF NOT EXISTS labels (
  id INTEGER PRIMARY KEY,
  dimension VARCHAR NOT NULL,
  raw VARCHAR NOT NULL,
  code VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS quarantine (
  source_id INTEGER NOT NULL,
  line INTEGER NOT NULL,              -- physical line in a CSV file, record number in an API array
  raw VARCHAR,
  reason VARCHAR NOT NULL
);

-- Labels the vocabulary did not know, loaded as `unknown` (raw text kept on the row).
CREATE TABLE IF NOT EXISTS unknown_labels (
  source_id INTEGER NOT NULL,
  dimension VARCHAR NOT NULL,
  raw VARCHAR NOT NULL,
  rows INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS areas (
  source_id INTEGER NOT NULL,
  level VARCHAR NOT NULL,             -- borough | lad | ward | lsoa | msoa | other
  code VARCHAR NOT NULL,              -- GSS code
  name VARCHAR NOT NULL,
  parent_code VARCHAR,                -- the local authority of a ward or LSOA
  vintage INTEGER,
  vertices INTEGER NOT NULL,
  geometry VARCHAR NOT NULL           -- GeoJSON, WGS84, RFC 7946 orientation
);

CREATE TABLE IF NOT EXISTS area_links (
  source_id INTEGER NOT NULL,
  child_level VARCHAR NOT NULL, child_code VARCHAR NOT NULL, child_name VARCHAR,
  parent_level VARCHAR NOT NULL, parent_code VARCHAR NOT NULL, parent_name VARCHAR
);

CREATE TABLE IF NOT EXISTS population (
  source_id INTEGER NOT NULL,
  dataset VARCHAR NOT NULL,           -- census2021_ts021
  area_code VARCHAR NOT NULL,
  area_name VARCHAR,
  category VARCHAR NOT NULL,          -- detailed self-defined ethnicity code
  category_label VARCHAR NOT NULL,
  value INTEGER NOT NULL
);

-- ONS small-area population estimates for wards (SAPE23DT8a, mid-2020, persons): all residents of
-- each 2020 ward. The file's ward code column does not match the GSS codes of the boundary files for
-- many boroughs, so a ward is found by its local authority and name (see figures/ward-population.ts).
CREATE TABLE IF NOT EXISTS ward_population (
  source_id INTEGER NOT NULL,
  la_code VARCHAR NOT NULL,
  la_name VARCHAR,
  ward_code VARCHAR,                  -- as given; not used to join
  ward_name VARCHAR NOT NULL,
  persons INTEGER NOT NULL
);
