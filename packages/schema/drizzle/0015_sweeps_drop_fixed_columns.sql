ALTER TABLE `sweeps` DROP COLUMN `epochs`;--> statement-breakpoint
ALTER TABLE `sweeps` DROP COLUMN `fine_tune_epochs`;--> statement-breakpoint
ALTER TABLE `sweeps` DROP COLUMN `batch_size`;--> statement-breakpoint
ALTER TABLE `sweeps` DROP COLUMN `validation_split`;