CREATE TABLE `storage_probe` (
	`id` integer PRIMARY KEY NOT NULL,
	`payload` blob,
	`checked_at` integer
);
