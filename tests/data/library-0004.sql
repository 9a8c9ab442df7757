-- An Annotator library at schema 0004, as a text dump (sqlite3 iterdump).
-- Made by tests/data/make_library_0004.py; upgraded to head by
-- tests/storage/test_upgrade_from_stored.py. Do not edit by hand.
BEGIN TRANSACTION;
CREATE TABLE alembic_version (
	version_num VARCHAR(32) NOT NULL, 
	CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);
INSERT INTO "alembic_version" VALUES('0004');
CREATE TABLE "annotation" (
	id VARCHAR(36) NOT NULL, 
	document_id VARCHAR(36) NOT NULL, 
	tag_id VARCHAR(36) NOT NULL, 
	start INTEGER NOT NULL, 
	"end" INTEGER NOT NULL, 
	quote TEXT NOT NULL, 
	prefix TEXT DEFAULT ('') NOT NULL, 
	suffix TEXT DEFAULT ('') NOT NULL, 
	note TEXT DEFAULT ('') NOT NULL, 
	coder VARCHAR(200) DEFAULT ('') NOT NULL, 
	created DATETIME NOT NULL, 
	modified DATETIME NOT NULL, 
	anchor_status VARCHAR(16) DEFAULT 'unchanged' NOT NULL, 
	anchor_version_id VARCHAR(36), 
	anchor_start INTEGER, 
	anchor_end INTEGER, 
	CONSTRAINT pk_annotation PRIMARY KEY (id), 
	CONSTRAINT ck_annotation_ck_annotation_span CHECK ("start" >= 0 AND "end" > "start"), 
	CONSTRAINT fk_annotation_document_id_document FOREIGN KEY(document_id) REFERENCES document (id) ON DELETE CASCADE, 
	CONSTRAINT fk_annotation_tag_id_tag FOREIGN KEY(tag_id) REFERENCES tag (id) ON DELETE RESTRICT, 
	CONSTRAINT fk_annotation_anchor_version_id_document_version FOREIGN KEY(anchor_version_id) REFERENCES document_version (id), 
	CONSTRAINT ck_annotation_anchor CHECK (anchor_status IN ('unchanged', 'moved', 'fuzzy', 'orphaned') AND ((anchor_status IN ('fuzzy', 'orphaned') AND anchor_version_id IS NOT NULL AND anchor_start IS NOT NULL AND anchor_end IS NOT NULL) OR (anchor_status IN ('unchanged', 'moved') AND anchor_version_id IS NULL AND anchor_start IS NULL AND anchor_end IS NULL)))
);
INSERT INTO "annotation" VALUES('00000000-0000-4000-8000-000000000001','00000000-0000-4000-8000-0000000000d1','00000000-0000-4000-8000-0000000000a1',12,19,'Café 😀','Field notes
',' costs 5 €, said the 👍🏽 owner.
ש','','ada','2026-11-20 10:00:00.001000','2026-11-20 10:00:00.001000','unchanged',NULL,NULL,NULL);
INSERT INTO "annotation" VALUES('00000000-0000-4000-8000-000000000002','00000000-0000-4000-8000-0000000000d1','00000000-0000-4000-8000-0000000000a2',26,29,'5 €','Field notes
Café 😀 costs ',', said the 👍🏽 owner.
שלום means ','price, with NBSPs','ada','2026-11-20 10:01:00.000000','2026-11-20 10:05:00.000000','unchanged',NULL,NULL,NULL);
INSERT INTO "annotation" VALUES('00000000-0000-4000-8000-000000000003','00000000-0000-4000-8000-0000000000d1','00000000-0000-4000-8000-0000000000a3',40,48,'👍🏽 owner','tes
Café 😀 costs 5 €, said the ','.
שלום means peace and é is two','it''s "the" owner;
second line','','2026-11-20 10:02:00.000000','2026-11-20 10:02:00.000000','unchanged',NULL,NULL,NULL);
INSERT INTO "annotation" VALUES('00000000-0000-4000-8000-000000000004','00000000-0000-4000-8000-0000000000d1','00000000-0000-4000-8000-0000000000a1',61,70,'peace and',', said the 👍🏽 owner.
שלום means ',' é is two code points.
The end ','','béa 🦊','2026-11-20 10:03:00.000000','2026-11-20 10:03:00.000000','unchanged',NULL,NULL,NULL);
INSERT INTO "annotation" VALUES('00000000-0000-4000-8000-000000000005','00000000-0000-4000-8000-0000000000d1','00000000-0000-4000-8000-0000000000a3',102,103,'😀',' é is two code points.
The end ','.
','','','2026-11-20 10:04:00.000000','2026-11-20 10:04:00.000000','unchanged',NULL,NULL,NULL);
INSERT INTO "annotation" VALUES('00000000-0000-4000-8000-000000000006','00000000-0000-4000-8000-0000000000d2','00000000-0000-4000-8000-0000000000a2',0,13,'مرحبا بالعالم','',' — Hello 123 שלום עולם

‏Mixed: ','','','2026-11-20 11:00:00.000000','2026-11-20 11:00:00.000000','unchanged',NULL,NULL,NULL);
INSERT INTO "annotation" VALUES('00000000-0000-4000-8000-000000000007','00000000-0000-4000-8000-0000000000d2','00000000-0000-4000-8000-0000000000a1',55,59,'42 ₪','23 שלום עולם

‏Mixed: המחיר הוא ',' ליחידה.‏
Tabs	here, a flag 🇫🇷 a','מחיר','','2026-11-20 11:01:00.000000','2026-11-20 11:01:00.000000','unchanged',NULL,NULL,NULL);
INSERT INTO "annotation" VALUES('00000000-0000-4000-8000-000000000008','00000000-0000-4000-8000-0000000000d2','00000000-0000-4000-8000-0000000000a4',103,108,'👨‍👩‍👧','bs	here, a flag 🇫🇷 and a family ','.
','','','2026-11-20 11:02:00.000000','2026-11-20 11:02:00.000000','unchanged',NULL,NULL,NULL);
INSERT INTO "annotation" VALUES('00000000-0000-4000-8000-000000000009','00000000-0000-4000-8000-0000000000d3','00000000-0000-4000-8000-0000000000a1',326,345,'Kazakhstan imploded','and Russia - NATO negotiations, ','.
','the thesis','ada','2026-11-21 18:10:00.000000','2026-11-21 18:10:00.000000','unchanged',NULL,NULL,NULL);
INSERT INTO "annotation" VALUES('00000000-0000-4000-8000-000000000010','00000000-0000-4000-8000-0000000000d3','00000000-0000-4000-8000-0000000000a2',53,125,'“We need time to understand better what happened in Kazakhstan, and why”','n of Kazakhstan was unexpected

',', writes Benyamin Poghosyan in t','','','2026-11-21 18:11:00.000000','2026-11-21 18:11:00.000000','unchanged',NULL,NULL,NULL);
INSERT INTO "annotation" VALUES('00000000-0000-4000-8000-000000000011','00000000-0000-4000-8000-0000000000d3','00000000-0000-4000-8000-0000000000a3',105,115,'Kazakhstan','erstand better what happened in ',', and why”, writes Benyamin Pogh','','','2026-11-21 18:12:00.000000','2026-11-21 18:12:00.000000','unchanged',NULL,NULL,NULL);
INSERT INTO "annotation" VALUES('00000000-0000-4000-8000-000000000012','00000000-0000-4000-8000-0000000000d3','00000000-0000-4000-8000-0000000000a2',143,190,'Poghosyan in this op-ed.

The beginning of 2022','stan, and why”, writes Benyamin ',' surprised many. While experts a','spans a paragraph break','','2026-11-21 18:13:00.000000','2026-11-21 18:13:00.000000','unchanged',NULL,NULL,NULL);
INSERT INTO "annotation" VALUES('00000000-0000-4000-8000-000000000013','00000000-0000-4000-8000-0000000000d3','00000000-0000-4000-8000-0000000000a1',26,36,'Kazakhstan','Opinion: The implosion of ',' was unexpected

“We need time t','overlaps nothing','ada','2026-11-21 18:14:00.000000','2026-11-21 18:14:00.000000','unchanged',NULL,NULL,NULL);
INSERT INTO "annotation" VALUES('00000000-0000-4000-8000-000000000014','00000000-0000-4000-8000-0000000000d5','00000000-0000-4000-8000-0000000000a1',0,31,'Minutes of the tenants’ meeting','',', 3 March
Chaired by the caretak','','ada','2026-11-23 08:30:00.000000','2026-11-23 08:30:00.000000','unchanged',NULL,NULL,NULL);
INSERT INTO "annotation" VALUES('00000000-0000-4000-8000-000000000015','00000000-0000-4000-8000-0000000000d5','00000000-0000-4000-8000-0000000000a3',146,151,'יעל 🙂','Present: Zoë, Ahmed, Dvořák, ',' and the caretaker.
The rent ris','moved down a line by the second edition','béa 🦊','2026-11-23 08:31:00.000000','2026-11-26 17:45:00.000000','moved',NULL,NULL,NULL);
INSERT INTO "annotation" VALUES('00000000-0000-4000-8000-000000000016','00000000-0000-4000-8000-0000000000d5','00000000-0000-4000-8000-0000000000a2',189,202,'450 € a month','he caretaker.
The rent rises to ',' from April.
Dates of meetings a','420 € as imported','ada','2026-11-23 08:32:00.000000','2026-11-26 17:45:00.000000','fuzzy','00000000-0000-4000-8000-0000000000b1',116,129);
INSERT INTO "annotation" VALUES('00000000-0000-4000-8000-000000000017','00000000-0000-4000-8000-0000000000d5','00000000-0000-4000-8000-0000000000a3',209,242,'Next meeting: Tuesday, in room B.','Zoë will call the owner 👷🏽‍♀️.
','
','','','2026-11-23 08:33:00.000000','2026-11-25 09:00:00.250000','orphaned','00000000-0000-4000-8000-0000000000b1',209,242);
INSERT INTO "annotation" VALUES('00000000-0000-4000-8000-000000000018','00000000-0000-4000-8000-0000000000d5','00000000-0000-4000-8000-0000000000a1',151,175,'the lift is broken again',' € a month from April.
Repairs: ','; Zoë will call the owner 👷🏽‍♀️','again and again','ada','2026-11-23 08:34:00.000000','2026-11-26 17:45:00.000000','orphaned','00000000-0000-4000-8000-0000000000b2',151,175);
INSERT INTO "annotation" VALUES('00000000-0000-4000-8000-000000000019','00000000-0000-4000-8000-0000000000d5','00000000-0000-4000-8000-0000000000a4',103,111,'פרוטוקול','tes kept in English and Hebrew (',').
Present: Zoë, Ahmed, Dvořá','made after the second edition','','2026-11-27 12:00:00.000000','2026-11-27 12:00:00.000000','unchanged',NULL,NULL,NULL);
CREATE TABLE app_state (
	"key" VARCHAR(100) NOT NULL, 
	value TEXT NOT NULL, 
	CONSTRAINT pk_app_state PRIMARY KEY ("key")
);
INSERT INTO "app_state" VALUES('sample_seeded','1');
INSERT INTO "app_state" VALUES('last_document','00000000-0000-4000-8000-0000000000d3');
INSERT INTO "app_state" VALUES('scroll:00000000-0000-4000-8000-0000000000d3','120');
INSERT INTO "app_state" VALUES('scroll:00000000-0000-4000-8000-0000000000d5','48');
CREATE TABLE attribute (
	id VARCHAR(36) NOT NULL, 
	name VARCHAR(200) NOT NULL, 
	kind VARCHAR(16) NOT NULL, 
	choices TEXT DEFAULT '[]' NOT NULL, 
	sort_order INTEGER DEFAULT '0' NOT NULL, 
	CONSTRAINT pk_attribute PRIMARY KEY (id), 
	CONSTRAINT ck_attribute_kind CHECK (kind IN ('text', 'number', 'date', 'choice')), 
	CONSTRAINT uq_attribute_name UNIQUE (name)
);
INSERT INTO "attribute" VALUES('00000000-0000-4000-8000-0000000000f1','source','text','[]',0);
INSERT INTO "attribute" VALUES('00000000-0000-4000-8000-0000000000f2','year','number','[]',1);
INSERT INTO "attribute" VALUES('00000000-0000-4000-8000-0000000000f3','published','date','[]',2);
INSERT INTO "attribute" VALUES('00000000-0000-4000-8000-0000000000f4','genre','choice','["op-ed","minutes","notes 📝"]',3);
CREATE TABLE document (
	id VARCHAR(36) NOT NULL, 
	title TEXT NOT NULL, 
	text TEXT NOT NULL, 
	sha256 VARCHAR(64) NOT NULL, 
	metadata_json TEXT DEFAULT '{}' NOT NULL, 
	created DATETIME NOT NULL, memo TEXT DEFAULT '' NOT NULL, 
	CONSTRAINT pk_document PRIMARY KEY (id)
);
INSERT INTO "document" VALUES('00000000-0000-4000-8000-0000000000d1','Field notes','Field notes
Café 😀 costs 5 €, said the 👍🏽 owner.
שלום means peace and é is two code points.
The end 😀.
','90051fe85514d967ff4edfa3e20d58d30914db7c9a95b7f81c39d4f24bf961e2','{"source":"notes.txt","encoding":"utf-8"}','2026-11-20 09:15:00.125000','Why it is here: prices in €, and 😀.
Second line.');
INSERT INTO "document" VALUES('00000000-0000-4000-8000-0000000000d2','مرحبا بالعالم','مرحبا بالعالم — Hello 123 שלום עולם

‏Mixed: המחיר הוא 42 ₪ ליחידה.‏
Tabs	here, a flag 🇫🇷 and a family 👨‍👩‍👧.
','666653f35d60d0d9934fe971eb778e0c5feb6ab3e7fe256d3f2eca280bbb7b61','{}','2026-11-20 09:16:30.000000','');
INSERT INTO "document" VALUES('00000000-0000-4000-8000-0000000000d3','Opinion: The implosion of Kazakhstan','Opinion: The implosion of Kazakhstan was unexpected

“We need time to understand better what happened in Kazakhstan, and why”, writes Benyamin Poghosyan in this op-ed.

The beginning of 2022 surprised many. While experts and pundits were busy discussing the possible outcome of the Russia – US and Russia - NATO negotiations, Kazakhstan imploded.
','16adeb0d29527d099f3d8f741117e859ca06823778e7487e2ede1fae5dd12de9','{"source":"op-ed.md","lang":"en"}','2026-11-21 18:00:00.999000','The op-ed the study started from.');
INSERT INTO "document" VALUES('00000000-0000-4000-8000-0000000000d4','Not yet annotated','A document nobody has annotated yet.

It has two paragraphs, and an NBSP.
','2e54395f3c1e50966bc255e7d105a87816f8c20768494ee86e9dee4ade102a51','{}','2026-11-22 07:00:00.000000','');
INSERT INTO "document" VALUES('00000000-0000-4000-8000-0000000000d5','Minutes — tenants’ meeting','Minutes of the tenants’ meeting, 3 March
Chaired by the caretaker; minutes kept in English and Hebrew (פרוטוקול).
Present: Zoë, Ahmed, Dvořák, יעל 🙂 and the caretaker.
The rent rises to 450 € a month from April.
Dates of meetings are put up on the notice board.
','3b28d4d8b60900b7c3208b48f78d2eaae6a19d7f725c71b28f00aed8c40eba71','{"source":"minutes.txt"}','2026-11-23 08:00:00.000000','');
CREATE TABLE document_attribute (
	document_id VARCHAR(36) NOT NULL, 
	attribute_id VARCHAR(36) NOT NULL, 
	value TEXT NOT NULL, 
	CONSTRAINT pk_document_attribute PRIMARY KEY (document_id, attribute_id), 
	CONSTRAINT fk_document_attribute_document_id_document FOREIGN KEY(document_id) REFERENCES document (id) ON DELETE CASCADE, 
	CONSTRAINT fk_document_attribute_attribute_id_attribute FOREIGN KEY(attribute_id) REFERENCES attribute (id) ON DELETE CASCADE
);
INSERT INTO "document_attribute" VALUES('00000000-0000-4000-8000-0000000000d1','00000000-0000-4000-8000-0000000000f1','field	notes, Zoë');
INSERT INTO "document_attribute" VALUES('00000000-0000-4000-8000-0000000000d1','00000000-0000-4000-8000-0000000000f4','notes 📝');
INSERT INTO "document_attribute" VALUES('00000000-0000-4000-8000-0000000000d3','00000000-0000-4000-8000-0000000000f2','2022');
INSERT INTO "document_attribute" VALUES('00000000-0000-4000-8000-0000000000d3','00000000-0000-4000-8000-0000000000f3','2022-01-10');
INSERT INTO "document_attribute" VALUES('00000000-0000-4000-8000-0000000000d3','00000000-0000-4000-8000-0000000000f4','op-ed');
INSERT INTO "document_attribute" VALUES('00000000-0000-4000-8000-0000000000d5','00000000-0000-4000-8000-0000000000f2','-3.5e6');
CREATE TABLE document_set (
	id VARCHAR(36) NOT NULL, 
	name VARCHAR(200) NOT NULL, 
	CONSTRAINT pk_document_set PRIMARY KEY (id), 
	CONSTRAINT uq_document_set_name UNIQUE (name)
);
INSERT INTO "document_set" VALUES('00000000-0000-4000-8000-0000000000e1','reading list — week 1');
CREATE TABLE document_set_member (
	set_id VARCHAR(36) NOT NULL, 
	document_id VARCHAR(36) NOT NULL, 
	CONSTRAINT pk_document_set_member PRIMARY KEY (set_id, document_id), 
	CONSTRAINT fk_document_set_member_set_id_document_set FOREIGN KEY(set_id) REFERENCES document_set (id) ON DELETE CASCADE, 
	CONSTRAINT fk_document_set_member_document_id_document FOREIGN KEY(document_id) REFERENCES document (id) ON DELETE CASCADE
);
INSERT INTO "document_set_member" VALUES('00000000-0000-4000-8000-0000000000e1','00000000-0000-4000-8000-0000000000d1');
INSERT INTO "document_set_member" VALUES('00000000-0000-4000-8000-0000000000e1','00000000-0000-4000-8000-0000000000d4');
INSERT INTO "document_set_member" VALUES('00000000-0000-4000-8000-0000000000e1','00000000-0000-4000-8000-0000000000d5');
CREATE TABLE document_version (
	id VARCHAR(36) NOT NULL, 
	document_id VARCHAR(36) NOT NULL, 
	version INTEGER NOT NULL, 
	text TEXT NOT NULL, 
	sha256 VARCHAR(64) NOT NULL, 
	created DATETIME NOT NULL, 
	note TEXT DEFAULT '' NOT NULL, 
	CONSTRAINT pk_document_version PRIMARY KEY (id), 
	CONSTRAINT ck_document_version_version CHECK ("version" >= 1), 
	CONSTRAINT fk_document_version_document_id_document FOREIGN KEY(document_id) REFERENCES document (id) ON DELETE CASCADE, 
	CONSTRAINT uq_document_version_document_id_version UNIQUE (document_id, version)
);
INSERT INTO "document_version" VALUES('00000000-0000-4000-8000-0000000000b1','00000000-0000-4000-8000-0000000000d5',1,'Minutes of the tenants’ meeting, 3 March
Present: Zoë, Ahmed, Dvořák, יעל 🙂 and the caretaker.
The rent rises to 420 € a month from April.
Repairs: the lift is broken again; Zoë will call the owner 👷🏽‍♀️.
Next meeting: Tuesday, in room B.
','590bac16eae4df6d07f15c1bb46291112630e1478755e0464d205e02b9f0e7b1','2026-11-25 09:00:00.250000','Erratum: the rent is 450 €, not 420 €; no date for the next meeting yet');
INSERT INTO "document_version" VALUES('00000000-0000-4000-8000-0000000000b2','00000000-0000-4000-8000-0000000000d5',2,'Minutes of the tenants’ meeting, 3 March
Present: Zoë, Ahmed, Dvořák, יעל 🙂 and the caretaker.
The rent rises to 450 € a month from April.
Repairs: the lift is broken again; Zoë will call the owner 👷🏽‍♀️.
Dates of meetings are put up on the notice board.
','a3a531602eb3667744a4d8e21285d0b643f106b5366fabae96bd1358d6699a26','2026-11-26 17:45:00.000000','Second edition: who chaired (פרוטוקול); the repairs item 🛠️ was struck out');
CREATE TABLE journal_entry (
	id VARCHAR(36) NOT NULL, 
	created DATETIME NOT NULL, 
	modified DATETIME NOT NULL, 
	author VARCHAR(200) DEFAULT '' NOT NULL, 
	title TEXT DEFAULT '' NOT NULL, 
	body TEXT DEFAULT '' NOT NULL, 
	CONSTRAINT pk_journal_entry PRIMARY KEY (id)
);
INSERT INTO "journal_entry" VALUES('00000000-0000-4000-8000-0000000000b1','2026-11-23 08:00:00.000000','2026-11-23 08:30:00.500000','ada','Start','Coding round one.
The codebook has four tags.');
INSERT INTO "journal_entry" VALUES('00000000-0000-4000-8000-0000000000b2','2026-11-24 09:00:00.000000','2026-11-24 09:00:00.000000','','','הערה 🦊');
CREATE TABLE "tag" (
	id VARCHAR(36) NOT NULL, 
	name VARCHAR(200) NOT NULL, 
	color VARCHAR(16) NOT NULL, 
	description TEXT DEFAULT ('') NOT NULL, 
	shortcut VARCHAR(32) NOT NULL, 
	sort_order INTEGER NOT NULL, 
	parent_id VARCHAR(36), 
	CONSTRAINT pk_tag PRIMARY KEY (id), 
	CONSTRAINT fk_tag_parent_id_tag FOREIGN KEY(parent_id) REFERENCES tag (id)
);
INSERT INTO "tag" VALUES('00000000-0000-4000-8000-0000000000a1','claim','#f4a261','An assertion the author wants the reader to accept.','1',0,NULL);
INSERT INTO "tag" VALUES('00000000-0000-4000-8000-0000000000a2','evidence','#2a9d8f','Facts, data, quotations or sources offered in support of a claim.','2',1,NULL);
INSERT INTO "tag" VALUES('00000000-0000-4000-8000-0000000000a3','speculation','#9b5de5','A guess, prediction or possibility the author does not establish.','3',2,NULL);
INSERT INTO "tag" VALUES('00000000-0000-4000-8000-0000000000a4','strong claim 💪','#e76f51','A claim stated as certain; a child of claim.','',3,'00000000-0000-4000-8000-0000000000a1');
CREATE INDEX ix_document_sha256 ON document (sha256);
CREATE INDEX ix_document_version_sha256 ON document_version (sha256);
CREATE INDEX ix_annotation_document_start ON annotation (document_id, start, "end", id);
CREATE INDEX ix_annotation_document_anchor ON annotation (document_id, anchor_status);
CREATE INDEX ix_document_id_sha256 ON document (id, sha256);
CREATE UNIQUE INDEX uq_tag_sibling_name ON tag (coalesce(parent_id, ''), name);
CREATE INDEX ix_tag_parent_id ON tag (parent_id);
COMMIT;
