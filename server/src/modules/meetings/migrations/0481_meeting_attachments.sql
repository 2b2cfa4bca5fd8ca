-- A meeting's attachments: its agenda papers and minutes as files (a signed
-- PDF of the minutes, a photo of the sign-in sheet). The type is read from
-- the file's own bytes and held here to the ones the app serves; the size is
-- bounded; a file is kept as uploaded, never changed (a new one is added).

CREATE TABLE meeting_attachments (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  org_id bigint NOT NULL,
  meeting_id bigint NOT NULL,
  purpose text NOT NULL CHECK (purpose IN ('agenda', 'minutes', 'other')),
  name text NOT NULL CHECK (btrim(name) <> '' AND length(name) <= 120),
  mime text NOT NULL CONSTRAINT meeting_attachments_mime CHECK (mime IN ('image/jpeg', 'image/png', 'image/webp', 'application/pdf')),
  content bytea NOT NULL CONSTRAINT meeting_attachments_size CHECK (octet_length(content) BETWEEN 1 AND 5242880),
  uploaded_by bigint,
  uploaded_name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  CONSTRAINT meeting_attachments_meeting_fkey FOREIGN KEY (region_id, meeting_id, org_id) REFERENCES meetings (region_id, id, org_id) ON UPDATE CASCADE
);
CREATE INDEX meeting_attachments_id ON meeting_attachments (id);
CREATE INDEX meeting_attachments_meeting ON meeting_attachments (meeting_id);
SELECT gj_protect_table('meeting_attachments', 'org_id', masked => '{content}');

CREATE FUNCTION gj_meeting_attachment_unchanged() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'a meeting attachment is never changed or removed; add another' USING ERRCODE = '23514', CONSTRAINT = 'meeting_attachments_unchanged';
END $$;
CREATE TRIGGER gj_meeting_attachment_unchanged BEFORE UPDATE OF content, mime, name, purpose OR DELETE ON meeting_attachments
  FOR EACH ROW EXECUTE FUNCTION gj_meeting_attachment_unchanged();
