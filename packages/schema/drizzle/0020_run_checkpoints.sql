CREATE TABLE `run_checkpoints` (
	`run_id` text PRIMARY KEY NOT NULL,
	`attempt` integer NOT NULL,
	`weights_sha256` text NOT NULL,
	`dataset_sha256` text,
	`bytes` integer NOT NULL,
	`files` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`run_id`) REFERENCES `runs`(`id`) ON UPDATE no action ON DELETE cascade
);
