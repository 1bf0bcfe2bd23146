ALTER TABLE `runs` ADD `best_val_loss` real;--> statement-breakpoint
CREATE INDEX `runs_best_val_loss_idx` ON `runs` (`best_val_loss`,`id`);--> statement-breakpoint
-- The best epoch by the one rule of @graft/core/contract (bestEpoch): the lowest finite val_loss, the
-- earlier epoch on a tie; best_val_accuracy and best_val_loss are the values AT it. Runs whose epochs
-- have no finite val_loss (or no epochs) read NULL. Only the run's latest attempt counts (claimRun
-- deletes an earlier attempt's epochs; rows from before attempts were recorded read attempt 1).
-- 9e999 is SQLite's +Infinity; NaN is never stored (SQLite writes it as NULL).
UPDATE `runs` SET (`best_epoch`, `best_val_accuracy`, `best_val_loss`) = (
	SELECT e.`epoch`, e.`val_accuracy`, e.`val_loss` FROM `epochs` e
	WHERE e.`run_id` = `runs`.`id`
		AND e.`attempt` = (SELECT max(a.`attempt`) FROM `epochs` a WHERE a.`run_id` = `runs`.`id`)
		AND e.`val_loss` > -9e999 AND e.`val_loss` < 9e999
	ORDER BY e.`val_loss`, e.`epoch`
	LIMIT 1
);
