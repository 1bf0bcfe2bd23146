ALTER TABLE `runs` ADD `head_activation` text DEFAULT 'relu' NOT NULL;--> statement-breakpoint
CREATE INDEX `runs_head_activation_idx` ON `runs` (`head_activation`,`id`);