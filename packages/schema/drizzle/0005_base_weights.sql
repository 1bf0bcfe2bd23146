ALTER TABLE `runs` ADD `base_weights` text;--> statement-breakpoint
ALTER TABLE `runs` ADD `base_weights_sha256` text;