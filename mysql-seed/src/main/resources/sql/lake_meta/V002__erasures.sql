-- The erasures lake forget carried out: what kind of person, when, by whom and how many records left each zone.
-- No identifier and no pseudonym: the people themselves are named only in the erasure register, a secrets folder.
CREATE TABLE IF NOT EXISTS lake_meta.erasures (
  erasure_id       INT          NOT NULL AUTO_INCREMENT,
  subject_kind     VARCHAR(10)  NOT NULL COMMENT 'student or contact',
  requested_by     VARCHAR(64)  NOT NULL COMMENT 'the operating-system account that ran lake forget',
  carried_out_at   TIMESTAMP    NOT NULL DEFAULT CURRENT_TIMESTAMP,
  rows_landing     INT          NOT NULL,
  rows_raw         INT          NOT NULL,
  rows_quarantine  INT          NOT NULL,
  rows_summary     INT          NOT NULL COMMENT 'summary rows keyed by the pseudonym, every snapshot',
  curated_as_of    DATE         NULL     COMMENT 'the ingest date curated was rebuilt for (NULL: nothing curated yet)',
  PRIMARY KEY (erasure_id)
) ENGINE=InnoDB COMMENT='erasures (GDPR) carried out by lake forget, without identifiers';
