ALTER TABLE `runs` ADD `label_smoothing` real DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `runs_label_smoothing_idx` ON `runs` (`label_smoothing`,`id`);