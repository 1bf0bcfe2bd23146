CREATE TABLE `agents` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`host` text NOT NULL,
	`backend` text NOT NULL,
	`cores` integer NOT NULL,
	`gpu` text,
	`last_heartbeat_at` integer NOT NULL,
	`current_run_id` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `agents_name_uq` ON `agents` (`name`);--> statement-breakpoint
CREATE TABLE `artifacts` (
	`id` text PRIMARY KEY NOT NULL,
	`run_id` text NOT NULL,
	`kind` text NOT NULL,
	`uri` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`run_id`) REFERENCES `runs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `artifacts_run_idx` ON `artifacts` (`run_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `datasets` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`path` text NOT NULL,
	`classes` text NOT NULL,
	`image_count` integer NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `datasets_path_uq` ON `datasets` (`path`);--> statement-breakpoint
CREATE INDEX `datasets_created_at_idx` ON `datasets` (`created_at`,`id`);--> statement-breakpoint
CREATE TABLE `epochs` (
	`run_id` text NOT NULL,
	`epoch` integer NOT NULL,
	`phase` text NOT NULL,
	`loss` real NOT NULL,
	`accuracy` real NOT NULL,
	`val_loss` real,
	`val_accuracy` real,
	`learning_rate` real NOT NULL,
	`duration_ms` real NOT NULL,
	`images_per_sec` real NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`run_id`, `epoch`),
	FOREIGN KEY (`run_id`) REFERENCES `runs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `evaluations` (
	`run_id` text PRIMARY KEY NOT NULL,
	`labels` text NOT NULL,
	`confusion_matrix` text NOT NULL,
	`per_class` text NOT NULL,
	`misclassified` text NOT NULL,
	`accuracy` real NOT NULL,
	`macro_f1` real NOT NULL,
	`weighted_f1` real NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`run_id`) REFERENCES `runs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `experiments` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`description` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `experiments_created_at_idx` ON `experiments` (`created_at`,`id`);--> statement-breakpoint
CREATE TABLE `notes` (
	`id` text PRIMARY KEY NOT NULL,
	`run_id` text NOT NULL,
	`text` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`run_id`) REFERENCES `runs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `notes_run_idx` ON `notes` (`run_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `run_tags` (
	`run_id` text NOT NULL,
	`tag` text NOT NULL,
	PRIMARY KEY(`run_id`, `tag`),
	FOREIGN KEY (`run_id`) REFERENCES `runs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `run_tags_tag_idx` ON `run_tags` (`tag`,`run_id`);--> statement-breakpoint
CREATE TABLE `runs` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`status` text NOT NULL,
	`experiment_id` text,
	`sweep_id` text,
	`dataset_id` text NOT NULL,
	`base_model` text NOT NULL,
	`input_size` integer NOT NULL,
	`head_units` text NOT NULL,
	`head_units_total` integer NOT NULL,
	`dropout` real NOT NULL,
	`augmentation` text NOT NULL,
	`optimizer` text NOT NULL,
	`learning_rate` real NOT NULL,
	`epochs` integer NOT NULL,
	`fine_tune_layers` integer NOT NULL,
	`fine_tune_epochs` integer NOT NULL,
	`fine_tune_learning_rate` real NOT NULL,
	`batch_size` integer NOT NULL,
	`seed` integer NOT NULL,
	`validation_split` real NOT NULL,
	`early_stopping_patience` integer,
	`backend` text,
	`agent_id` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`lease_expires_at` integer,
	`stop_requested` text,
	`created_at` integer NOT NULL,
	`started_at` integer,
	`finished_at` integer,
	`duration_ms` real,
	`error` text,
	`stop_reason` text,
	`best_val_accuracy` real,
	`best_epoch` integer,
	`final_val_accuracy` real,
	`final_val_loss` real,
	`epoch_count` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`experiment_id`) REFERENCES `experiments`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`sweep_id`) REFERENCES `sweeps`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`dataset_id`) REFERENCES `datasets`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agent_id`) REFERENCES `agents`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `runs_status_created_idx` ON `runs` (`status`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `runs_experiment_idx` ON `runs` (`experiment_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `runs_sweep_idx` ON `runs` (`sweep_id`,`status`);--> statement-breakpoint
CREATE INDEX `runs_dataset_idx` ON `runs` (`dataset_id`);--> statement-breakpoint
CREATE INDEX `runs_agent_idx` ON `runs` (`agent_id`);--> statement-breakpoint
CREATE INDEX `runs_lease_idx` ON `runs` (`status`,`lease_expires_at`);--> statement-breakpoint
CREATE INDEX `runs_created_at_idx` ON `runs` (`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `runs_started_at_idx` ON `runs` (`started_at`,`id`);--> statement-breakpoint
CREATE INDEX `runs_finished_at_idx` ON `runs` (`finished_at`,`id`);--> statement-breakpoint
CREATE INDEX `runs_duration_ms_idx` ON `runs` (`duration_ms`,`id`);--> statement-breakpoint
CREATE INDEX `runs_name_idx` ON `runs` (`name`,`id`);--> statement-breakpoint
CREATE INDEX `runs_base_model_idx` ON `runs` (`base_model`,`id`);--> statement-breakpoint
CREATE INDEX `runs_input_size_idx` ON `runs` (`input_size`,`id`);--> statement-breakpoint
CREATE INDEX `runs_head_units_total_idx` ON `runs` (`head_units_total`,`id`);--> statement-breakpoint
CREATE INDEX `runs_dropout_idx` ON `runs` (`dropout`,`id`);--> statement-breakpoint
CREATE INDEX `runs_augmentation_idx` ON `runs` (`augmentation`,`id`);--> statement-breakpoint
CREATE INDEX `runs_learning_rate_idx` ON `runs` (`learning_rate`,`id`);--> statement-breakpoint
CREATE INDEX `runs_fine_tune_layers_idx` ON `runs` (`fine_tune_layers`,`id`);--> statement-breakpoint
CREATE INDEX `runs_fine_tune_learning_rate_idx` ON `runs` (`fine_tune_learning_rate`,`id`);--> statement-breakpoint
CREATE INDEX `runs_epochs_idx` ON `runs` (`epochs`,`id`);--> statement-breakpoint
CREATE INDEX `runs_fine_tune_epochs_idx` ON `runs` (`fine_tune_epochs`,`id`);--> statement-breakpoint
CREATE INDEX `runs_batch_size_idx` ON `runs` (`batch_size`,`id`);--> statement-breakpoint
CREATE INDEX `runs_seed_idx` ON `runs` (`seed`,`id`);--> statement-breakpoint
CREATE INDEX `runs_validation_split_idx` ON `runs` (`validation_split`,`id`);--> statement-breakpoint
CREATE INDEX `runs_best_val_accuracy_idx` ON `runs` (`best_val_accuracy`,`id`);--> statement-breakpoint
CREATE INDEX `runs_best_epoch_idx` ON `runs` (`best_epoch`,`id`);--> statement-breakpoint
CREATE INDEX `runs_final_val_accuracy_idx` ON `runs` (`final_val_accuracy`,`id`);--> statement-breakpoint
CREATE INDEX `runs_final_val_loss_idx` ON `runs` (`final_val_loss`,`id`);--> statement-breakpoint
CREATE INDEX `runs_epoch_count_idx` ON `runs` (`epoch_count`,`id`);--> statement-breakpoint
CREATE TABLE `sweeps` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`experiment_id` text NOT NULL,
	`dataset_id` text NOT NULL,
	`strategy` text NOT NULL,
	`search_space` text NOT NULL,
	`max_runs` integer,
	`seed` integer NOT NULL,
	`early_termination` text NOT NULL,
	`epochs` integer NOT NULL,
	`fine_tune_epochs` integer NOT NULL,
	`batch_size` integer NOT NULL,
	`validation_split` real NOT NULL,
	`status` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`experiment_id`) REFERENCES `experiments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`dataset_id`) REFERENCES `datasets`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sweeps_experiment_idx` ON `sweeps` (`experiment_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `sweeps_created_at_idx` ON `sweeps` (`created_at`,`id`);