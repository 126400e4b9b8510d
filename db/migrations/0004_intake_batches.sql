ALTER TABLE `intake_jobs` ADD `batch_id` text;--> statement-breakpoint
ALTER TABLE `intake_jobs` ADD `source_mtime_ms` real;--> statement-breakpoint
ALTER TABLE `intake_jobs` ADD `outcome` text;--> statement-breakpoint
ALTER TABLE `intake_jobs` ADD `dismissed_at` text;--> statement-breakpoint
CREATE INDEX `intake_jobs_batch` ON `intake_jobs` (`batch_id`);--> statement-breakpoint
CREATE INDEX `intake_jobs_source` ON `intake_jobs` (`source_path`);