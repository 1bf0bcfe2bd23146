ALTER TABLE `sweeps` ADD `idempotency_key` text;--> statement-breakpoint
ALTER TABLE `sweeps` ADD `request_sha256` text;--> statement-breakpoint
CREATE UNIQUE INDEX `sweeps_idempotency_key_uq` ON `sweeps` (`idempotency_key`);