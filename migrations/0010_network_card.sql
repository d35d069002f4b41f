CREATE TABLE `network_cards` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`network_id` integer NOT NULL,
	`round_id` integer NOT NULL,
	`language` text NOT NULL,
	`members` text DEFAULT '' NOT NULL,
	`goals` text DEFAULT '' NOT NULL,
	`organisation` text DEFAULT '' NOT NULL,
	`image` text DEFAULT '' NOT NULL,
	`quotes` text DEFAULT '[]' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`published_at` text,
	FOREIGN KEY (`network_id`) REFERENCES `networks`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `network_cards_network_round_unique` ON `network_cards` (`network_id`,`round_id`);