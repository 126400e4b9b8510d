CREATE TABLE `expense_totals` (
	`currency` text NOT NULL,
	`status` text NOT NULL,
	`type` text NOT NULL,
	`category_key` text NOT NULL,
	`source` text NOT NULL,
	`billable` integer NOT NULL,
	`locked` integer NOT NULL,
	`exported` integer NOT NULL,
	`has_attachment` integer NOT NULL,
	`paid` integer NOT NULL,
	`count` integer NOT NULL,
	`net_minor` integer NOT NULL,
	`tax_minor` integer NOT NULL,
	`gross_minor` integer NOT NULL,
	PRIMARY KEY(`currency`, `status`, `type`, `category_key`, `source`, `billable`, `locked`, `exported`, `has_attachment`, `paid`)
);
--> statement-breakpoint
DROP INDEX `expenses_deleted`;--> statement-breakpoint
DROP INDEX `expenses_issued`;--> statement-breakpoint
DROP INDEX `expenses_created`;--> statement-breakpoint
DROP INDEX `expenses_gross`;--> statement-breakpoint
DROP INDEX `expenses_vendor_name`;--> statement-breakpoint
DROP INDEX `expenses_status_issued`;--> statement-breakpoint
DROP INDEX `expenses_category_issued`;--> statement-breakpoint
DROP INDEX `expenses_vendor_issued`;--> statement-breakpoint
DROP INDEX `expenses_remote_id`;--> statement-breakpoint
CREATE INDEX `expenses_unpaid` ON `expenses` (`due_at`,`issued_at`,`row_id`,`created_at`,`gross_minor`,`vendor_name`,`currency`,`net_minor`,`tax_minor`,`paid_at`,`deleted_at`) WHERE paid_at IS NULL AND deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `expenses_amounts` ON `expenses` (`row_id`,`issued_at`,`created_at`,`gross_minor`,`vendor_name`,`currency`,`net_minor`,`tax_minor`,`deleted_at`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `expenses_trashed` ON `expenses` (`deleted_at`) WHERE deleted_at IS NOT NULL;--> statement-breakpoint
CREATE INDEX `expenses_issued` ON `expenses` (`issued_at`,`row_id`,`currency`,`net_minor`,`tax_minor`,`gross_minor`,`deleted_at`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `expenses_created` ON `expenses` (`created_at`,`row_id`,`deleted_at`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `expenses_gross` ON `expenses` (`gross_minor`,`row_id`,`currency`,`net_minor`,`tax_minor`,`deleted_at`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `expenses_vendor_name` ON `expenses` ("vendor_name" COLLATE NOCASE,`row_id`,`deleted_at`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `expenses_status_issued` ON `expenses` (`status`,`issued_at`,`row_id`,`created_at`,`gross_minor`,`vendor_name`,`currency`,`net_minor`,`tax_minor`,`deleted_at`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `expenses_category_issued` ON `expenses` (`category_id`,`issued_at`,`row_id`,`created_at`,`gross_minor`,`vendor_name`,`currency`,`net_minor`,`tax_minor`,`deleted_at`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `expenses_vendor_issued` ON `expenses` (`vendor_id`,`issued_at`,`row_id`,`created_at`,`gross_minor`,`vendor_name`,`currency`,`net_minor`,`tax_minor`,`deleted_at`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `expenses_remote_id` ON `expenses` (`remote_id`) WHERE remote_id IS NOT NULL;