CREATE TABLE `do_not_invite` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`network_id` integer NOT NULL,
	`email_hash` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`network_id`) REFERENCES `networks`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `do_not_invite_network_email_unique` ON `do_not_invite` (`network_id`,`email_hash`);--> statement-breakpoint
ALTER TABLE `networks` ADD `invitation_retention_days` integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE `networks` ADD `inactive_member_retention_months` integer DEFAULT 12 NOT NULL;--> statement-breakpoint
ALTER TABLE `networks` ADD `privacy_notice` text;--> statement-breakpoint
ALTER TABLE `rounds` ADD `invited_total` integer;--> statement-breakpoint
ALTER TABLE `rounds` ADD `invitations_erased_at` text;