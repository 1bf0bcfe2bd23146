ALTER TABLE `runs` ADD `reduce_lr_patience` integer;--> statement-breakpoint
ALTER TABLE `runs` ADD `reduce_lr_factor` real DEFAULT 0.5 NOT NULL;--> statement-breakpoint
ALTER TABLE `runs` ADD `min_learning_rate` real DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `runs_reduce_lr_patience_idx` ON `runs` (`reduce_lr_patience`,`id`);--> statement-breakpoint
CREATE INDEX `runs_reduce_lr_factor_idx` ON `runs` (`reduce_lr_factor`,`id`);--> statement-breakpoint
CREATE INDEX `runs_min_learning_rate_idx` ON `runs` (`min_learning_rate`,`id`);