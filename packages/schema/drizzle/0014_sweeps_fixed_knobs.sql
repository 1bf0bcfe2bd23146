ALTER TABLE `sweeps` ADD `fixed` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
-- The four fixed knobs sweeps kept as columns move into `fixed`; every run of a sweep shares the
-- sweep's other fixed knobs (the callbacks), so one of its runs gives those.
UPDATE `sweeps` SET `fixed` = COALESCE(
  (SELECT json_object(
      'epochs', `sweeps`.`epochs`,
      'fineTuneEpochs', `sweeps`.`fine_tune_epochs`,
      'batchSize', `sweeps`.`batch_size`,
      'validationSplit', `sweeps`.`validation_split`,
      'earlyStoppingPatience', r.`early_stopping_patience`,
      'reduceLrPatience', r.`reduce_lr_patience`,
      'reduceLrFactor', r.`reduce_lr_factor`,
      'minLearningRate', r.`min_learning_rate`)
    FROM `runs` r WHERE r.`sweep_id` = `sweeps`.`id` ORDER BY r.`id` LIMIT 1),
  json_object(
    'epochs', `epochs`,
    'fineTuneEpochs', `fine_tune_epochs`,
    'batchSize', `batch_size`,
    'validationSplit', `validation_split`)
);
