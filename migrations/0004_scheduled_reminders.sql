CREATE TABLE `sent_reminders` (
	`round_id` integer NOT NULL,
	`days_before` integer NOT NULL,
	`sent_at` text NOT NULL,
	PRIMARY KEY(`round_id`, `days_before`),
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `rounds` ADD `reminder_days` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
-- An existing round keeps its one reminder, and a reminder already sent stays sent.
UPDATE `rounds` SET `reminder_days` = json_array(`reminder_days_before`) WHERE `reminder_days_before` IS NOT NULL;--> statement-breakpoint
INSERT INTO `sent_reminders` (`round_id`, `days_before`, `sent_at`) SELECT `id`, `reminder_days_before`, `reminder_sent_at` FROM `rounds` WHERE `reminder_sent_at` IS NOT NULL AND `reminder_days_before` IS NOT NULL;--> statement-breakpoint
ALTER TABLE `rounds` DROP COLUMN `reminder_days_before`;--> statement-breakpoint
ALTER TABLE `rounds` DROP COLUMN `reminder_sent_at`;