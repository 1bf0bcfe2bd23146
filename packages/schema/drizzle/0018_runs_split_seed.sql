ALTER TABLE `runs` ADD `split_seed` integer;--> statement-breakpoint
CREATE INDEX `runs_split_seed_idx` ON `runs` (`split_seed`,`id`);