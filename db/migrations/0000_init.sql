CREATE TABLE `activity_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` text NOT NULL,
	`action` text NOT NULL,
	`details` text,
	`actor` text DEFAULT 'user' NOT NULL,
	`at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `activity_entity` ON `activity_log` (`entity_type`,`entity_id`,`id`);--> statement-breakpoint
CREATE TABLE `attachments` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`remote_id` text,
	`expense_id` text NOT NULL,
	`kind` text NOT NULL,
	`sha256` text NOT NULL,
	`stored_path` text NOT NULL,
	`mime_type` text NOT NULL,
	`size` integer NOT NULL,
	`original_name` text,
	`page` integer,
	`width` integer,
	`height` integer,
	FOREIGN KEY (`expense_id`) REFERENCES `expenses`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `attachments_expense` ON `attachments` (`expense_id`,`kind`);--> statement-breakpoint
CREATE INDEX `attachments_sha256` ON `attachments` (`sha256`,`kind`);--> statement-breakpoint
CREATE TABLE `categories` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`remote_id` text,
	`name` text NOT NULL,
	`color` text NOT NULL,
	`account_type` text NOT NULL,
	`account_code` text,
	`is_default` integer DEFAULT false NOT NULL,
	`default_key` text,
	`sort_order` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `categories_name_live` ON `categories` ("name" COLLATE NOCASE) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `categories_default_key` ON `categories` (`default_key`);--> statement-breakpoint
CREATE TABLE `comments` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`remote_id` text,
	`expense_id` text NOT NULL,
	`body` text NOT NULL,
	FOREIGN KEY (`expense_id`) REFERENCES `expenses`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `comments_expense` ON `comments` (`expense_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `expense_positions` (
	`id` text PRIMARY KEY NOT NULL,
	`expense_id` text NOT NULL,
	`sort_order` integer NOT NULL,
	`description` text,
	`total_minor` integer NOT NULL,
	`vat_rate_bp` integer NOT NULL,
	`mode` text NOT NULL,
	`account_no` text,
	FOREIGN KEY (`expense_id`) REFERENCES `expenses`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `expense_positions_expense` ON `expense_positions` (`expense_id`,`sort_order`);--> statement-breakpoint
CREATE TABLE `expenses` (
	`id` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`remote_id` text,
	`row_id` integer PRIMARY KEY NOT NULL,
	`type` text NOT NULL,
	`status` text NOT NULL,
	`reject_reason` text,
	`title` text NOT NULL,
	`description` text,
	`vendor_id` text,
	`vendor_name` text,
	`issued_at` text NOT NULL,
	`due_at` text,
	`approved_at` text,
	`paid_at` text,
	`reference` text,
	`iban` text,
	`bic` text,
	`currency` text NOT NULL,
	`net_minor` integer DEFAULT 0 NOT NULL,
	`tax_minor` integer DEFAULT 0 NOT NULL,
	`gross_minor` integer DEFAULT 0 NOT NULL,
	`category_id` text,
	`project` text,
	`customer` text,
	`payment_method` text,
	`notes` text,
	`custom_fields` text,
	`billable` integer DEFAULT false NOT NULL,
	`budget_relevant` integer DEFAULT true NOT NULL,
	`locked` integer DEFAULT false NOT NULL,
	`exported` integer DEFAULT false NOT NULL,
	`source` text NOT NULL,
	`is_processing` integer DEFAULT false NOT NULL,
	`has_attachment` integer DEFAULT false NOT NULL,
	`ocr_text` text,
	`extracted` text,
	`duplicate_of_id` text,
	FOREIGN KEY (`vendor_id`) REFERENCES `vendors`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`category_id`) REFERENCES `categories`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `expenses_id_unique` ON `expenses` (`id`);--> statement-breakpoint
CREATE INDEX `expenses_issued` ON `expenses` (`issued_at`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `expenses_created` ON `expenses` (`created_at`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `expenses_gross` ON `expenses` (`gross_minor`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `expenses_vendor_name` ON `expenses` ("vendor_name" COLLATE NOCASE) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `expenses_status_issued` ON `expenses` (`status`,`issued_at`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `expenses_category_issued` ON `expenses` (`category_id`,`issued_at`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `expenses_vendor_issued` ON `expenses` (`vendor_id`,`issued_at`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `expenses_deleted` ON `expenses` (`deleted_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `expenses_remote_id` ON `expenses` (`remote_id`);--> statement-breakpoint
CREATE TABLE `intake_jobs` (
	`id` text PRIMARY KEY NOT NULL,
	`source_path` text NOT NULL,
	`original_name` text NOT NULL,
	`source` text NOT NULL,
	`sha256` text,
	`size` integer,
	`state` text NOT NULL,
	`stage` text,
	`progress` integer DEFAULT 0 NOT NULL,
	`error_code` text,
	`error_message` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_retry_at` text,
	`expense_id` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `intake_jobs_state` ON `intake_jobs` (`state`,`next_retry_at`);--> statement-breakpoint
CREATE INDEX `intake_jobs_sha256` ON `intake_jobs` (`sha256`);--> statement-breakpoint
CREATE TABLE `sync_outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` text NOT NULL,
	`op` text NOT NULL,
	`fields` text,
	`payload` text,
	`state` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text,
	`last_error_code` text,
	`last_error_message` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sync_outbox_state` ON `sync_outbox` (`state`,`next_attempt_at`,`id`);--> statement-breakpoint
CREATE INDEX `sync_outbox_entity` ON `sync_outbox` (`entity_type`,`entity_id`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `expense_tags` (
	`expense_id` text NOT NULL,
	`tag_id` text NOT NULL,
	PRIMARY KEY(`expense_id`, `tag_id`),
	FOREIGN KEY (`expense_id`) REFERENCES `expenses`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`tag_id`) REFERENCES `tags`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `expense_tags_tag` ON `expense_tags` (`tag_id`,`expense_id`);--> statement-breakpoint
CREATE TABLE `tags` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`remote_id` text,
	`name` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tags_name_live` ON `tags` ("name" COLLATE NOCASE) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE TABLE `vendors` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`remote_id` text,
	`name` text NOT NULL,
	`normalized_name` text NOT NULL,
	`address` text,
	`iban` text,
	`bic` text,
	`vat_id` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `vendors_normalized_live` ON `vendors` (`normalized_name`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `vendors_iban` ON `vendors` (`iban`);--> statement-breakpoint
CREATE INDEX `vendors_vat_id` ON `vendors` (`vat_id`);