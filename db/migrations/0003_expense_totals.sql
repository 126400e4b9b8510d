-- Keeps expense_totals (count and net/tax/gross of the live expenses per currency, status, type,
-- category, source, flags and paid-or-not) current with every write to expenses, so that summaries
-- filtered only on those columns add up a few thousand rows instead of scanning the ledger.
-- A row counts while deleted_at IS NULL; moving to or from the trash is an update like any other.
CREATE TRIGGER `expense_totals_insert` AFTER INSERT ON `expenses` WHEN new.deleted_at IS NULL BEGIN
	INSERT INTO expense_totals (currency, status, type, category_key, source, billable, locked, exported, has_attachment, paid, count, net_minor, tax_minor, gross_minor)
	VALUES (new.currency, new.status, new.type, ifnull(new.category_id, ''), new.source, new.billable, new.locked, new.exported, new.has_attachment, new.paid_at IS NOT NULL, 1, new.net_minor, new.tax_minor, new.gross_minor)
	ON CONFLICT DO UPDATE SET count = count + 1, net_minor = net_minor + excluded.net_minor, tax_minor = tax_minor + excluded.tax_minor, gross_minor = gross_minor + excluded.gross_minor;
END;
--> statement-breakpoint
CREATE TRIGGER `expense_totals_update` AFTER UPDATE OF currency, status, type, category_id, source, billable, locked, exported, has_attachment, paid_at, net_minor, tax_minor, gross_minor, deleted_at ON `expenses` BEGIN
	UPDATE expense_totals SET count = count - 1, net_minor = net_minor - old.net_minor, tax_minor = tax_minor - old.tax_minor, gross_minor = gross_minor - old.gross_minor
	WHERE old.deleted_at IS NULL AND currency = old.currency AND status = old.status AND type = old.type AND category_key = ifnull(old.category_id, '')
		AND source = old.source AND billable = old.billable AND locked = old.locked AND exported = old.exported AND has_attachment = old.has_attachment AND paid = (old.paid_at IS NOT NULL);
	INSERT INTO expense_totals (currency, status, type, category_key, source, billable, locked, exported, has_attachment, paid, count, net_minor, tax_minor, gross_minor)
	SELECT new.currency, new.status, new.type, ifnull(new.category_id, ''), new.source, new.billable, new.locked, new.exported, new.has_attachment, new.paid_at IS NOT NULL, 1, new.net_minor, new.tax_minor, new.gross_minor
	WHERE new.deleted_at IS NULL
	ON CONFLICT DO UPDATE SET count = count + 1, net_minor = net_minor + excluded.net_minor, tax_minor = tax_minor + excluded.tax_minor, gross_minor = gross_minor + excluded.gross_minor;
END;
--> statement-breakpoint
CREATE TRIGGER `expense_totals_delete` AFTER DELETE ON `expenses` WHEN old.deleted_at IS NULL BEGIN
	UPDATE expense_totals SET count = count - 1, net_minor = net_minor - old.net_minor, tax_minor = tax_minor - old.tax_minor, gross_minor = gross_minor - old.gross_minor
	WHERE currency = old.currency AND status = old.status AND type = old.type AND category_key = ifnull(old.category_id, '')
		AND source = old.source AND billable = old.billable AND locked = old.locked AND exported = old.exported AND has_attachment = old.has_attachment AND paid = (old.paid_at IS NOT NULL);
END;
--> statement-breakpoint
INSERT INTO expense_totals (currency, status, type, category_key, source, billable, locked, exported, has_attachment, paid, count, net_minor, tax_minor, gross_minor)
SELECT currency, status, type, ifnull(category_id, ''), source, billable, locked, exported, has_attachment, paid_at IS NOT NULL, count(*), sum(net_minor), sum(tax_minor), sum(gross_minor)
FROM expenses WHERE deleted_at IS NULL
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10;
--> statement-breakpoint
-- Complete planner statistics (sqlite_stat1 and sqlite_stat4). Ledgers closed by earlier versions
-- carry statistics sampled under an analysis limit (no stat4, row estimates per status or category
-- off by orders of magnitude) that made listing pick the wrong index; from now on db/client.ts
-- refreshes them without a limit whenever a table grows or shrinks tenfold.
ANALYZE;
