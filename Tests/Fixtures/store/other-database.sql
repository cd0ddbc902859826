-- A SQLite database of another program: a results store must not be written into it.
CREATE TABLE contacts (name TEXT NOT NULL, extension TEXT);
INSERT INTO contacts VALUES ('Front desk', '100');
