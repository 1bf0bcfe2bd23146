CREATE TABLE `run_predictions` (
	`run_id` text PRIMARY KEY NOT NULL,
	`labels` text NOT NULL,
	`files` text NOT NULL,
	`y_true` text NOT NULL,
	`probabilities` blob NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`run_id`) REFERENCES `runs`(`id`) ON UPDATE no action ON DELETE cascade
);
