-- Full-text search over what a person remembers about an expense. Contentless (the text already
-- lives in expenses), with contentless_delete so rows can be removed and updated in place.
CREATE VIRTUAL TABLE `expenses_fts` USING fts5(
	title, vendor, description, notes, ocr_text,
	content = '', contentless_delete = 1,
	tokenize = 'unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE TRIGGER `expenses_fts_insert` AFTER INSERT ON `expenses` BEGIN
	INSERT INTO expenses_fts(rowid, title, vendor, description, notes, ocr_text)
	VALUES (new.row_id, new.title, new.vendor_name, new.description, new.notes, new.ocr_text);
END;
--> statement-breakpoint
CREATE TRIGGER `expenses_fts_update` AFTER UPDATE OF title, vendor_name, description, notes, ocr_text ON `expenses` BEGIN
	DELETE FROM expenses_fts WHERE rowid = old.row_id;
	INSERT INTO expenses_fts(rowid, title, vendor, description, notes, ocr_text)
	VALUES (new.row_id, new.title, new.vendor_name, new.description, new.notes, new.ocr_text);
END;
--> statement-breakpoint
CREATE TRIGGER `expenses_fts_delete` AFTER DELETE ON `expenses` BEGIN
	DELETE FROM expenses_fts WHERE rowid = old.row_id;
END;
--> statement-breakpoint
INSERT INTO expenses_fts(rowid, title, vendor, description, notes, ocr_text)
SELECT row_id, title, vendor_name, description, notes, ocr_text FROM expenses;
