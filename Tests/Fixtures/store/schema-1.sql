-- A results store as CallQA wrote it at store schema version 1 (two calls of corpora/en),
-- to test that a store of the first schema is brought up to date and its calls read back.
PRAGMA application_id = 1129398611;
PRAGMA user_version = 1;
PRAGMA foreign_keys = OFF;
BEGIN TRANSACTION;
CREATE TABLE call_item (
    call INTEGER NOT NULL REFERENCES scored_call(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    item_id TEXT NOT NULL,
    status TEXT NOT NULL,
    points REAL NOT NULL,
    max_points REAL NOT NULL,
    critical INTEGER NOT NULL,
    evidence INTEGER NOT NULL,
    PRIMARY KEY (call, position)
) WITHOUT ROWID;
INSERT INTO "call_item" VALUES(1,0,'greeting','pass',15.0,15.0,0,3);
INSERT INTO "call_item" VALUES(1,1,'paraphrase','pass',10.0,10.0,0,1);
INSERT INTO "call_item" VALUES(1,2,'apology','pass',15.0,15.0,0,2);
INSERT INTO "call_item" VALUES(1,3,'empathy','pass',10.0,10.0,0,2);
INSERT INTO "call_item" VALUES(1,4,'customer-name','pass',10.0,10.0,0,2);
INSERT INTO "call_item" VALUES(1,5,'closing','pass',10.0,10.0,0,2);
INSERT INTO "call_item" VALUES(1,6,'forbidden','pass',10.0,10.0,1,0);
INSERT INTO "call_item" VALUES(1,7,'understand-overuse','pass',5.0,5.0,0,0);
INSERT INTO "call_item" VALUES(1,8,'positive-wording','pass',10.0,10.0,0,3);
INSERT INTO "call_item" VALUES(1,9,'negative-wording','pass',5.0,5.0,0,0);
INSERT INTO "call_item" VALUES(1,10,'hold','na',0.0,5.0,0,0);
INSERT INTO "call_item" VALUES(1,11,'interruptions','pass',5.0,5.0,0,0);
INSERT INTO "call_item" VALUES(2,0,'greeting','fail',0.0,15.0,0,0);
INSERT INTO "call_item" VALUES(2,1,'paraphrase','fail',0.0,10.0,0,0);
INSERT INTO "call_item" VALUES(2,2,'apology','fail',0.0,15.0,0,1);
INSERT INTO "call_item" VALUES(2,3,'empathy','fail',0.0,10.0,0,1);
INSERT INTO "call_item" VALUES(2,4,'customer-name','fail',0.0,10.0,0,1);
INSERT INTO "call_item" VALUES(2,5,'closing','fail',0.0,10.0,0,0);
INSERT INTO "call_item" VALUES(2,6,'forbidden','fail',0.0,10.0,1,4);
INSERT INTO "call_item" VALUES(2,7,'understand-overuse','fail',0.0,5.0,0,3);
INSERT INTO "call_item" VALUES(2,8,'positive-wording','fail',0.0,10.0,0,0);
INSERT INTO "call_item" VALUES(2,9,'negative-wording','fail',0.0,5.0,0,3);
INSERT INTO "call_item" VALUES(2,10,'hold','na',0.0,5.0,0,0);
INSERT INTO "call_item" VALUES(2,11,'interruptions','na',0.0,5.0,0,0);
CREATE TABLE call_metadata (
    call INTEGER NOT NULL REFERENCES scored_call(id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (call, key)
) WITHOUT ROWID;
INSERT INTO "call_metadata" VALUES(1,'date','2024-05-09');
INSERT INTO "call_metadata" VALUES(2,'date','2024-05-09');
INSERT INTO "call_metadata" VALUES(1,'queue','billing');
INSERT INTO "call_metadata" VALUES(2,'queue','billing');
CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
INSERT INTO "grdb_migrations" VALUES('v1');
CREATE TABLE rubric (
    id INTEGER PRIMARY KEY,
    rubric_id TEXT NOT NULL,
    version TEXT NOT NULL,
    sha256 TEXT NOT NULL UNIQUE,
    first_stored TEXT NOT NULL
);
INSERT INTO "rubric" VALUES(1,'en-standard','2.0.0','8db82438fd926979a751f5e5de3f0cfc833eb9625a8c7956ce59ea76a5fd4768','2024-05-10T08:00:00Z');
CREATE TABLE scored_call (
    id INTEGER PRIMARY KEY,
    call_id TEXT NOT NULL,
    rubric INTEGER NOT NULL REFERENCES rubric(id),
    agent TEXT,
    day INTEGER,
    score REAL NOT NULL,
    passed INTEGER NOT NULL,
    language TEXT NOT NULL,
    source_path TEXT NOT NULL,
    source_line INTEGER,
    source_index INTEGER NOT NULL,
    stored_at TEXT NOT NULL,
    result TEXT NOT NULL,
    UNIQUE (call_id, rubric)
);
INSERT INTO "scored_call" VALUES(1,'en-billing-101',1,'Maria Lopez',19852,100.0,1,'en','corpora/en/billing-good.txt',1,0,'2024-05-10T08:00:00Z','{"id":"en-billing-101","source":{"path":"corpora/en/billing-good.txt","line":1,"index":0},"agent":"Maria Lopez","language":"en","metadata":{"date":"2024-05-09","queue":"billing"},"rubric":"en-standard","rubricVersion":"2.0.0","rubricSha256":"8db82438fd926979a751f5e5de3f0cfc833eb9625a8c7956ce59ea76a5fd4768","score":100,"passed":true,"criticalFailures":[],"items":[{"id":"greeting","title":"Opening","status":"pass","points":15,"max":15,"critical":false,"note":"said every part (greeting, self-introduction, offer of help) in the agent''s first turn","missing":[],"evidence":[{"turn":0,"speaker":"agent","start":0,"text":"Good morning","phrase":"good morning","kind":"quote","offsets":[0,12]},{"turn":0,"speaker":"agent","start":0,"text":"this is","phrase":"this is","kind":"quote","offsets":[54,61]},{"turn":0,"speaker":"agent","start":0,"text":"How can I help","phrase":"how can I help","kind":"quote","offsets":[69,83]}]},{"id":"paraphrase","title":"Paraphrase and confirm","status":"pass","points":10,"max":10,"critical":false,"note":"restated the customer at turn 4: \"just to confirm\" with the customer''s 2, charges","missing":[],"evidence":[{"turn":4,"speaker":"agent","start":30,"text":"Just to confirm, you see two charges of $86.","phrase":"just to confirm","kind":"quote","offsets":[0,44]}]},{"id":"apology","title":"Apology","status":"pass","points":15,"max":15,"critical":false,"note":"answered the customer''s first trigger (turn 1) with apology","missing":[],"evidence":[{"turn":1,"speaker":"customer","start":5,"text":"charged twice","phrase":"charged ~3 twice","kind":"quote","offsets":[34,47]},{"turn":2,"speaker":"agent","start":14,"text":"sorry","phrase":"sorry","kind":"quote","offsets":[17,22]}]},{"id":"empathy","title":"Empathy","status":"pass","points":10,"max":10,"critical":false,"note":"answered the customer''s first trigger (turn 1) with empathy","missing":[],"evidence":[{"turn":1,"speaker":"customer","start":5,"text":"third time","phrase":"third time","kind":"quote","offsets":[83,93]},{"turn":2,"speaker":"agent","start":14,"text":"I''m sorry you''ve had to","phrase":"I''m sorry you''ve had to","kind":"quote","offsets":[39,62]}]},{"id":"customer-name","title":"Use the customer''s name","status":"pass","points":10,"max":10,"critical":false,"note":"used the customer''s name at turn 2, known from turn 1","missing":[],"evidence":[{"turn":1,"speaker":"customer","start":5,"text":"my name is Daniel Chen","phrase":"my name is","kind":"quote","offsets":[4,26]},{"turn":2,"speaker":"agent","start":14,"text":"Mr. Chen","phrase":"Mr. Chen","kind":"quote","offsets":[0,8]}]},{"id":"closing","title":"Closing","status":"pass","points":10,"max":10,"critical":false,"note":"said every part (satisfaction check, closing thanks) in the agent''s last 4 turns","missing":[],"evidence":[{"turn":8,"speaker":"agent","start":62,"text":"Is there anything else","phrase":"is there anything else","kind":"quote","offsets":[122,144]},{"turn":10,"speaker":"agent","start":71,"text":"Thank you for calling","phrase":"thank you for calling","kind":"quote","offsets":[0,21]}]},{"id":"forbidden","title":"Forbidden phrases","status":"pass","points":10,"max":10,"critical":true,"note":"no forbidden phrase in the agent''s 6 turns","missing":[],"evidence":[]},{"id":"understand-overuse","title":"Don''t keep repeating \"I understand\"","status":"pass","points":5,"max":5,"critical":false,"note":"said 0 times (at most 2 allowed)","missing":[],"evidence":[]},{"id":"positive-wording","title":"Positive wording","status":"pass","points":10,"max":10,"critical":false,"note":"said 3 phrases: \"Let me take care\", \"right now\", \"Absolutely\" (full points at 3)","missing":[],"evidence":[{"turn":2,"speaker":"agent","start":14,"text":"Let me take care","phrase":"let me take care","kind":"quote","offsets":[108,124]},{"turn":2,"speaker":"agent","start":14,"text":"right now","phrase":"right now","kind":"quote","offsets":[141,150]},{"turn":8,"speaker":"agent","start":62,"text":"Absolutely","phrase":"absolutely","kind":"quote","offsets":[0,10]}]},{"id":"negative-wording","title":"Avoid hedging","status":"pass","points":5,"max":5,"critical":false,"note":"said none (full points up to 0, none from 3)","missing":[],"evidence":[]},{"id":"hold","title":"Hold etiquette","status":"na","points":0,"max":5,"critical":false,"note":"no silence of 20 s or more","missing":[],"evidence":[]},{"id":"interruptions","title":"Let the customer finish","status":"pass","points":5,"max":5,"critical":false,"note":"interruptions 0 (the maximum 2)","missing":[],"evidence":[]}],"wording":{"positive":3,"negative":0},"metrics":{"available":true,"duration":75,"agentTalkShare":69.33,"customerTalkShare":30.67,"nonTalkShare":0,"deadAir":{"seconds":0,"count":0,"silences":[]},"interruptions":{"count":0,"list":[]},"rateUnit":"words/min","agentRate":167.31,"customerRate":114.78,"paceRatio":1.46,"responseLatency":{"count":5,"mean":0,"longest":0,"longestTurn":2}}}');
INSERT INTO "scored_call" VALUES(2,'en-billing-102',1,'James Carter',19852,0.0,0,'en','corpora/en/billing-poor.txt',1,0,'2024-05-10T08:00:00Z','{"id":"en-billing-102","source":{"path":"corpora/en/billing-poor.txt","line":1,"index":0},"agent":"James Carter","language":"en","metadata":{"date":"2024-05-09","queue":"billing"},"rubric":"en-standard","rubricVersion":"2.0.0","rubricSha256":"8db82438fd926979a751f5e5de3f0cfc833eb9625a8c7956ce59ea76a5fd4768","score":0,"passed":false,"criticalFailures":["forbidden"],"items":[{"id":"greeting","title":"Opening","status":"fail","points":0,"max":15,"critical":false,"note":"said 0 of 3 parts in the agent''s first turn; missing: greeting, self-introduction, offer of help","missing":["greeting","self-introduction","offer of help"],"evidence":[]},{"id":"paraphrase","title":"Paraphrase and confirm","status":"fail","points":0,"max":10,"critical":false,"note":"confirming phrase: none said in the agent''s 5 turns","missing":["confirming phrase"],"evidence":[]},{"id":"apology","title":"Apology","status":"fail","points":0,"max":15,"critical":false,"note":"no apology within the agent''s next 2 turns after the customer''s first trigger (turn 1)","missing":["apology after turn 1 (\"nobody told me\")"],"evidence":[{"turn":1,"speaker":"customer","start":2.5,"text":"nobody told me","phrase":"nobody told me","kind":"quote","offsets":[63,77]}]},{"id":"empathy","title":"Empathy","status":"fail","points":0,"max":10,"critical":false,"note":"no empathy within the agent''s next 99 turns after the customer''s first trigger (turn 1)","missing":["empathy after turn 1 (\"nobody\")"],"evidence":[{"turn":1,"speaker":"customer","start":2.5,"text":"nobody","phrase":"nobody","kind":"quote","offsets":[63,69]}]},{"id":"customer-name","title":"Use the customer''s name","status":"fail","points":0,"max":10,"critical":false,"note":"the customer''s name was known from turn 1 but the agent never used it (e.g. Mr. Miller/Ms. Miller)","missing":["the customer''s name (Mr. Miller/Ms. Miller)"],"evidence":[{"turn":1,"speaker":"customer","start":2.5,"text":"this is Sarah Miller","phrase":"this is","kind":"quote","offsets":[4,24]}]},{"id":"closing","title":"Closing","status":"fail","points":0,"max":10,"critical":false,"note":"said 0 of 2 parts in the agent''s last 4 turns; missing: satisfaction check, closing thanks","missing":["satisfaction check","closing thanks"],"evidence":[]},{"id":"forbidden","title":"Forbidden phrases","status":"fail","points":0,"max":10,"critical":true,"note":"said 4 forbidden phrases: \"You must have\", \"not my job\", \"I''m really busy\", … — a critical failure","missing":[],"evidence":[{"turn":4,"speaker":"agent","start":15,"text":"You must have","phrase":"you must have","kind":"quote","offsets":[42,55]},{"turn":6,"speaker":"agent","start":28,"text":"not my job","phrase":"not my job","kind":"quote","offsets":[25,35]},{"turn":6,"speaker":"agent","start":28,"text":"I''m really busy","phrase":"I''m really busy","kind":"quote","offsets":[37,52]},{"turn":6,"speaker":"agent","start":28,"text":"you''ll have to call","phrase":"you''ll have to call","kind":"quote","offsets":[60,79]}]},{"id":"understand-overuse","title":"Don''t keep repeating \"I understand\"","status":"fail","points":0,"max":5,"critical":false,"note":"said 3 times: \"I understand\", \"I understand\", \"I understand\"; at most 2 allowed","missing":[],"evidence":[{"turn":4,"speaker":"agent","start":15,"text":"I understand","phrase":"I understand","kind":"quote","offsets":[0,12]},{"turn":6,"speaker":"agent","start":28,"text":"I understand","phrase":"I understand","kind":"quote","offsets":[0,12]},{"turn":8,"speaker":"agent","start":40,"text":"I understand","phrase":"I understand","kind":"quote","offsets":[0,12]}]},{"id":"positive-wording","title":"Positive wording","status":"fail","points":0,"max":10,"critical":false,"note":"said none (full points at 3)","missing":["3 more of positive"],"evidence":[]},{"id":"negative-wording","title":"Avoid hedging","status":"fail","points":0,"max":5,"critical":false,"note":"said 3 phrases: \"Maybe\", \"I''ll try\", \"I''m not sure\" (full points up to 0, none from 3)","missing":[],"evidence":[{"turn":4,"speaker":"agent","start":15,"text":"Maybe","phrase":"maybe","kind":"quote","offsets":[14,19]},{"turn":8,"speaker":"agent","start":40,"text":"I''ll try","phrase":"I''ll try","kind":"quote","offsets":[14,22]},{"turn":8,"speaker":"agent","start":40,"text":"I''m not sure","phrase":"I''m not sure","kind":"quote","offsets":[57,69]}]},{"id":"hold","title":"Hold etiquette","status":"na","points":0,"max":5,"critical":false,"note":"holds cannot be seen: turn 0 has a start time but no end time: metrics need every turn''s start and end","missing":[],"evidence":[]},{"id":"interruptions","title":"Let the customer finish","status":"na","points":0,"max":5,"critical":false,"note":"no interruptions: turn 0 has a start time but no end time: metrics need every turn''s start and end","missing":[],"evidence":[]}],"wording":{"positive":0,"negative":3},"metrics":{"available":false,"reason":"turn 0 has a start time but no end time: metrics need every turn''s start and end"}}');
CREATE INDEX call_metadata_by_key ON call_metadata (key, value);
COMMIT;
