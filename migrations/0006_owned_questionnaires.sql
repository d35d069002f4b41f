CREATE TABLE `owned_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`network_id` integer NOT NULL,
	`key` text NOT NULL,
	`parent_version` integer,
	`json` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`version` integer,
	`own_number` integer,
	`content_hash` text,
	`created_by` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`published_at` text,
	FOREIGN KEY (`network_id`) REFERENCES `networks`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `owned_versions_network` ON `owned_versions` (`network_id`,`key`);--> statement-breakpoint
CREATE UNIQUE INDEX `owned_versions_number` ON `owned_versions` (`key`,`version`);