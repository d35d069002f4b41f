CREATE TABLE `networks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`languages` text DEFAULT '["fi","sv","en"]' NOT NULL,
	`anonymity_threshold` integer DEFAULT 5 NOT NULL,
	`collect_segments` integer DEFAULT false NOT NULL,
	`band_strength` real DEFAULT 4 NOT NULL,
	`band_concern` real DEFAULT 3 NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `auth_tokens` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`purpose` text NOT NULL,
	`token_hash` text NOT NULL,
	`user_id` integer,
	`network_id` integer,
	`role` text,
	`email` text,
	`expires_at` text NOT NULL,
	`used_at` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`network_id`) REFERENCES `networks`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `auth_tokens_hash_unique` ON `auth_tokens` (`token_hash`);--> statement-breakpoint
CREATE TABLE `network_roles` (
	`network_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`role` text NOT NULL,
	PRIMARY KEY(`network_id`, `user_id`),
	FOREIGN KEY (`network_id`) REFERENCES `networks`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `network_roles_user` ON `network_roles` (`user_id`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`csrf_token` text NOT NULL,
	`expires_at` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_user` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`password_hash` text NOT NULL,
	`language` text DEFAULT 'fi' NOT NULL,
	`is_admin` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);--> statement-breakpoint
CREATE TABLE `members` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`network_id` integer NOT NULL,
	`name` text NOT NULL,
	`email` text NOT NULL,
	`organisation` text DEFAULT '' NOT NULL,
	`organisation_type` text DEFAULT 'other' NOT NULL,
	`language` text DEFAULT 'fi' NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`network_id`) REFERENCES `networks`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `members_network_email_unique` ON `members` (`network_id`,`email`);--> statement-breakpoint
CREATE INDEX `members_network` ON `members` (`network_id`);--> statement-breakpoint
CREATE TABLE `invitations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`round_id` integer NOT NULL,
	`member_id` integer NOT NULL,
	`token_hash` text,
	`sent_at` text,
	`reminders_sent` integer DEFAULT 0 NOT NULL,
	`last_reminded_at` text,
	`used` integer DEFAULT false NOT NULL,
	`used_day_sealed` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `invitations_round_member_unique` ON `invitations` (`round_id`,`member_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `invitations_token_hash_unique` ON `invitations` (`token_hash`);--> statement-breakpoint
CREATE TABLE `questionnaire_versions` (
	`key` text NOT NULL,
	`version` integer NOT NULL,
	`content_hash` text NOT NULL,
	`first_used_at` text NOT NULL,
	PRIMARY KEY(`key`, `version`)
);
--> statement-breakpoint
CREATE TABLE `rounds` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`network_id` integer NOT NULL,
	`questionnaire_key` text NOT NULL,
	`questionnaire_version` integer NOT NULL,
	`title` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`opens_at` text NOT NULL,
	`closes_at` text NOT NULL,
	`opened_at` text,
	`closed_at` text,
	`reminder_days_before` integer,
	`collect_segments` integer DEFAULT false NOT NULL,
	`recurrence_months` integer,
	`previous_round_id` integer,
	`reminder_sent_at` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`network_id`) REFERENCES `networks`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `rounds_network` ON `rounds` (`network_id`,`opens_at`);--> statement-breakpoint
CREATE INDEX `rounds_status` ON `rounds` (`status`);--> statement-breakpoint
CREATE UNIQUE INDEX `rounds_previous_unique` ON `rounds` (`previous_round_id`);--> statement-breakpoint
CREATE TABLE `item_tallies` (
	`round_id` integer NOT NULL,
	`segment_key` text DEFAULT '' NOT NULL,
	`segment_value` text DEFAULT '' NOT NULL,
	`item_key` text NOT NULL,
	`value` integer NOT NULL,
	`count` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`round_id`, `segment_key`, `segment_value`, `item_key`, `value`),
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `measure_tallies` (
	`round_id` integer NOT NULL,
	`segment_key` text DEFAULT '' NOT NULL,
	`segment_value` text DEFAULT '' NOT NULL,
	`measure` text NOT NULL,
	`n` integer DEFAULT 0 NOT NULL,
	`sum` real DEFAULT 0 NOT NULL,
	`sum_squares` real DEFAULT 0 NOT NULL,
	PRIMARY KEY(`round_id`, `segment_key`, `segment_value`, `measure`),
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `responses` (
	`id` integer PRIMARY KEY NOT NULL,
	`round_id` integer NOT NULL,
	`questionnaire_key` text NOT NULL,
	`questionnaire_version` integer NOT NULL,
	`submitted_on` text NOT NULL,
	`language` text NOT NULL,
	`segments` text DEFAULT '{}' NOT NULL,
	`answers` text NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `responses_round` ON `responses` (`round_id`);--> statement-breakpoint
CREATE TABLE `actions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`network_id` integer NOT NULL,
	`round_id` integer NOT NULL,
	`measure` text NOT NULL,
	`description` text NOT NULL,
	`owner` text DEFAULT '' NOT NULL,
	`due_on` text,
	`status` text DEFAULT 'planned' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`network_id`) REFERENCES `networks`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `actions_network` ON `actions` (`network_id`,`measure`);--> statement-breakpoint
CREATE TABLE `report_links` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`network_id` integer NOT NULL,
	`token_hash` text NOT NULL,
	`label` text DEFAULT '' NOT NULL,
	`round_ids` text,
	`expires_at` text NOT NULL,
	`revoked_at` text,
	`created_by_user_id` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`network_id`) REFERENCES `networks`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `report_links_token_hash_unique` ON `report_links` (`token_hash`);--> statement-breakpoint
CREATE TABLE `outgoing_mail` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`network_id` integer,
	`round_id` integer,
	`reply_to` text,
	`sender_name` text,
	`kind` text NOT NULL,
	`recipient` text NOT NULL,
	`subject` text NOT NULL,
	`text_body` text NOT NULL,
	`html_body` text NOT NULL,
	`status` text DEFAULT 'queued' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text,
	`last_error` text,
	`created_at` text NOT NULL,
	`sent_at` text,
	FOREIGN KEY (`network_id`) REFERENCES `networks`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `outgoing_mail_status` ON `outgoing_mail` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `outgoing_mail_network` ON `outgoing_mail` (`network_id`);--> statement-breakpoint
CREATE INDEX `outgoing_mail_round` ON `outgoing_mail` (`round_id`);