CREATE TABLE `answer_receipts` (
	`nullifier` text PRIMARY KEY NOT NULL,
	`round_id` integer NOT NULL,
	`answered_day_sealed` text NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `answer_receipts_round` ON `answer_receipts` (`round_id`);--> statement-breakpoint
CREATE TABLE `daily_response_counts` (
	`round_id` integer NOT NULL,
	`day` text NOT NULL,
	`responses` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`round_id`, `day`),
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `sealed_responses` (
	`id` integer PRIMARY KEY NOT NULL,
	`round_id` integer NOT NULL,
	`sealed` blob NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sealed_responses_round` ON `sealed_responses` (`round_id`);--> statement-breakpoint
ALTER TABLE `rounds` ADD `last_reminded_at` text;--> statement-breakpoint
ALTER TABLE `rounds` ADD `anonymity_threshold` integer;--> statement-breakpoint
ALTER TABLE `outgoing_mail` ADD `sealed` blob;--> statement-breakpoint
-- Data of an existing installation, carried over before the columns go. What needs the secret key (answer
-- receipts keyed to invitations, sealed mail) is held in two tables that src/db/upgrade.ts empties and drops at start.
UPDATE `rounds` SET `anonymity_threshold` = (SELECT `anonymity_threshold` FROM `networks` WHERE `networks`.`id` = `rounds`.`network_id`) WHERE `status` <> 'draft';--> statement-breakpoint
INSERT INTO `daily_response_counts` (`round_id`, `day`, `responses`) SELECT `round_id`, `submitted_on`, count(*) FROM `responses` GROUP BY `round_id`, `submitted_on`;--> statement-breakpoint
CREATE TABLE `upgrade_used_invitations` AS SELECT `id` AS `invitation_id`, `round_id`, coalesce(`used_day_sealed`, '') AS `answered_day_sealed` FROM `invitations` WHERE `used` = 1;--> statement-breakpoint
CREATE TABLE `upgrade_unsealed_mail` AS SELECT `id`, `recipient`, `subject`, `text_body`, `html_body`, `reply_to`, `sender_name` FROM `outgoing_mail` WHERE `status` IN ('queued', 'outbox', 'failed') AND `text_body` <> '';--> statement-breakpoint
ALTER TABLE `outgoing_mail` DROP COLUMN `reply_to`;--> statement-breakpoint
ALTER TABLE `outgoing_mail` DROP COLUMN `sender_name`;--> statement-breakpoint
ALTER TABLE `outgoing_mail` DROP COLUMN `recipient`;--> statement-breakpoint
ALTER TABLE `outgoing_mail` DROP COLUMN `subject`;--> statement-breakpoint
ALTER TABLE `outgoing_mail` DROP COLUMN `text_body`;--> statement-breakpoint
ALTER TABLE `outgoing_mail` DROP COLUMN `html_body`;--> statement-breakpoint
ALTER TABLE `invitations` DROP COLUMN `reminders_sent`;--> statement-breakpoint
ALTER TABLE `invitations` DROP COLUMN `last_reminded_at`;--> statement-breakpoint
ALTER TABLE `invitations` DROP COLUMN `used`;--> statement-breakpoint
ALTER TABLE `invitations` DROP COLUMN `used_day_sealed`;--> statement-breakpoint
ALTER TABLE `responses` DROP COLUMN `submitted_on`;--> statement-breakpoint
ALTER TABLE `responses` DROP COLUMN `language`;--> statement-breakpoint
ALTER TABLE `responses` DROP COLUMN `segments`;