-- Loss and accuracy become nullable: a diverged epoch is stored as NULL, not as the Number.MAX_VALUE
-- sentinel agents used to send (JSON has no NaN), which this rewrite turns back into NULL.
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_epochs` (
	`run_id` text NOT NULL,
	`epoch` integer NOT NULL,
	`attempt` integer DEFAULT 1 NOT NULL,
	`phase` text NOT NULL,
	`loss` real,
	`accuracy` real,
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
INSERT INTO `__new_epochs`("run_id", "epoch", "attempt", "phase", "loss", "accuracy", "val_loss", "val_accuracy", "learning_rate", "duration_ms", "images_per_sec", "created_at") SELECT "run_id", "epoch", "attempt", "phase", CASE WHEN abs("loss") >= 1.7e308 THEN NULL ELSE "loss" END, CASE WHEN abs("accuracy") >= 1.7e308 THEN NULL ELSE "accuracy" END, "val_loss", "val_accuracy", "learning_rate", "duration_ms", "images_per_sec", "created_at" FROM `epochs`;--> statement-breakpoint
DROP TABLE `epochs`;--> statement-breakpoint
ALTER TABLE `__new_epochs` RENAME TO `epochs`;--> statement-breakpoint
PRAGMA foreign_keys=ON;