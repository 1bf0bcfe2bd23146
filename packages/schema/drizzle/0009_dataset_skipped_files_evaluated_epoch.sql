ALTER TABLE `datasets` ADD `skipped_files` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `evaluations` ADD `evaluated_epoch` integer;--> statement-breakpoint
ALTER TABLE `evaluations` ADD `skipped_files` text DEFAULT '[]' NOT NULL;