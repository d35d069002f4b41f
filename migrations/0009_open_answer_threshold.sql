ALTER TABLE `networks` ADD `open_answer_threshold` integer DEFAULT 5 NOT NULL;--> statement-breakpoint
ALTER TABLE `rounds` ADD `open_answer_threshold` integer;--> statement-breakpoint
UPDATE `networks` SET `open_answer_threshold` = max(`anonymity_threshold`, 5);--> statement-breakpoint
UPDATE `rounds` SET `open_answer_threshold` = max(`anonymity_threshold`, 5) WHERE `anonymity_threshold` IS NOT NULL;
