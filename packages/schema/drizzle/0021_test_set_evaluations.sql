CREATE TABLE `test_set_evaluations` (
	`id` text PRIMARY KEY NOT NULL,
	`run_id` text NOT NULL,
	`dataset_id` text NOT NULL,
	`status` text NOT NULL,
	`agent_id` text,
	`lease_expires_at` integer,
	`attempts` integer DEFAULT 0 NOT NULL,
	`error` text,
	`labels` text,
	`confusion_matrix` text,
	`per_class` text,
	`misclassified` text,
	`accuracy` real,
	`macro_f1` real,
	`weighted_f1` real,
	`created_at` integer NOT NULL,
	`completed_at` integer,
	FOREIGN KEY (`run_id`) REFERENCES `runs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`dataset_id`) REFERENCES `datasets`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `test_set_evaluations_run_dataset_idx` ON `test_set_evaluations` (`run_id`,`dataset_id`);--> statement-breakpoint
CREATE INDEX `test_set_evaluations_status_idx` ON `test_set_evaluations` (`status`,`created_at`);